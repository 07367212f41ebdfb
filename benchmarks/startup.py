"""How fast oefenplek starts and how quickly a step changes: figures and ratios, no pass/fail.

    uv run python benchmarks/startup.py

Each figure is the median of several fresh processes (import cost counts, as for a person).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = r"""
import json, os, sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
t_qt = time.perf_counter()
from oefenplek import app as appmod
from oefenplek.gui import theme
app.setStyleSheet(theme.stylesheet())
catalog = appmod.load_lessons()
t_lessons = time.perf_counter()
running = appmod.build(catalog)
running.window.show(); app.processEvents()
t_window = time.perf_counter()
c = running.controller
learner = running.repository.add_learner("Bench", "cat")
c.choose_learner(learner.id)
c.open_lesson(sorted(catalog.lessons)[0])
app.processEvents()
t_lesson = time.perf_counter()
steps = 0
while c.run.can_go_on and not c.run.is_last and steps < 5:
    c.go_on(); app.processEvents(); steps += 1
t_steps = time.perf_counter()
print(json.dumps({
    "qt": t_qt - t0, "lessons": t_lessons - t_qt, "window": t_window - t_lessons,
    "open_lesson": t_lesson - t_window, "per_step": (t_steps - t_lesson) / max(steps, 1),
    "total_to_picker": t_window - t0, "alembic_loaded": "alembic" in sys.modules,
}))
"""


def once(home: str) -> dict[str, float]:
    env = dict(os.environ, OEFENPLEK_HOME=home, QT_QPA_PLATFORM="offscreen",
               OEFENPLEK_SPEECH_ENGINE="mock")
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    home = tempfile.mkdtemp(prefix="oefenplek-bench-")
    first = once(home)  # creates and migrates the database
    runs = [once(home) for _ in range(5)]
    print(f"first start (new database, migration): {first['total_to_picker'] * 1000:7.0f} ms")
    for key in ("qt", "lessons", "window", "total_to_picker", "open_lesson", "per_step"):
        value = statistics.median(run[key] for run in runs) * 1000
        print(f"{key:>24}: {value:7.1f} ms")
    later = statistics.median(run["total_to_picker"] for run in runs)
    print(f"{'later start / first':>24}: {later / first['total_to_picker']:7.2f}")
    print(f"{'alembic loaded later':>24}: {any(run['alembic_loaded'] for run in runs)}")


if __name__ == "__main__":
    main()
