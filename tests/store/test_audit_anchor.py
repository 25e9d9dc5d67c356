"""The audit chain's signed heads: attacks done with the sqlite3 module, as someone with the database file
could, each detected and the first bad entry named. No false alarm for what the application itself does."""

from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime

import pytest

from desktop.core.semester import Semester
from desktop.store import audit

H1 = Semester(2024, 1)


def _verify(store, heads=None):
    with store.session() as s:
        return audit.verify(s, store.db.witness, heads)


def shell(store, *statements: str) -> None:
    """The sqlite3 module on the database file: the guards lifted, then the statements."""
    store.db.dispose()
    shell_on(store.db.path, *statements)


def recompute_from(store, first_id: int) -> None:
    """Rewrites every hash from `first_id` on with the application's own function, as a careful forger would."""
    db = sqlite3.connect(store.db.path)
    db.row_factory = sqlite3.Row
    previous = db.execute("SELECT hash FROM audit WHERE id < ? ORDER BY id DESC LIMIT 1", (first_id,)).fetchone()
    previous = previous["hash"] if previous else None
    for row in db.execute("SELECT * FROM audit WHERE id >= ? ORDER BY id", (first_id,)).fetchall():
        data = dict(row)
        data["at"] = datetime.fromisoformat(data["at"])
        digest = audit.row_hash(previous, data)
        db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (previous, digest, row["id"]))
        previous = digest
    db.commit()
    db.close()


def entries(store, n: int) -> list[int]:
    """n batches of one audit entry each; returns their ids."""
    unit = store.units.find("500101")
    for i in range(n):
        store.set_values("clerk", unit, H1, {"enf.penalties": str(10 + i)})
    with store.db.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM audit ORDER BY id DESC LIMIT {n}")][::-1]


def attacked(store, *, expect_id: int, expect: str, source: str = "database", heads=None) -> None:
    count, broken = _verify(store, heads)
    assert broken is not None, "the attack went unseen"
    assert (broken.id, broken.problem, broken.source) == (expect_id, expect, source), broken


@pytest.fixture
def log(sqlite_store):
    ids = entries(sqlite_store, 6)
    count, broken = _verify(sqlite_store)
    assert broken is None  # nothing the application did looks like tampering
    return sqlite_store, ids


def test_a_deleted_newest_entry_is_named(log):
    store, ids = log
    shell(store, f"DELETE FROM audit WHERE id = {ids[-1]}")
    attacked(store, expect_id=ids[-1], expect="missing")


def test_a_truncated_chain_names_its_first_missing_entry(log):
    store, ids = log
    shell(store, f"DELETE FROM audit WHERE id >= {ids[2]}")
    attacked(store, expect_id=ids[2], expect="missing")


def test_a_rewritten_chain_with_recomputed_hashes_is_named(log):
    store, ids = log
    shell(store, f"UPDATE audit SET new = '99' WHERE id = {ids[2]}")
    recompute_from(store, ids[2])
    assert _chain_only(store) is None  # the chain alone holds: only the signed heads show it
    attacked(store, expect_id=ids[2], expect="rewritten")


def test_heads_deleted_with_the_rows_are_caught_by_this_computers_record(log):
    store, ids = log
    shell(store, f"DELETE FROM audit WHERE id = {ids[-1]}", "DELETE FROM audit_anchor WHERE id = (SELECT max(id) FROM audit_anchor)")
    attacked(store, expect_id=ids[-1], expect="missing", source="this computer")


def test_heads_re_signed_with_the_forgers_own_key_are_caught_by_this_computers_record(log):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.store.witness import head_message

    store, ids = log
    shell(store, f"UPDATE audit SET new = '99' WHERE id = {ids[2]}")
    recompute_from(store, ids[2])
    forger = Ed25519PrivateKey.generate()
    public = base64.b64encode(forger.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()
    db = sqlite3.connect(store.db.path)
    for anchor_id, last_id, count, at in db.execute("SELECT id, last_id, count, at FROM audit_anchor").fetchall():
        digest = db.execute("SELECT hash FROM audit WHERE id = ?", (last_id,)).fetchone()[0]
        head = {"count": count, "last_id": last_id, "hash": digest, "at": audit._iso(datetime.fromisoformat(at))}
        signature = base64.b64encode(forger.sign(head_message(head))).decode()
        db.execute("UPDATE audit_anchor SET hash = ?, public_key = ?, signature = ? WHERE id = ?", (digest, public, signature, anchor_id))
    db.commit()
    db.close()
    attacked(store, expect_id=ids[2], expect="rewritten", source="this computer")


def test_a_forged_head_is_refused(log):
    store, ids = log
    shell(store, "UPDATE audit_anchor SET count = count + 1 WHERE id = (SELECT max(id) FROM audit_anchor)")
    attacked(store, expect_id=ids[-1], expect="forged")


def test_an_entry_slipped_in_without_the_application_is_named(log):
    store, ids = log
    db = sqlite3.connect(store.db.path)
    db.row_factory = sqlite3.Row
    last = dict(db.execute("SELECT * FROM audit ORDER BY id DESC LIMIT 1").fetchone())
    db.close()
    row = {**last, "old": last["new"], "new": "0", "at": datetime.fromisoformat(last["at"])}
    row["prev_hash"], row["hash"] = last["hash"], audit.row_hash(last["hash"], row)
    shell(store, "INSERT INTO audit (at, user, action, unit_code, semester, code, old, new, prev_hash, hash) VALUES "
                 f"('{last['at']}', '{row['user']}', '{row['action']}', '{row['unit_code']}', '{row['semester']}', "
                 f"'{row['code']}', '{row['old']}', '0', '{row['prev_hash']}', '{row['hash']}')")  # fmt: skip
    attacked(store, expect_id=ids[-1] + 1, expect="unsigned")


def test_on_another_computer_the_files_that_left_hold_the_head(log, tmp_path, monkeypatch):
    """A copy opened where no record of it is kept: the submission sent earlier still shows the cut."""
    from desktop.exchange.export import submission_workbook
    from desktop.exchange.heads import head_of
    from desktop.exchange.save import save_workbook

    store, ids = log
    sent = save_workbook(submission_workbook(store, store.units.find("500101"), H1), tmp_path / "sent.xlsx")
    head = head_of(sent)
    assert head["last_id"] == ids[-1]
    store.db.dispose()
    elsewhere = tmp_path / "copy.sqlite3"
    shutil.copy(store.db.path, elsewhere)
    shell_on(elsewhere, f"DELETE FROM audit WHERE id >= {ids[3]}", f"DELETE FROM audit_anchor WHERE last_id >= {ids[3]}")
    monkeypatch.setenv("ECOREPORT_WITNESS_DIR", str(tmp_path / "another-computer"))
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(elsewhere), "audit", "verify", "--user", "admin"],
                            env=dict(os.environ, ECOREPORT_PASSWORD="secret-pw"), capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0 and "本机没有保存此数据库的签名头" in result.stdout  # says what it cannot see
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(elsewhere), "audit", "verify", "--against", str(sent),
                             "--user", "admin", "--json"], env=dict(os.environ, ECOREPORT_PASSWORD="secret-pw"),
                            capture_output=True, text=True)  # fmt: skip
    report = json.loads(result.stdout)
    assert result.returncode == 1 and (report["first_broken"], report["problem"], report["found_by"]) == (ids[3], "missing", "a file")


def shell_on(path, *statements):
    db = sqlite3.connect(path)
    for trigger in ("audit_no_update", "audit_no_delete", "audit_anchor_no_update", "audit_anchor_no_delete"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def _chain_only(store):
    """The hash chain's own links, without the signed heads (what verify did before heads existed)."""
    db = sqlite3.connect(store.db.path)
    db.row_factory = sqlite3.Row
    previous = None
    try:
        for row in db.execute("SELECT * FROM audit ORDER BY id").fetchall():
            data = dict(row)
            data["at"] = datetime.fromisoformat(data["at"])
            if (row["prev_hash"] or None) != previous or row["hash"] != audit.row_hash(previous, data):
                return row["id"]
            previous = row["hash"]
    finally:
        db.close()
    return None


def test_what_the_application_does_raises_no_alarm(log, tmp_path):
    """Backups, restores, a crash between commit and this computer's record, and the anchors' guard."""
    store, ids = log
    backup = store.db.backup(tmp_path / "backup.sqlite3")
    entries(store, 2)
    witness_file = store.db.witness.path
    behind = json.loads(witness_file.read_text())
    entries(store, 1)
    witness_file.write_text(json.dumps(behind))  # the process died after the commit, before the record
    store.db.witness._data = None
    assert _verify(store)[1] is None
    store.db.restore(backup)
    audit.AuditLog(store).record("admin", "restore", new="backup.sqlite3")
    assert _verify(store)[1] is None  # the restore itself is the newest signed entry
    db = sqlite3.connect(store.db.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit_anchor")
    db.close()


def test_submissions_and_review_files_carry_the_head(log, tmp_path):
    from desktop.exchange.export import submission_workbook
    from desktop.exchange.heads import head_of
    from desktop.exchange.save import save_workbook

    store, ids = log
    path = save_workbook(submission_workbook(store, store.units.find("500101"), H1), tmp_path / "s.xlsx")
    head = head_of(path)
    from desktop.store.witness import head_signed

    assert head_signed(head) and head["last_id"] == ids[-1]
    assert head_of(store.db.backup(tmp_path / "b.sqlite3"))["last_id"] == ids[-1]
