"""The audit log: one append-only row per change — who, when, what, old → new, why.

Every row carries the hash of the row before it, so a row edited or deleted behind the application's
back (the sqlite3 shell, a text editor on a copy) breaks the chain, and `verify` says where.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select, text
from sqlmodel import Session, col

from desktop.store.models import AuditRow, utcnow

FIELDS = ("at", "user", "action", "unit_code", "semester", "code", "old", "new", "reason")


def row_hash(prev_hash: str | None, row: dict) -> str:
    """A stable digest of one row and the digest before it (the row's id is not part: it is not known yet)."""
    at = row["at"]
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    values = [prev_hash or ""] + [at.astimezone(UTC).isoformat() if f == "at" else row.get(f) for f in FIELDS]
    if row.get("imported_by"):  # rows from before 0005 have none, and keep their hashes
        values.append({"imported_by": row["imported_by"]})
    return hashlib.sha256(json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).hexdigest()


def _last_hash(session: Session) -> str | None:
    if session.get_bind().dialect.name == "postgresql":
        # SQLite serialises writers with BEGIN IMMEDIATE; on a server, writers queue on this lock instead,
        # so two PCs writing at once cannot both chain onto the same last row.
        session.execute(text("LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE"))
    return session.execute(select(AuditRow.hash).order_by(col(AuditRow.id).desc()).limit(1)).scalar()


def append(session: Session, rows: list[dict]) -> None:
    """Appends rows (dicts of FIELDS, optionally imported_by), chained to the log's last row, in one statement."""
    if not rows:
        return
    previous = _last_hash(session)
    out = []
    for given in rows:
        row = {f: given.get(f) for f in FIELDS} | {"imported_by": given.get("imported_by")}
        row["prev_hash"], row["hash"] = previous, row_hash(previous, row)
        previous = row["hash"]
        out.append(row)
    session.execute(insert(AuditRow.__table__), out)


def record_many(session: Session, user: str, unit: str | None, semester: str | None, reason: str | None,
                changes: list[tuple[str, str | None, str | None, str | None]], at: datetime | None = None) -> None:  # fmt: skip
    """Appends one row per (action, code, old, new) by one user at one moment."""
    at = at or utcnow()
    append(session, [{"at": at, "user": user, "action": action, "unit_code": unit, "semester": semester, "code": code,
                      "old": old, "new": new, "reason": reason} for action, code, old, new in changes])  # fmt: skip


def record(session: Session, user: str, action: str, *, unit: str | None = None, semester: str | None = None,
           code: str | None = None, old: str | None = None, new: str | None = None, reason: str | None = None) -> None:  # fmt: skip
    record_many(session, user, unit, semester, reason, [(action, code, old, new)])


def entries(session: Session, unit: str | None = None, limit: int | None = None) -> list[AuditRow]:
    from sqlmodel import select as model_select

    query = model_select(AuditRow).order_by(col(AuditRow.id))
    if unit is not None:
        query = query.where(AuditRow.unit_code == unit)
    rows = list(session.exec(query))
    return rows[-limit:] if limit else rows


@dataclass(frozen=True, slots=True)
class Broken:
    id: int
    problem: str  # "edited" (the row's content no longer matches its hash) or "removed before" (a gap)


def verify(session: Session) -> tuple[int, Broken | None]:
    """Checks the whole chain; returns how many rows were checked and the first broken link, if any."""
    table = AuditRow.__table__
    previous: str | None = None
    count = 0
    for row in session.execute(select(table).order_by(table.c.id)).mappings():
        count += 1
        if (row["prev_hash"] or None) != previous:
            return count, Broken(row["id"], "removed before")
        if row["hash"] != row_hash(previous, dict(row)):
            return count, Broken(row["id"], "edited")
        previous = row["hash"]
    return count, None


def to_json(row: AuditRow) -> dict:
    return {
        "id": row.id, "at": row.at.isoformat(timespec="seconds") if row.at else None, "user": row.user,
        "action": row.action, "unit": row.unit_code, "semester": row.semester, "code": row.code,
        "old": row.old, "new": row.new, "reason": row.reason, "imported_by": row.imported_by,
    }  # fmt: skip


class AuditLog:
    """The audit log for the command line and the GUI: reading, verifying, and an entry of their own."""

    def __init__(self, store):
        self.store = store

    def entries(self, unit: str | None = None, limit: int | None = None) -> list[AuditRow]:
        with self.store.session() as s:
            return entries(s, unit, limit)

    def verify(self) -> tuple[int, Broken | None]:
        with self.store.session() as s:
            return verify(s)

    def record(self, user: str, action: str, **fields) -> None:
        with self.store.session() as s:
            record(s, user, action, **fields)
            s.commit()
