"""Every schema revision released so far, as its own code wrote it, upgraded to today's: a backup is taken
first (byte for byte the old file), and the data is identical afterwards.

The fixtures in fixtures/ were built by fixtures/build_schema_fixture.py run with the code of the last commit
at each revision (0001 8a0e224^, 0002 2bd5a57^, 0003 2b2c410^, 0004 74a904a^, 0005 fced270^, 0006 867a6a1^, 0007 792edd9, 0008 d36211f, 0009 be83fe3, 0010 ccf8990, 0011 689447f).
A new revision adds its fixture the same way.
"""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from desktop.store.database import HEAD_REVISION

FIXTURES = Path(__file__).with_name("fixtures")
RELEASED = sorted(p.name.split("-")[1].split(".")[0] for p in FIXTURES.glob("schema-*.sqlite3.gz"))


def kept(db: Path) -> dict:
    """What must survive an upgrade, read with the sqlite3 module."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {
            "values": con.execute("SELECT unit_code, semester, code, value, updated_by FROM value ORDER BY id").fetchall(),
            "users": con.execute("SELECT name, role, unit_code, password_hash FROM user ORDER BY id").fetchall(),
            "audit": con.execute("SELECT at, user, action, unit_code, semester, code, old, new, reason FROM audit ORDER BY id").fetchall(),
            "units": con.execute("SELECT code, name_zh FROM unit ORDER BY code").fetchall(),
        }
    finally:
        con.close()


def test_a_fixture_exists_for_every_revision_but_the_newest():
    assert [f"{n:04d}" for n in range(1, int(HEAD_REVISION))] == RELEASED


@pytest.mark.parametrize("revision", RELEASED)
def test_each_released_schema_is_upgraded_with_a_backup_and_its_data_intact(revision, tmp_path):
    from desktop.context import open_context
    from desktop.core.semester import Semester
    from desktop.store import audit

    db = tmp_path / "old.sqlite3"
    original = gzip.decompress((FIXTURES / f"schema-{revision}.sqlite3.gz").read_bytes())
    db.write_bytes(original)
    before = kept(db)
    assert before["values"] and before["audit"]
    ctx = open_context(str(db))
    assert ctx.store.db.revision() == HEAD_REVISION
    backups = list(tmp_path.glob(f"old.before-{revision}-*.sqlite3"))
    assert len(backups) == 1 and kept(backups[0]) == before  # the state before the upgrade, kept beside it
    after = kept(db)
    assert after == before  # nothing changed, lost or reinterpreted
    unit = ctx.units.find("500101")
    half = ctx.store.unit_half(unit, Semester(2024, 1))
    assert str(half.raw["air.pm25"]) == "38.1" and half.raw["enf.penalties"] == 12
    assert half.explanations["air.pm25"] == "降水偏少，静稳天气多"
    assert ctx.users.sign_in("wanzhou", "fixture-pw-1").unit_code == "500101"  # passwords still work
    count, broken = audit.AuditLog(ctx.store).verify()
    assert broken is None and count == len(before["audit"])
    ctx.store.set_values("wanzhou", unit, Semester(2024, 1), {"enf.penalties": "13"})  # and it keeps working, signed
    assert audit.AuditLog(ctx.store).verify()[1] is None
    ctx.store.db.dispose()


def test_0008_takes_the_received_time_from_the_versions_or_else_the_log(demo_copy):
    """Earlier releases kept no received time of their own: the upgrade takes what they recorded, not the last change."""
    from desktop.context import open_context

    con = sqlite3.connect(demo_copy)
    receipts = dict(con.execute("SELECT unit_code, MAX(at) FROM audit WHERE action = 'status.receive' AND semester = '2024H1' "
                                "GROUP BY unit_code").fetchall())  # fmt: skip
    con.execute("DELETE FROM submission_version")  # the demo kept no versions then
    con.execute("INSERT INTO submission_version (unit_code, semester, version, fingerprint, snapshot, received_by, received_at) "
                "VALUES ('500102', '2024H1', 1, 'f', '{}', 'reviewer', '2024-07-18 09:30:00.000000')")  # fmt: skip
    con.execute("ALTER TABLE submission DROP COLUMN received_at")
    con.execute("ALTER TABLE query_message DROP COLUMN kind")  # what 0009 to 0012 add: the file is as 0007 left it
    con.execute("ALTER TABLE query_message DROP COLUMN author_name")
    con.execute("ALTER TABLE submission_version DROP COLUMN origin")
    con.execute("DROP TABLE installation")  # 0012's
    con.execute("UPDATE submission SET updated_at = '2026-01-01 00:00:00.000000'")  # a later status change
    con.execute("UPDATE alembic_version SET version_num = '0007'")
    con.commit()
    con.close()
    open_context(str(demo_copy)).store.db.dispose()
    con = sqlite3.connect(demo_copy)
    after = dict(con.execute("SELECT unit_code, received_at FROM submission WHERE semester = '2024H1'").fetchall())
    con.close()
    assert after.pop("500102") == "2024-07-18 09:30:00.000000"
    assert len(receipts) > 20 and after == {code: receipts.get(code) for code in after}


def test_a_database_from_a_newer_release_is_refused_in_words_and_left_untouched(demo_copy):
    """A PC that got the newer version, then an older one opening its database: said, not a traceback; no backup."""
    import hashlib
    import os
    import subprocess
    import sys

    con = sqlite3.connect(demo_copy)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before, files = hashlib.sha256(demo_copy.read_bytes()).hexdigest(), set(demo_copy.parent.iterdir())
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_copy), "catalog"], capture_output=True, text=True,
                          env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "此数据库已由较新版本的 EcoReport 升级（数据库结构 0099" in done.stderr and "数据库未作任何修改" in done.stderr
    assert hashlib.sha256(demo_copy.read_bytes()).hexdigest() == before and set(demo_copy.parent.iterdir()) == files
