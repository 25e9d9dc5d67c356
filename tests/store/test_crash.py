"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it reported as saved."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.semester import Semester

KILLS = int(os.environ.get("ECOREPORT_CRASH_KILLS", "500"))
WRITER = Path(__file__).with_name("crash_writer.py")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.timeout(900)  # about a minute on an idle 2-core machine; a busy one may take several
def test_sigkill_at_random_moments_loses_nothing(demo_copy, tmp_path, capsys):
    """Hundreds of writers killed at random moments while editing, importing and reviewing: the database stays
    sound, everything reported saved is there, and the audit chain with its signed heads still verifies."""
    from desktop.context import open_context
    from desktop.core.derived import compute
    from desktop.exchange.save import save_workbook
    from desktop.exchange.template import build_template
    from desktop.store import audit

    ctx = open_context(str(demo_copy))
    unit, half = ctx.units.find("500101"), Semester(2024, 1)
    templates = []
    for n, cases in ((0, 3), (1, 4)):
        report = ctx.store.figures(unit, half)
        # The templates change other values; the counter the writer increments is left empty in them.
        raw = {c: v for c, v in report.raw.items() if c != "enf.penalties"} | {"water.river_cases": cases}
        wb = build_template(ctx.catalog, unit, half, compute(ctx.catalog, raw, half), report, report, {}, "zh")
        templates.append(save_workbook(wb, tmp_path / f"t{n}.xlsx"))
    ctx.store.db.dispose()
    # The writers' warnings go to a file: a pipe nobody reads fills up and would stop them.
    log = open(tmp_path / "writers.log", "w")  # noqa: SIM115 - closed with the zygote below
    zygote = subprocess.Popen([sys.executable, str(WRITER), str(demo_copy), str(templates[0]), str(templates[1])],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True, bufsize=1)  # fmt: skip
    rng = random.Random(7)
    last_saved, queried, survived, moments = 1000, 0, 0, {"saved": 0, "imported": 0, "queried": 0}
    started = time.monotonic()
    try:
        for kill in range(KILLS):
            zygote.stdin.write(f"run {last_saved}\n")
            lines, pid = [], None
            while pid is None or not lines:  # the writer's pid, and its first commit
                line = zygote.stdout.readline()
                assert line, (tmp_path / "writers.log").read_text()
                assert not line.startswith("error"), line  # a writer failed on its own: say why
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                else:
                    lines.append(line)
            time.sleep(rng.uniform(0.0, 0.06))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(f"reap {pid}\n")
            while not (line := zygote.stdout.readline()).startswith("reaped"):
                assert line and not line.startswith("error"), line or (tmp_path / "writers.log").read_text()
                lines.append(line)
            for line in lines:
                moments[line.split()[0]] += 1
            saved = [int(line.split()[1]) for line in lines if line.startswith("saved")]
            queried += sum(line.startswith("queried") for line in lines)
            if saved:
                last_saved = saved[-1]
            db = sqlite3.connect(demo_copy)
            if kill % 50 == 0 or kill == KILLS - 1:
                assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = int(db.execute("SELECT value FROM value WHERE unit_code='500101' AND semester='2024H1' "
                                    "AND code='enf.penalties'").fetchone()[0])  # fmt: skip
            threads = db.execute("SELECT count(*) FROM query_thread WHERE unit_code='500117'").fetchone()[0]
            db.close()
            # Everything reported saved is there; at most the one write in flight when killed is there too.
            assert stored in (last_saved, last_saved + 1)
            assert threads in (queried, queried + 1)
            last_saved, queried = stored, threads
            survived += 1
    finally:
        zygote.stdin.close()
        zygote.kill()
        zygote.wait()
        log.close()
    ctx = open_context(str(demo_copy))
    with ctx.store.session() as s:
        count, broken = audit.verify(s, ctx.store.db.witness)
    assert broken is None, broken
    with capsys.disabled():  # into the CI log: the soak's counts
        print(f"\ncrash soak: {survived} kills survived in {time.monotonic() - started:.0f} s; commits before the kills: {moments}; "
              f"{count} audit rows and their signed heads verified; data lost: 0")
