"""Replacing the database with a backup: checked, the current state kept first, the unit it serves kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.store import audit
from desktop.store.database import check_backup, utc_stamp
from desktop.store.installation import DEMO_MARK, not_theirs
from desktop.store.models import Installation
from desktop.store.packages import require_administrator


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


def _not_ours(store, backup: Path, unit) -> Text | None:
    """What naming would say of the backup's content (installation.not_theirs), read from the file as it is."""
    con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        data_of = [code for (code,) in con.execute("SELECT DISTINCT unit_code FROM value WHERE value IS NOT NULL")]
        accounts = con.execute("SELECT name, role, unit_code FROM user WHERE active").fetchall()
        try:
            demo = any(DEMO_MARK in content for (content,) in con.execute("SELECT content FROM resource_package WHERE active"))
        except sqlite3.Error:  # from before set-up packages
            demo = False
    except sqlite3.Error:
        return Text("无法读取此备份中的数据和账户", "its data and accounts cannot be read")
    finally:
        con.close()
    return not_theirs(store.units, unit, data_of, accounts, demo)


def _versions(path: Path) -> dict[tuple[str, str], int]:
    """How many times each unit-half had been signed off, in a database file read as it is."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {(unit, half): version for unit, half, version in
                con.execute("SELECT unit_code, semester, version FROM submission WHERE version > 0")}  # fmt: skip
    except sqlite3.Error:  # from before versions were kept
        return {}
    finally:
        con.close()


def versions_lost(store, backup: Path) -> list[Text]:
    """The signed-off versions this database holds and `backup` does not, in words (万州区 2026年下半年 第2版): they
    may already be with the bureau. Where this computer's record of what it signed off (the witness) does not reach
    them, the half's next sign-off would number a version as one of them again, and the words say so."""
    if store.db.path is None:
        return []
    before, after = _versions(store.db.path), _versions(Path(backup))
    lost = []
    for (code, half), version in sorted(before.items()):
        kept = after.get((code, half), 0)
        if version > kept:
            unit, semester = store.units.get(code), Semester.parse(half)
            name = unit.name if unit is not None else Text(code, code)
            numbers = f"{kept + 1}–{version}" if version > kept + 1 else str(version)
            signed = store.db.witness.signed_version(code, half)  # what submissions.sign_off numbers after
            if signed >= version:
                after_it = (f"（再次签发为第{signed + 1}版）", f" (signed off again, it is version {signed + 1})")
            else:
                after_it = (f"（再次签发会重复第{kept + 1}版的编号，市局将拒收）",
                            f" (signed off again, it would repeat version {kept + 1}, which the bureau refuses)")  # fmt: skip
            lost.append(Text(f"{name.zh} {semester.label('zh')} 第{numbers}版{after_it[0]}",
                             f"{name.en} {semester.label('en')} version {numbers}{after_it[1]}"))  # fmt: skip
    return lost


def restore(store, actor: str, backup: Path, older: bool = False) -> Path:
    """Restores `backup` over the database and returns where the state before it was kept. Only an administrator
    restores (it undoes every edit and sign-off since the backup). A backup of another unit's installation is refused;
    one from before the unit was kept goes on serving the unit this one served; one without versions signed off since
    it was made is refused unless `older` says that is meant."""
    db, backup = store.db, Path(backup)
    require_administrator(store, actor)
    if db.path is None:
        db.restore(backup)  # refused in words: a server is restored with its own tools
    check_backup(backup)
    ours, theirs = _served(db.path), _served(backup)
    if ours and theirs and ours[0] != theirs[0]:
        raise UserError(Text(f"此备份是{theirs[1]}（{theirs[0]}）的数据库，本机所属单位是{ours[1]}（{ours[0]}）；未恢复，数据库未作任何修改",
                             f"This backup is {theirs[2]}'s ({theirs[0]}) database and this installation serves {ours[2]} "
                             f"({ours[0]}); nothing was restored or changed"))  # fmt: skip
    if ours and not theirs:  # a backup from before the unit was kept: it must be one this unit's installation could hold
        refusal = _not_ours(store, backup, store.units.get(ours[0]))
        if refusal is not None:
            raise UserError(Text(f"此备份不能恢复到本机：{refusal.zh}；未恢复，数据库未作任何修改",
                                 f"This backup cannot be restored here: {refusal.en}; nothing was restored or changed"))  # fmt: skip
    # Asked once the backup is known to be this unit's: another unit's is refused for that, not for its versions.
    lost = versions_lost(store, backup)
    if lost and not older:
        raise UserError(Text(f"此备份早于本机已签发的报送：{'、'.join(t.zh for t in lost)}。恢复后本机不再有这些版本的数据，"
                             "而市局可能已经收到。未恢复，数据库未作任何修改；确要恢复，请在命令行加 --older",
                             f"This backup is older than versions signed off here: {'; '.join(t.en for t in lost)}. Restored, "
                             "this computer would no longer hold their data, which the bureau may already have. Nothing was "
                             "restored or changed; to restore it anyway, add --older"))  # fmt: skip
    safety = db.backup(db.path.parent / "backups" / f"{db.path.stem}-before-restore-{utc_stamp()}.sqlite3")
    db.restore(backup)
    db.migrate()  # an older backup is brought up to date
    with store.session() as s:
        if ours and not theirs:
            s.add(Installation(unit_code=ours[0], set_by=actor))
            audit.record(s, actor, "installation.serve", unit=ours[0], new=ours[0],
                         reason="备份中未记录本机所属单位，沿用恢复前的设定 / kept from before the restore")  # fmt: skip
        lost_words = ("；恢复后不再有已签发的 " + "、".join(t.zh for t in lost)) if lost else ""
        audit.record(s, actor, "restore", new=backup.name, reason=f"恢复前的数据库已备份到 {safety}{lost_words} / previous state kept in {safety}")
        s.commit()
    return safety
