"""Does the bundle start as fast as the app from source? Times `oefenplek --self-test` both ways.

    uv run pyinstaller build.spec                  # first build dist/oefenplek/
    uv run python benchmarks/bundle_startup.py     # [--runs N] [--bundle PATH]

Each figure is the median of several fresh processes, taking turns, after one warm-up run of
each (which fills the disk cache and, from source, Python's bytecode cache). Offscreen, with
the mock voice, in a throw-away data folder. Figures and a ratio, no pass/fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROGRAM = "oefenplek-console.exe" if sys.platform == "win32" else "oefenplek"


def seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:  # still timed: a failed check runs as far as a passed one
        print(f"note: {' '.join(command)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return elapsed


def timings(commands: list[list[str]], env: dict[str, str], runs: int) -> list[list[float]]:
    """Seconds per run of each command, taking turns so that a busy moment hits both."""
    for command in commands:
        seconds(command, env)  # warm-up
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, found in zip(commands, times, strict=True):
            found.append(seconds(command, env))
    return times


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5)
    options.add_argument("--bundle", type=Path, default=REPO / "dist" / "oefenplek" / PROGRAM)
    args = options.parse_args()
    if not args.bundle.is_file():
        sys.exit(f"No bundle at {args.bundle}: build it with `uv run pyinstaller build.spec`.")
    home = tempfile.mkdtemp(prefix="oefenplek-bench-")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "OEFENPLEK_"))}
    env.update(OEFENPLEK_HOME=home, QT_QPA_PLATFORM="offscreen", OEFENPLEK_SPEECH_ENGINE="mock")
    source_runs, bundle_runs = timings([[sys.executable, "-m", "oefenplek", "--self-test"],
                                        [str(args.bundle), "--self-test"]], env, args.runs)
    source, bundle = statistics.median(source_runs), statistics.median(bundle_runs)
    print(f"oefenplek --self-test, median of {args.runs} runs (after one warm-up each)")
    print(f"{'from source':>16}: {source * 1000:7.0f} ms   "
          f"({', '.join(f'{t * 1000:.0f}' for t in source_runs)})")
    print(f"{'from the bundle':>16}: {bundle * 1000:7.0f} ms   "
          f"({', '.join(f'{t * 1000:.0f}' for t in bundle_runs)})")
    print(f"{'bundle / source':>16}: {bundle / source:7.2f}")


if __name__ == "__main__":
    main()
