"""District accounts the bureau prepares: made at the bureau with a one-time password, carried hashed in the
district's set-up package, created on the district PC when the package is imported, and changed there at
first login. The password is shown once, to the bureau's administrator, and stored nowhere in clear."""

from __future__ import annotations

import secrets
import tomllib

from sqlmodel import select

from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.core.workflow import this_installation
from desktop.store import audit, installation, keys, users
from desktop.store.models import DistrictAccount, UserRow
from desktop.store.passwords import hash_password

FILE = "accounts.toml"  # in a package: the accounts of the one district it was exported for
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read out over the phone


def change_own_password(store, name: str, old_password: str, new_password: str) -> None:
    """A user's own change: the old password proves it, and the signing keys they hold follow the new one
    (their key slots are sealed again in the same transaction)."""
    from desktop.store.passwords import verify_password

    with store.session() as s:
        user = users.require(s, name)
        if not verify_password(user.password_hash, old_password):
            raise UserError(Text("原密码错误", "Wrong current password"))
        users.set_password(s, name, name, new_password)
        keys.rewrap_slots(s, name, old_password, new_password)
        s.commit()


def one_time_password() -> str:
    """Twelve characters in groups of four, e.g. k7mq-2xpa-9dvh."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


class DistrictAccounts:
    """The bureau's list of accounts prepared for districts; each method owns its session."""

    def __init__(self, store):
        self.store = store

    def add(self, actor: str, name: str, role: str, unit: Unit, display_name: str = "") -> str:
        """Prepares an account; returns its one-time password (shown once)."""
        name = name.strip()
        if role not in users.UNIT_ROLES:
            raise UserError(Text("区县账户的角色须为 clerk（填报人）或 approver（审核人）",
                                 "A district account's role is clerk or approver"))  # fmt: skip
        if unit.is_municipality:
            raise UserError(Text("区县账户须属于一个区县", "A district account belongs to a district"))
        if not name or len(name) > 64:
            raise UserError(Text("用户名须为1至64个字符", "A user name must have 1 to 64 characters"))
        password = one_time_password()
        with self.store.session() as s:
            users.require_admin(s, actor)
            serves = installation.served(s, self.store.units)
            if serves is not None and not serves.is_municipality:
                raise UserError(Text(f"本机是{serves.name.zh}的填报机；区县账户由市局准备，随设置包发来",
                                     f"This installation serves {serves.name.en}; district accounts are prepared by "
                                     "the bureau and come in its set-up package"))  # fmt: skip
            if s.exec(select(DistrictAccount.id).where(DistrictAccount.name == name)).first() is not None:
                raise UserError(Text(f"已为区县准备过账户“{name}”", f"An account '{name}' is already prepared"))
            if users.find(s, name) is not None:
                raise UserError(Text(f"本机已有用户“{name}”", f"A user '{name}' already exists here"))
            s.add(DistrictAccount(name=name, display_name=display_name or name, role=role, unit_code=unit.code,
                                  password_hash=hash_password(password), created_by=actor))  # fmt: skip
            audit.record(s, actor, "account.prepare", unit=unit.code, new=f"{name} ({role})")
            s.commit()
        return password

    def remove(self, actor: str, name: str) -> None:
        with self.store.session() as s:
            users.require_admin(s, actor)
            row = s.exec(select(DistrictAccount).where(DistrictAccount.name == name)).first()
            if row is None:
                raise UserError(Text(f"没有为区县准备的账户“{name}”", f"No prepared account '{name}'"))
            s.delete(row)
            audit.record(s, actor, "account.remove", unit=row.unit_code, old=name)
            s.commit()

    def of(self, unit: Unit | None = None) -> list[DistrictAccount]:
        with self.store.session() as s:
            query = select(DistrictAccount).order_by(DistrictAccount.unit_code, DistrictAccount.name)
            if unit is not None:
                query = query.where(DistrictAccount.unit_code == unit.code)
            return list(s.exec(query))

    def file_for(self, unit: Unit) -> str | None:
        """accounts.toml for one district's package, or None when none are prepared for it."""
        rows = self.of(unit)
        if not rows:
            return None
        lines = [f"# Accounts for {unit.code} {unit.name.zh}: one-time passwords, hashed; changed at first login.", ""]
        for row in rows:
            lines += ["[[account]]", f"name = {_quote(row.name)}", f"display_name = {_quote(row.display_name)}",
                      f"role = {_quote(row.role)}", f"unit = {_quote(row.unit_code)}",
                      f"password_hash = {_quote(row.password_hash)}", ""]  # fmt: skip
        return "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse(text: str, units) -> list[dict]:
    """The accounts of a package file, checked: roles, units, argon2 hashes only."""
    try:
        rows = tomllib.loads(text).get("account", [])
    except tomllib.TOMLDecodeError:
        raise UserError(Text("设置包中的账户文件有误", "The package's accounts file is broken")) from None
    accounts = []
    for row in rows:
        name, role, unit = str(row.get("name", "")).strip(), row.get("role"), units.get(str(row.get("unit", "")))
        hashed = str(row.get("password_hash", ""))
        if not name or role not in users.UNIT_ROLES or unit is None or unit.is_municipality or not hashed.startswith("$argon2"):
            raise UserError(Text(f"设置包中的账户“{name}”有误", f"The package's account '{name}' is broken"))
        accounts.append({"name": name, "display_name": str(row.get("display_name", name)), "role": role,
                         "unit": unit.code, "password_hash": hashed})  # fmt: skip
    return accounts


def served_here(session, units, accounts: list[dict]) -> None:
    """Refuses a package whose accounts are another unit's than the one this installation serves."""
    serves = installation.served(session, units)
    for account in accounts:
        if serves is not None and account["unit"] != serves.code:
            unit = units.get(account["unit"])
            unit = unit.name if unit else Text(account["unit"], account["unit"])
            here = this_installation(serves)
            ask = Text("", "") if serves.is_municipality else \
                Text(f"请向市局索取{serves.name.zh}的设置包", f" Ask the bureau for {serves.name.en}'s package")
            raise UserError(Text(f"设置包中的账户“{account['name']}”属于{unit.zh}，是发给{unit.zh}的；{here.zh}，未导入。{ask.zh}",
                                 f"The package's account '{account['name']}' belongs to {unit.en}: the package is "
                                 f"{unit.en}'s. {here.en}; nothing was imported.{ask.en}"))  # fmt: skip


def create_from_package(session, units, actor: str, accounts: list[dict]) -> tuple[list[str], list[str]]:
    """Creates the package's accounts that do not exist yet, each to be changed at first login.
    Returns (created, already there). Part of the package's import transaction."""
    served_here(session, units, accounts)
    created, existing = [], []
    for account in accounts:
        if users.find(session, account["name"]) is not None:
            existing.append(account["name"])
            continue
        session.add(UserRow(name=account["name"], display_name=account["display_name"], role=account["role"],
                            unit_code=account["unit"], password_hash=account["password_hash"],
                            must_change_password=True))  # fmt: skip
        audit.record(session, actor, "user.create", unit=account["unit"], new=f"{account['name']} ({account['role']})",
                     reason="set-up package")  # fmt: skip
        created.append(account["name"])
    return created, existing
