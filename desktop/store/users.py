"""User accounts: roles clerk, approver, reviewer, admin; a district user belongs to one unit."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from desktop.core.text import Text, UserError
from desktop.core.units import Unit, Units
from desktop.core.workflow import this_installation
from desktop.store import audit, installation
from desktop.store.models import ROLES, UserRow, aware, utcnow
from desktop.store.passwords import hash_password, verify_password

UNIT_ROLES = ("clerk", "approver")  # these must belong to a unit
MIN_PASSWORD = 8


def _password_problem(name: str, password: str) -> Text | None:
    if len(password) < MIN_PASSWORD:
        return Text(f"密码至少{MIN_PASSWORD}个字符", f"A password needs at least {MIN_PASSWORD} characters")
    if password.strip().lower() == name.strip().lower():
        return Text("密码不能与用户名相同", "A password may not be the user name")
    return None


def find(session: Session, name: str) -> UserRow | None:
    return session.exec(select(UserRow).where(UserRow.name == name)).first()


def full_name(user: UserRow) -> str:
    """How people are named to others: the full name, or the user name when none was given."""
    return user.display_name or user.name


def known_as(session: Session, name: str) -> str:
    """A user as people know them: the full name, with the user name when the two differ (张三（wanzhou）)."""
    user = find(session, name) if name else None
    full = full_name(user) if user else name
    return name if full == name else f"{full}（{name}）"


def require(session: Session, name: str) -> UserRow:
    user = find(session, name)
    if user is None:
        raise UserError(Text(f"没有用户“{name}”", f"No user '{name}'"))
    if not user.active:
        raise UserError(Text(f"用户 {name} 已停用", f"User {name} is disabled"))
    return user


def create(session: Session, units: Units, actor: str, name: str, password: str, role: str,
           unit_code: str | None = None, display_name: str = "") -> UserRow:  # fmt: skip
    name = name.strip()
    if not name or len(name) > 64:
        raise UserError(Text("用户名须为1至64个字符", "A user name must have 1 to 64 characters"))
    if role not in ROLES:
        raise UserError(Text(f"角色须为 {', '.join(ROLES)} 之一", f"Role must be one of {', '.join(ROLES)}"))
    unit_code = unit_code or _own_unit(session, units, role)
    if role in UNIT_ROLES and not unit_code:
        raise UserError(Text("填报人和审核人必须属于一个单位", "A clerk or approver must belong to a unit"))
    if unit_code is not None and units.get(unit_code) is None:
        raise UserError(Text(f"找不到单位“{unit_code}”", f"No unit '{unit_code}'"))
    _fits_installation(session, units, role, unit_code)
    problem = _password_problem(name, password)
    if problem:
        raise UserError(problem)
    if find(session, name) is not None:
        raise UserError(Text(f"用户“{name}”已存在", f"User '{name}' already exists"))
    if session.exec(select(UserRow.id).limit(1)).first() is not None:
        require_admin(session, actor)  # the very first account (set-up) needs nobody's permission
    user = UserRow(name=name, display_name=display_name or name, password_hash=hash_password(password), role=role,
                   unit_code=unit_code)  # fmt: skip
    session.add(user)
    audit.record(session, actor, "user.create", unit=unit_code, new=f"{name} ({role})")
    return user


def accounts_here(serves: Unit | None, units: Units) -> tuple[list[Unit], tuple[str, ...]]:
    """The units and roles an account can have on this installation (see _fits_installation): what a form offers."""
    if serves is None:
        return list(units), ROLES
    return [serves], ROLES if serves.is_municipality else tuple(r for r in ROLES if r != "reviewer")


def _own_unit(session: Session, units: Units, role: str) -> str | None:
    """The unit a clerk or approver named without one belongs to: the district this installation serves."""
    serves = installation.served(session, units)
    return serves.code if role in UNIT_ROLES and serves is not None and not serves.is_municipality else None


def _not_here(session: Session, units: Units, user: UserRow) -> Text | None:
    """Why `user` has no place on this installation (another unit's, a reviewer on a district's), or None."""
    serves = installation.served(session, units)
    if serves is None or not installation.foreign_account(serves, user.role, user.unit_code):
        return None
    return Text(f"{this_installation(serves).zh}，用户 {user.name} 不属于本单位，不能在本机使用",
                f"{this_installation(serves).en}; user {user.name} is not its own and cannot be used here")  # fmt: skip


def _fits_installation(session: Session, units: Units, role: str, unit_code: str | None) -> None:
    """A district's installation has accounts of that district (and administrators) only; the bureau's, of the
    bureau: a district's accounts are prepared there and travel in its set-up package."""
    serves = installation.served(session, units)
    if serves is None or not installation.foreign_account(serves, role, unit_code):
        return
    if not serves.is_municipality:
        raise UserError(Text(f"本机是{serves.name.zh}的填报机，只能建立{serves.name.zh}的填报人、审核人和管理员账户",
                             f"This installation serves {serves.name.en}: its accounts are {serves.name.en}'s clerks, "
                             "approvers and administrators"))  # fmt: skip
    raise UserError(Text("区县的账户请在“区县账户”中预置（ecoreport account add），随设置包发给区县",
                         "A district's accounts are prepared as district accounts (ecoreport account add) and "
                         "travel in its set-up package"))  # fmt: skip


FREE_ATTEMPTS = 5  # after these, each failure doubles the wait: 30 s, 1 min, 2 min, … up to an hour


def authenticate(session: Session, name: str, password: str, now: datetime | None = None) -> UserRow:
    """Checks a password; repeated failures lock the account for a while (throttling guessing)."""
    now = now or utcnow()
    user = find(session, name)
    if user is not None and user.locked_until is not None and aware(user.locked_until) > now:
        wait = int((aware(user.locked_until) - now).total_seconds()) + 1
        raise UserError(Text(f"登录失败次数过多，请{wait}秒后再试", f"Too many failed logins; try again in {wait} s"))
    # The same message whether the name or the password is wrong: do not reveal which names exist.
    if user is None or not verify_password(user.password_hash, password):
        if user is not None:
            user.failed_logins += 1
            if user.failed_logins >= FREE_ATTEMPTS:
                delay = min(3600, 30 * 2 ** (user.failed_logins - FREE_ATTEMPTS))
                user.locked_until = now + timedelta(seconds=delay)
            session.add(user)
            audit.record(session, name, "login.failed", new=str(user.failed_logins))
            session.commit()
        raise UserError(Text("用户名或密码错误", "Wrong user name or password"))
    if not user.active:
        raise UserError(Text(f"用户 {name} 已停用", f"User {name} is disabled"))
    if user.failed_logins or user.locked_until:
        user.failed_logins, user.locked_until = 0, None
        session.add(user)
        session.commit()
    return user


def require_admin(session: Session, actor: str) -> UserRow:
    user = require(session, actor)
    if user.role != "admin":
        raise UserError(Text("只有管理员可以管理用户", "Only an administrator manages users"))
    return user


def _active_admins(session: Session) -> int:
    return len(session.exec(select(UserRow.id).where(UserRow.role == "admin", UserRow.active)).all())


def all_users(session: Session) -> list[UserRow]:
    return list(session.exec(select(UserRow).order_by(UserRow.role, UserRow.name)))


def set_active(session: Session, units: Units, actor: str, name: str, active: bool) -> None:
    require_admin(session, actor)
    user = find(session, name)
    if user is None:
        raise UserError(Text(f"没有用户“{name}”", f"No user '{name}'"))
    if user.active == active:
        return
    if not active and user.role == "admin" and _active_admins(session) <= 1:
        raise UserError(Text("不能停用最后一个管理员", "The last administrator cannot be disabled"))
    refusal = _not_here(session, units, user) if active else None
    if refusal is not None:
        raise UserError(refusal)
    user.active = active
    session.add(user)
    audit.record(session, actor, "user.enable" if active else "user.disable", new=name)


def set_password(session: Session, actor: str, name: str, password: str) -> None:
    user = find(session, name)
    if user is None:
        raise UserError(Text(f"没有用户“{name}”", f"No user '{name}'"))
    if actor != name:
        require_admin(session, actor)
    problem = _password_problem(name, password)
    if problem:
        raise UserError(problem)
    if actor == name and verify_password(user.password_hash, password):
        raise UserError(Text("新密码不能与原密码相同", "The new password must differ from the old one"))
    user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    if actor == name:
        user.must_change_password = False
    session.add(user)
    audit.record(session, actor, "user.password", new=name)


def set_role(session: Session, units: Units, actor: str, name: str, role: str, unit_code: str | None) -> None:
    require_admin(session, actor)
    user = find(session, name)
    if user is None:
        raise UserError(Text(f"没有用户“{name}”", f"No user '{name}'"))
    if role not in ROLES:
        raise UserError(Text(f"角色须为 {', '.join(ROLES)} 之一", f"Role must be one of {', '.join(ROLES)}"))
    unit_code = unit_code or _own_unit(session, units, role)
    if role in UNIT_ROLES and not unit_code:
        raise UserError(Text("填报人和审核人必须属于一个单位", "A clerk or approver must belong to a unit"))
    if unit_code is not None and units.get(unit_code) is None:
        raise UserError(Text(f"找不到单位“{unit_code}”", f"No unit '{unit_code}'"))
    _fits_installation(session, units, role, unit_code)
    if user.role == "admin" and role != "admin" and user.active and _active_admins(session) <= 1:
        raise UserError(Text("不能取消最后一个管理员的管理员角色", "The last administrator must stay an administrator"))
    old = f"{user.role} {user.unit_code or ''}".strip()
    user.role, user.unit_code = role, unit_code
    session.add(user)
    audit.record(session, actor, "user.role", unit=unit_code, old=old, new=f"{name}: {role} {unit_code or ''}".strip())


class Users:
    """The accounts, for the command line and the GUI: each call is one transaction of its own."""

    def __init__(self, store):
        self.store = store

    def any(self) -> bool:
        with self.store.session() as s:
            return s.exec(select(UserRow.id).limit(1)).first() is not None

    def sign_in(self, name: str, password: str) -> UserRow:
        with self.store.session() as s:
            user = authenticate(s, name, password)
            refusal = _not_here(s, self.store.units, user)  # an account kept from before the unit was named
            if refusal is not None:
                raise UserError(refusal)
            return user

    def find(self, name: str) -> UserRow | None:
        with self.store.session() as s:
            return find(s, name)

    def known_as(self, name: str) -> str:
        with self.store.session() as s:
            return known_as(s, name)

    def all(self) -> list[UserRow]:
        with self.store.session() as s:
            return all_users(s)

    def create(self, actor: str, name: str, password: str, role: str, unit_code: str | None = None,
               display_name: str = "") -> UserRow:  # fmt: skip
        with self.store.session() as s:
            user = create(s, self.store.units, actor, name, password, role, unit_code, display_name)
            s.commit()
            s.refresh(user)
            return user

    def set_active(self, actor: str, name: str, active: bool) -> None:
        self._commit(lambda s: set_active(s, self.store.units, actor, name, active))

    def set_password(self, actor: str, name: str, password: str) -> None:
        self._commit(lambda s: set_password(s, actor, name, password))

    def set_role(self, actor: str, name: str, role: str, unit_code: str | None) -> None:
        self._commit(lambda s: set_role(s, self.store.units, actor, name, role, unit_code))

    def _commit(self, change) -> None:
        with self.store.session() as s:
            change(s)
            s.commit()
