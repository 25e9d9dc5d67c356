"""Start-up benchmark: whole processes, timed side by side in the same run.

- floor A: ../shared/bench/bare_qt.py (a bare PySide6 window with a 60-row QTableView)
- floor B: the same plus importing the database stack (sqlmodel, SQLAlchemy, Alembic's check)
- `ecoreport --startup-benchmark login`  vs floor A   (goal ≤ 1.5×)
- `ecoreport --startup-benchmark`        vs floor B   (the main window with data; goal ≤ 1.3×)

    python bench/bench_startup.py [--runs 10]
Needs a demo database: it makes one in a temporary folder.
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

ROOT = Path(__file__).resolve().parent.parent
BARE = ROOT.parent / "shared" / "bench" / "bare_qt.py"
FLOOR_B = """
import runpy, sys
import sqlmodel, sqlalchemy.orm  # the database stack the main window needs
runpy.run_path(sys.argv[1], run_name="__main__")
"""


def measure(command: list[str], runs: int, env: dict) -> tuple[float, float]:
    """Median wall time of the whole process, and peak memory in MiB (from the kernel's accounting)."""
    import resource

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    folder = Path(tempfile.mkdtemp(prefix="ecoreport-startup-"))
    db = folder / "demo.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), XDG_CONFIG_HOME=str(folder))
    subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), "init", "--demo"], env=env, check=True, capture_output=True)
    app = [sys.executable, "-m", "desktop", "--db", str(db), "--startup-benchmark"]
    rows = [
        ("floor A: bare Qt window", [sys.executable, str(BARE)]),
        ("floor B: bare Qt + database stack", [sys.executable, "-c", FLOOR_B, str(BARE)]),
        ("login window", app + ["login"]),
        ("main window with data", app + ["main"]),
    ]
    results = {}
    for name, command in rows:
        measure(command, 1, env)  # warm the file cache
        results[name] = measure(command, runs, env)
    for name, (seconds, _) in results.items():
        print(f"{name:36s} {seconds:6.3f} s")
    login = results["login window"][0] / results["floor A: bare Qt window"][0]
    main_ratio = results["main window with data"][0] / results["floor B: bare Qt + database stack"][0]
    print(f"login / floor A: {login:.2f}× (goal ≤ 1.5×)    main / floor B: {main_ratio:.2f}× (goal ≤ 1.3×)")
    peak = subprocess.run(app + ["main"], env=env, capture_output=True, text=True).stdout.strip()
    print(f"main window, in process: {peak}")


if __name__ == "__main__":
    main()
