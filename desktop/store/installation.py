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
from desktop.store.models import Installation, UserRow, ValueRow

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
    refusal = _not_this_units(s, units, unit)
    if refusal is not None:
        raise UserError(refusal)
    s.add(Installation(unit_code=unit.code, set_by=actor.name))
    audit.record(s, actor.name, "installation.serve", unit=unit.code, new=unit.code)
    return True



def require_bureau(s: Session, units: Units, doing: Text) -> None:
    """The bureau's set-up (targets, deadlines, the catalog, packages signed as the bureau's) is made at the bureau's
    installation (or one playing both sides): a district's would issue packages under its own key as the bureau's."""
    serves = served(s, units)
    if serves is not None and not serves.is_municipality:
        raise UserError(Text(f"本机是{serves.name.zh}的填报机；{doing.zh}由市局进行，区县导入市局发来的设置包",
                             f"This installation serves {serves.name.en}; {doing.en} is the bureau's to do, and a "
                             "district imports the package the bureau sends"))  # fmt: skip


def _not_this_units(s: Session, units: Units, unit: Unit) -> Text | None:
    """Why a database cannot be named `unit`'s: a district's holding other units' data (a bureau's, the demo) or
    accounts, or a bureau's holding district users' accounts; None when it can."""
    if not unit.is_municipality:
        others = s.execute(select(ValueRow.unit_code).where(ValueRow.unit_code != unit.code, ValueRow.value.is_not(None))
                           .distinct()).scalars().all()  # fmt: skip
        if others:
            first = units.get(others[0])
            name = first.name if first else Text(others[0], others[0])
            return Text(f"此数据库中有其他单位的数据（{name.zh}等{len(others)}个单位），不是{unit.name.zh}的填报机；"
                        f"为{unit.name.zh}填报请另建数据库（--db）",
                        f"This database holds other units' data ({name.en} and {len(others) - 1} more): it is not "
                        f"{unit.name.en}'s installation; make a new database (--db) to report for {unit.name.en}")  # fmt: skip
    rows = s.execute(select(UserRow.name, UserRow.role, UserRow.unit_code).where(UserRow.active)).all()
    elsewhere = [name for name, role, code in rows if (code is not None and code != unit.code)
                 or (role == "reviewer" and not unit.is_municipality)]  # fmt: skip
    if elsewhere:
        listed = "、".join(elsewhere[:5]) + ("等" if len(elsewhere) > 5 else "")
        return Text(f"此数据库中有不属于{unit.name.zh}的账户（{listed}）；请先停用（ecoreport user disable 或 管理 → 用户管理），"
                    f"再设定本机所属单位",
                    f"This database has accounts that are not {unit.name.en}'s ({', '.join(elsewhere[:5])}); disable them "
                    "first (ecoreport user disable, or 管理 → 用户管理), then name the unit")  # fmt: skip
    return None


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
