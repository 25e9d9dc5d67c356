"""Two reviewers working the same half at once, each in their own process, on one PostgreSQL server (and on
one SQLite file, as two windows on one PC would): nothing is lost, and the audit chain holds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.core.semester import Semester

WRITER = Path(__file__).with_name("review_writer.py")
ROUNDS = 40


def test_two_reviewers_at_once_lose_nothing(store, tmp_path):
    from desktop.store import audit, users
    from desktop.store.review import Review
    from desktop.store.submissions import Submissions

    unit, half = store.units.find("500101"), Semester(2024, 1)
    with store.session() as s:
        users.create(s, store.units, "admin", "reviewer2", "secret-pw", "reviewer")
        s.commit()
    Submissions(store).record_demo("admin", unit, half, accepted=False)  # version 1 received: reviewable
    url = store.db.url
    store.db.dispose()
    writers = []
    for name, code in (("reviewer", "air.pm25"), ("reviewer2", "enf.penalties")):
        env = dict(os.environ, ECOREPORT_WITNESS_DIR=str(tmp_path / f"witness-{name}"))  # two PCs
        writers.append(subprocess.Popen([sys.executable, str(WRITER), url, name, code, str(ROUNDS)], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))  # fmt: skip
    for writer in writers:
        out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err
        assert out.splitlines()[-1] == f"done {ROUNDS}"
    threads = Review(store).threads(unit, half)
    by = {name: [t for t in threads if t.messages[0].author == name] for name in ("reviewer", "reviewer2")}
    assert {name: len(ts) for name, ts in by.items()} == {"reviewer": ROUNDS, "reviewer2": ROUNDS}
    # every question, answer and closing, each closing by the reviewer who asked
    assert all(not t.open and [m.kind for m in t.messages] == ["message", "message", "close"]
               and t.messages[2].author == t.messages[0].author for t in threads)  # fmt: skip
    with store.session() as s:
        count, broken = audit.verify(s)
        opened = s.exec(__import__("sqlmodel").text("SELECT count(*) FROM audit WHERE action = 'query.open'")).one()[0]
    assert broken is None, broken
    assert opened == 2 * ROUNDS
