"""What the staff screens show, computed from plain records by plain functions.

Widgets only draw what these hand them, so every decision (which text, which button is on)
is tested without Qt. Nothing here imports Qt, opens a database session or reads the clock:
times come in as arguments.
"""
