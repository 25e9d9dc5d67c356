"""Replacing the database with a backup: checked, the current state kept first, the unit it serves kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.text import Text, UserError
from desktop.store import audit
from desktop.store.database import check_backup, utc_stamp
from desktop.store.models import Installation


def _served(path: Path) -> tuple[str, str, str] | None:
    """The unit a database file serves (code, Chinese and English name), read without opening it for the program."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT i.unit_code, u.name_zh, u.name_en FROM installation i JOIN unit u ON u.code = i.unit_code "
                           "LIMIT 1").fetchone()  # fmt: skip
    except sqlite3.Error:  # a backup from before the unit was kept
        return None
    finally:
        con.close()


def restore(store, actor: str, backup: Path) -> Path:
    """Restores `backup` over the database and returns where the state before it was kept. A backup of another
    unit's installation is refused; one from before the unit was kept goes on serving the unit this one served."""
    db, backup = store.db, Path(backup)
    if db.path is None:
        db.restore(backup)  # refused in words: a server is restored with its own tools
    check_backup(backup)
    ours, theirs = _served(db.path), _served(backup)
    if ours and theirs and ours[0] != theirs[0]:
        raise UserError(Text(f"此备份是{theirs[1]}（{theirs[0]}）的数据库，本机所属单位是{ours[1]}（{ours[0]}）；未恢复，数据库未作任何修改",
                             f"This backup is {theirs[2]}'s ({theirs[0]}) database and this installation serves {ours[2]} "
                             f"({ours[0]}); nothing was restored or changed"))  # fmt: skip
    safety = db.backup(db.path.parent / "backups" / f"{db.path.stem}-before-restore-{utc_stamp()}.sqlite3")
    db.restore(backup)
    db.migrate()  # an older backup is brought up to date
    with store.session() as s:
        if ours and not theirs:
            s.add(Installation(unit_code=ours[0], set_by=actor))
            audit.record(s, actor, "installation.serve", unit=ours[0], new=ours[0],
                         reason="备份中未记录本机所属单位，沿用恢复前的设定 / kept from before the restore")  # fmt: skip
        audit.record(s, actor, "restore", new=backup.name, reason=f"previous state kept in {safety}")
        s.commit()
    return safety
