"""Reports on a busy location: how long the figures and each export take.

    uv run python benchmarks/reports.py

Builds a made-up location (2,000 learners, 40,000 lesson runs, 400,000 attempts over three
years) once, then times a year's report and each export of it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oefenplek.core.reports import Period, build_report
from oefenplek.documents.report_exports import WRITERS
from oefenplek.storage.report_queries import report_facts
from oefenplek.storage.repository import Repository
from tests.reports.busy_location import THEMES, TITLES, YEAR_2025, make_busy_location


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="oefenplek-reports-"))
    start = time.perf_counter()
    repository = Repository(make_busy_location(folder / "busy.sqlite3"))
    print(f"{'made the busy location':>28}: {time.perf_counter() - start:7.1f} s")
    period = Period(*YEAR_2025)
    start = time.perf_counter()
    facts = report_facts(repository, period, THEMES, TITLES)
    queried = time.perf_counter()
    report = build_report(facts)
    built = time.perf_counter()
    print(f"{'queries for a year':>28}: {(queried - start) * 1000:7.0f} ms")
    print(f"{'figures from the facts':>28}: {(built - queried) * 1000:7.0f} ms")
    print(f"{'learners / visits in 2025':>28}: {report.learners} / {report.visits}")
    for kind, writer in WRITERS.items():
        for funder in (False, True):
            target = folder / f"report-{funder}.{kind}"
            start = time.perf_counter()
            writer(report, "Bibliotheek Lindenhof", target, funder)
            took = time.perf_counter() - start
            label = f"{kind}{' (funder)' if funder else ''}"
            print(f"{label:>28}: {took * 1000:7.0f} ms, {target.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
