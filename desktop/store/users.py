"""User accounts: roles clerk, approver, reviewer, admin; a district user belongs to one unit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from desktop.core.text import Text, UserError
from desktop.core.units import Units
from desktop.store import audit
from desktop.store.models import ROLES, UserRow, utcnow
from desktop.store.passwords import hash_password, verify_password

UNIT_ROLES = ("clerk", "approver")  # these must belong to a unit
MIN_PASSWORD = 4


def find(session: Session, name: str) -> UserRow | None:
    return session.exec(select(UserRow).where(UserRow.name == name)).first()


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
    if role in UNIT_ROLES and not unit_code:
        raise UserError(Text("填报人和审核人必须属于一个单位", "A clerk or approver must belong to a unit"))
    if unit_code is not None and units.get(unit_code) is None:
        raise UserError(Text(f"找不到单位“{unit_code}”", f"No unit '{unit_code}'"))
    if len(password) < MIN_PASSWORD:
        raise UserError(
            Text(f"密码至少{MIN_PASSWORD}个字符", f"A password needs at least {MIN_PASSWORD} characters")
        )
    if find(session, name) is not None:
        raise UserError(Text(f"用户“{name}”已存在", f"User '{name}' already exists"))
    user = UserRow(name=name, display_name=display_name or name, password_hash=hash_password(password), role=role,
                   unit_code=unit_code)  # fmt: skip
    session.add(user)
    audit.record(session, actor, "user.create", unit=unit_code, new=f"{name} ({role})")
    return user


FREE_ATTEMPTS = 5  # after these, each failure doubles the wait: 30 s, 1 min, 2 min, … up to an hour


def authenticate(session: Session, name: str, password: str, now: datetime | None = None) -> UserRow:
    """Checks a password; repeated failures lock the account for a while (throttling guessing)."""
    now = now or utcnow()
    user = find(session, name)
    if user is not None and user.locked_until is not None and _aware(user.locked_until) > now:
        wait = int((_aware(user.locked_until) - now).total_seconds()) + 1
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


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)
