"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it reported as saved."""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.core.semester import Semester

KILLS = int(os.environ.get("ECOREPORT_CRASH_KILLS", "500"))
WRITER = Path(__file__).with_name("crash_writer.py")
WORDS = {"pid", "reaped", "saved", "imported", "queried"}
STALL = 120  # seconds without a line from the writers before the test says where each process is waiting


def _proc(pid: int) -> str:
    """Where a process is waiting, from /proc: its state, kernel wait channel and current system call."""
    parts = [f"pid {pid}"]
    for name in ("stat", "wchan", "syscall", "stack"):
        try:
            parts.append(f"{name}: " + Path(f"/proc/{pid}/{name}").read_text(errors="replace").strip()[:600])
        except OSError as exc:
            parts.append(f"{name}: {exc.strerror}")
    return "\n  ".join(parts)


class Lines:
    """The zygote's output read on a thread, so a stall is reported with where each process waits, not a timeout."""

    def __init__(self, zygote: subprocess.Popen, log: Path):
        self.zygote, self.log, self.lines = zygote, log, queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.zygote.stdout:
            self.lines.put(line)
        self.lines.put("")

    def next(self, writer: int | None) -> str:
        try:
            line = self.lines.get(timeout=STALL)
        except queue.Empty:
            where = [_proc(self.zygote.pid)] + ([_proc(writer)] if writer else [])
            pytest.fail(f"no line from the writers for {STALL} s\n" + "\n".join(where) + "\n" + self.log.read_text())
        assert line, self.log.read_text()  # the zygote ended
        assert not line.startswith("error"), line  # a writer failed on its own: say why
        word, _, number = line.strip().partition(" ")
        assert word in WORDS and number.isdigit(), f"a garbled line from the writers: {line!r}"
        return line


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
    output = Lines(zygote, tmp_path / "writers.log")
    rng = random.Random(7)
    last_saved, queried, survived, moments = 1000, 0, 0, {"saved": 0, "imported": 0, "queried": 0}
    started = time.monotonic()
    try:
        for kill in range(KILLS):
            zygote.stdin.write(f"run {last_saved}\n")
            lines, pid = [], None
            while pid is None or not lines:  # the writer's pid, and its first commit
                line = output.next(pid)
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                else:
                    lines.append(line)
            time.sleep(rng.uniform(0.0, 0.06))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(f"reap {pid}\n")
            while not (line := output.next(pid)).startswith("reaped"):
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
