"""The audit log: one append-only row per change — who, when, what, old → new, why."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert
from sqlmodel import Session, col, select

from desktop.store.models import AuditRow


def record(session: Session, user: str, action: str, *, unit: str | None = None, semester: str | None = None,
           code: str | None = None, old: str | None = None, new: str | None = None, reason: str | None = None) -> AuditRow:  # fmt: skip
    row = AuditRow(
        user=user,
        action=action,
        unit_code=unit,
        semester=semester,
        code=code,
        old=old,
        new=new,
        reason=reason,
    )
    session.add(row)
    return row


def record_many(session: Session, user: str, unit: str, semester: str, reason: str | None,
                changes: list[tuple[str, str, str | None, str | None]], at: datetime) -> None:  # fmt: skip
    """Appends one row per (action, code, old, new) in a single statement."""
    if changes:
        rows = [{"at": at, "user": user, "action": action, "unit_code": unit, "semester": semester, "code": code,
                 "old": old, "new": new, "reason": reason} for action, code, old, new in changes]  # fmt: skip
        session.execute(insert(AuditRow.__table__), rows)


def entries(session: Session, unit: str | None = None, limit: int | None = None) -> list[AuditRow]:
    query = select(AuditRow).order_by(col(AuditRow.id))
    if unit is not None:
        query = query.where(AuditRow.unit_code == unit)
    rows = list(session.exec(query))
    return rows[-limit:] if limit else rows


def to_json(row: AuditRow) -> dict:
    return {
        "id": row.id, "at": row.at.isoformat(timespec="seconds") if row.at else None, "user": row.user,
        "action": row.action, "unit": row.unit_code, "semester": row.semester, "code": row.code,
        "old": row.old, "new": row.new, "reason": row.reason,
    }  # fmt: skip
