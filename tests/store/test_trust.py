"""Trust: the audit chain shows tampering, logins are throttled."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest

from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.store import audit, users
from desktop.store.models import utcnow

H1 = Semester(2024, 1)


def verify(store):
    with store.session() as s:
        return audit.verify(s)


def tamper(store, statement: str) -> None:
    """What someone with direct access could do: lift the guard, then edit or delete behind the app's back."""
    if store.db.path is not None:
        store.db.dispose()
        db = sqlite3.connect(store.db.path)  # the sqlite3 shell
        db.execute("DROP TRIGGER IF EXISTS audit_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        db.execute(statement)
        db.commit()
        db.close()
        return
    with store.db.engine.begin() as conn:  # psql
        conn.exec_driver_sql("ALTER TABLE audit DISABLE TRIGGER audit_append_only")
        conn.exec_driver_sql(statement)
        conn.exec_driver_sql("ALTER TABLE audit ENABLE TRIGGER audit_append_only")


def audit_id(store, code: str) -> int:
    with store.db.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT id FROM audit WHERE code = '{code}'").scalar()


def test_the_chain_holds_and_shows_an_edited_row(store, units, tmp_path):
    store.set_values("clerk", units.find("500101"), H1, {"water.sections_total": "4", "water.sections_excellent": "3"})
    count, broken = verify(store)
    assert broken is None and count >= 5
    edited = audit_id(store, "water.sections_total")
    tamper(store, "UPDATE audit SET new = '40' WHERE code = 'water.sections_total'")
    count, broken = verify(store)
    assert broken.id == edited and broken.problem == "edited"
    if store.db.path is not None:
        result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(store.db.path), "audit", "verify",
                                 "--user", "admin"], env=dict(os.environ, ECOREPORT_PASSWORD="secret-pw"),
                                capture_output=True, text=True)  # fmt: skip
        assert result.returncode == 1 and f"第{edited}条记录内容被修改" in result.stdout


def test_a_deleted_row_breaks_the_next_link(store, units):
    store.set_values("clerk", units.find("500101"), H1, {"water.sections_total": "4", "water.sections_excellent": "3",
                                                          "water.river_cases": "1"})  # fmt: skip
    victim = audit_id(store, "water.sections_excellent")
    tamper(store, f"DELETE FROM audit WHERE id = {victim}")
    count, broken = verify(store)
    assert broken.problem == "removed before" and broken.id > victim


def test_failed_logins_are_throttled(store):
    with store.session() as s:
        for _ in range(users.FREE_ATTEMPTS):
            with pytest.raises(UserError, match="Wrong user name or password"):
                users.authenticate(s, "clerk", "guess")
        with pytest.raises(UserError) as info:
            users.authenticate(s, "clerk", "secret-pw")  # even the right password waits now
        assert "秒后再试" in info.value.message("zh")
        later = utcnow() + timedelta(seconds=31)
        assert users.authenticate(s, "clerk", "secret-pw", now=later).name == "clerk"
        assert users.find(s, "clerk").failed_logins == 0
    entries = [e for e in store.audit_entries() if e.action == "login.failed"]
    assert len(entries) == users.FREE_ATTEMPTS


def run_cli(db, *args):
    user = [] if "--user" in args else ["--user", "admin"]
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args, *user], capture_output=True, text=True,
                          env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip


def test_backup_and_restore(demo_copy, tmp_path):
    backup = tmp_path / "b.sqlite3"
    assert run_cli(demo_copy, "backup", "-o", str(backup)).returncode == 0
    assert run_cli(demo_copy, "set", "500101", "2024H1", "enf.penalties=99", "--user", "wanzhou").returncode == 0
    result = run_cli(demo_copy, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    import json

    shown = json.loads(run_cli(demo_copy, "show", "500101", "2024H1", "--json").stdout)
    assert shown["values"]["enf.penalties"] == 16  # the value before the backup
    kept = list((demo_copy.parent / "backups").glob("*before-restore*"))
    assert kept  # the state before the restore is not lost either
    assert run_cli(demo_copy, "audit", "verify").returncode == 0
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database")
    refused = run_cli(demo_copy, "restore", str(tmp_path / "junk.sqlite3"))
    assert refused.returncode == 1 and "不是有效的数据库备份文件" in refused.stderr


def test_a_migration_backs_up_the_database_first(tmp_path):
    from alembic import command
    from alembic.config import Config

    from desktop.store.database import MIGRATIONS, Database

    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    db.migrate()
    copies = list(tmp_path.glob("old.before-0002-*.sqlite3"))
    assert len(copies) == 1
    check = sqlite3.connect(copies[0])
    assert check.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"


def test_only_an_administrator_restores_and_an_older_backup_than_a_sign_off_is_restored_only_when_meant(demo_copy, tmp_path):
    """A clerk could restore the whole database, undoing the approver's sign-off; a backup older than a version
    signed off here was restored without a word, and the half's next sign-off repeated a number the bureau had."""
    import json

    backup = tmp_path / "b.sqlite3"
    assert run_cli(demo_copy, "backup", "-o", str(backup)).returncode == 0
    clerk = run_cli(demo_copy, "restore", str(backup), "--user", "wanzhou")
    assert clerk.returncode != 0 and "管理员" in clerk.stderr
    explained = run_cli(demo_copy, "set", "500101", "2024H1", "--explain", "air.good_ratio=降水偏多，扬尘减少", "--user", "wanzhou")
    signed = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_copy), "submit", "500101", "2024H1", "--approver",
                             "wanzhou_approver", "--user", "wanzhou", "--head", "李局长", "--phone", "023-58123456"],
                            capture_output=True, text=True,
                            env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport", ECOREPORT_APPROVER_PASSWORD="ecoreport"))  # fmt: skip
    assert signed.returncode == 0, explained.stderr + signed.stderr + signed.stdout
    version = json.loads(run_cli(demo_copy, "show", "500101", "2024H1", "--json").stdout)["version"]
    refused = run_cli(demo_copy, "restore", str(backup))
    assert refused.returncode != 0 and f"万州区 2024年上半年 第{version}版" in refused.stderr and "--older" in refused.stderr
    assert json.loads(run_cli(demo_copy, "show", "500101", "2024H1", "--json").stdout)["status"] == "submitted"  # untouched
    assert not list((demo_copy.parent / "backups").glob("*before-restore*"))
    meant = run_cli(demo_copy, "restore", str(backup), "--older")
    assert meant.returncode == 0, meant.stderr
    shown = json.loads(run_cli(demo_copy, "show", "500101", "2024H1", "--json").stdout)
    assert shown["status"] == "draft"
    log = run_cli(demo_copy, "audit", "--json").stdout
    assert f"恢复后不再有已签发的 万州区 2024年上半年 第{version}版（再次签发为第{version + 1}版）" in log
    # Signed off again, the half is numbered after the version sent before the restore, not as that version again.
    assert run_cli(demo_copy, *explained.args[explained.args.index("set"):]).returncode == 0
    again = subprocess.run(signed.args, capture_output=True, text=True,
                           env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport", ECOREPORT_APPROVER_PASSWORD="ecoreport"))  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert json.loads(run_cli(demo_copy, "show", "500101", "2024H1", "--json").stdout)["version"] == version + 1


def test_a_restore_warns_that_numbering_repeats_when_this_computer_has_no_record_of_the_sign_off(demo_copy, tmp_path, monkeypatch):
    """Another OS account, or a witness folder lost: the refusal says the next sign-off would repeat the number."""
    from desktop.context import open_context
    from desktop.store.restore import versions_lost

    backup = tmp_path / "b.sqlite3"
    assert run_cli(demo_copy, "backup", "-o", str(backup)).returncode == 0
    ctx = open_context(str(demo_copy))
    unit = ctx.units.find("500101")
    ctx.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多，扬尘减少"})
    version = ctx.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    [said] = [t.zh for t in versions_lost(ctx.store, backup)]
    assert said.startswith("万州区 2024年上半年 第") and said.endswith(f"第{version}版（再次签发为第{version + 1}版）")
    monkeypatch.setenv("ECOREPORT_WITNESS_DIR", str(tmp_path / "another-account"))
    elsewhere = open_context(str(demo_copy))
    [said] = [t.zh for t in versions_lost(elsewhere.store, backup)]
    assert said.startswith("万州区 2024年上半年 第") and "再次签发会重复" in said and said.endswith("市局将拒收）")
    ctx.store.db.dispose()
    elsewhere.store.db.dispose()
