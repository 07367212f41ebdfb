"""oefenplek's benchmarks: `uv run python -m benchmarks` runs every figure next to its floor.

The single scripts beside this file (reports.py, startup.py, backups.py, …) still run on
their own and look deeper at one thing; the suite (`__main__.py`) is the one table to hold
the whole app against its floors, at 1×, 4× and 16× the busy location.
"""
