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
from desktop.store.models import Installation, ResourcePackage, UserRow, ValueRow

_SERVED = select(Installation.unit_code).limit(1)
DEMO_MARK = '"demo.toml"'  # a key of the demo's set-up package content (packages.DEMO_FILE), as stored in JSON


def served(s: Session, units: Units) -> Unit | None:
    """The unit this installation serves; None for one that plays both sides (the demo, a database from before)."""
    code = s.execute(_SERVED).scalar()
    return None if code is None else units.get(code)


def naming_refusal(s: Session, units: Units, unit: Unit, now: Unit | None) -> Text | None:
    """Why this installation, serving `now`, cannot be named `unit`'s; None when it can (or already is)."""
    if now is not None and now.code != unit.code:
        return Text(f"本机所属单位已设为{now.name.zh}（{now.code}），不能改为{unit.name.zh}；为其他单位填报请另建数据库（--db）",
                    f"This installation serves {now.name.en} ({now.code}) and cannot be changed to {unit.name.en}; "
                    "another unit needs a database of its own (--db)")  # fmt: skip
    return None if now is not None else _not_this_units(s, units, unit)


def serve(s: Session, units: Units, actor: UserRow, unit: Unit) -> bool:
    """Names the unit this installation serves; True if it was not named before. Only an administrator may, and
    only once: a PC that served 万州区 does not start entering 渝中区's data (another unit needs its own database)."""
    if actor.role != "admin" or not actor.active:
        raise UserError(Text("只有管理员可以设置本机所属单位", "Only an administrator can name the unit this installation serves"))
    now = served(s, units)
    if now is not None and now.code == unit.code:
        return False
    refusal = naming_refusal(s, units, unit, now)
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


def foreign_account(unit: Unit, role: str, unit_code: str | None) -> bool:
    """An account an installation serving `unit` does not keep: another unit's, or a reviewer on a district's."""
    return (unit_code is not None and unit_code != unit.code) or (role == "reviewer" and not unit.is_municipality)


def not_theirs(units: Units, unit: Unit, data_of: list[str], accounts: list[tuple[str, str, str | None]],
               demo: bool) -> Text | None:  # fmt: skip
    """Why a database holding data of the units `data_of` and the active `accounts` (name, role, unit) is not
    `unit`'s installation: a district's holding other units' data (a bureau's) or accounts, a bureau's holding
    district users, or the demo (it plays both sides); None when it can be."""
    if demo:
        return Text("这是演示数据库，同时扮演市局和各区县，不设本机所属单位；正式使用请另建数据库（ecoreport init --unit）",
                    "This is the demo database: it plays the bureau and every district and serves no one unit; "
                    "make a database of your own for real use (ecoreport init --unit)")  # fmt: skip
    others = [code for code in data_of if code != unit.code]
    if others and not unit.is_municipality:
        first = units.get(others[0])
        name = first.name if first else Text(others[0], others[0])
        return Text(f"此数据库中有其他单位的数据（{name.zh}等{len(others)}个单位），不是{unit.name.zh}的填报机；"
                    f"为{unit.name.zh}填报请另建数据库（--db）",
                    f"This database holds other units' data ({name.en} and {len(others) - 1} more): it is not "
                    f"{unit.name.en}'s installation; make a new database (--db) to report for {unit.name.en}")  # fmt: skip
    elsewhere = [name for name, role, code in accounts if foreign_account(unit, role, code)]
    if elsewhere:
        listed = "、".join(elsewhere[:5]) + ("等" if len(elsewhere) > 5 else "")
        return Text(f"此数据库中有不属于{unit.name.zh}的账户（{listed}）；请先停用（ecoreport user disable 或 管理 → 用户管理），"
                    f"再设定本机所属单位",
                    f"This database has accounts that are not {unit.name.en}'s ({', '.join(elsewhere[:5])}); disable them "
                    "first (ecoreport user disable, or 管理 → 用户管理), then name the unit")  # fmt: skip
    return None


def _not_this_units(s: Session, units: Units, unit: Unit) -> Text | None:
    data_of = s.execute(select(ValueRow.unit_code).where(ValueRow.value.is_not(None)).distinct()).scalars().all()
    accounts = [tuple(r) for r in s.execute(select(UserRow.name, UserRow.role, UserRow.unit_code).where(UserRow.active))]
    packages = s.execute(select(ResourcePackage.content).where(ResourcePackage.active)).scalars().all()
    return not_theirs(units, unit, list(data_of), accounts, any(DEMO_MARK in content for content in packages))


class ServedUnit:
    """The unit this installation serves, for the command line and the GUI: each call a transaction of its own."""

    def __init__(self, store):
        self.store = store

    def get(self) -> Unit | None:
        with self.store.session() as s:
            return served(s, self.store.units)

    def refusal(self, unit: Unit) -> Text | None:
        """Why naming `unit` would be refused now (asked before a person confirms), or None."""
        with self.store.session() as s:
            return naming_refusal(s, self.store.units, unit, served(s, self.store.units))

    def require_bureau(self, doing: Text) -> None:
        with self.store.session() as s:
            require_bureau(s, self.store.units, doing)

    def set(self, actor_name: str, unit: Unit) -> bool:
        with self.store.session() as s:
            actor = s.exec(model_select(UserRow).where(UserRow.name == actor_name)).first()
            if actor is None:
                raise UserError(Text(f"没有用户“{actor_name}”", f"No user '{actor_name}'"))
            changed = serve(s, self.store.units, actor, unit)
            s.commit()
            return changed
