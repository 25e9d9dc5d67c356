"""The unit this installation serves, named once by its administrator (first start, `init --unit`) and audited.

A district's PC enters and signs off only that district's half; the bureau's (the municipality) reviews.
Kept in the database, not a window's settings: the command line and every window obey the same rule.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session
from sqlmodel import select as model_select

from desktop.core.text import Text, UserError
from desktop.core.units import Unit, Units
from desktop.store import audit
from desktop.store.models import Installation, UserRow

_SERVED = select(Installation.unit_code).limit(1)


def served(s: Session, units: Units) -> Unit | None:
    """The unit this installation serves; None for one that plays both sides (the demo, a database from before)."""
    code = s.execute(_SERVED).scalar()
    return None if code is None else units.get(code)


def serve(s: Session, units: Units, actor: UserRow, unit: Unit) -> bool:
    """Names the unit this installation serves; True if it was not named before. Only an administrator may, and
    only once: a PC that served 万州区 does not start entering 渝中区's data (another unit needs its own database)."""
    if actor.role != "admin" or not actor.active:
        raise UserError(Text("只有管理员可以设置本机所属单位", "Only an administrator can name the unit this installation serves"))
    now = served(s, units)
    if now is not None and now.code == unit.code:
        return False
    if now is not None:
        raise UserError(Text(f"本机所属单位已设为{now.name.zh}（{now.code}），不能改为{unit.name.zh}；"
                             f"为其他单位填报请另建数据库（--db）",
                             f"This installation serves {now.name.en} ({now.code}) and cannot be changed to "
                             f"{unit.name.en}; another unit needs a database of its own (--db)"))  # fmt: skip
    s.add(Installation(unit_code=unit.code, set_by=actor.name))
    audit.record(s, actor.name, "installation.serve", unit=unit.code, new=unit.code)
    return True



class ServedUnit:
    """The unit this installation serves, for the command line and the GUI: each call a transaction of its own."""

    def __init__(self, store):
        self.store = store

    def get(self) -> Unit | None:
        with self.store.session() as s:
            return served(s, self.store.units)

    def set(self, actor_name: str, unit: Unit) -> bool:
        with self.store.session() as s:
            actor = s.exec(model_select(UserRow).where(UserRow.name == actor_name)).first()
            if actor is None:
                raise UserError(Text(f"没有用户“{actor_name}”", f"No user '{actor_name}'"))
            changed = serve(s, self.store.units, actor, unit)
            s.commit()
            return changed
