"""The audit log: one append-only row per change — who, when, what, old → new, why.

Every row carries the hash of the row before it, so a row edited or deleted behind the application's
back (the sqlite3 shell, a text editor on a copy) breaks the chain, and `verify` says where. A chain cut
short, or rewritten with every hash recomputed, still holds together; so each committed batch also
appends the chain's head (row count, last id and hash) signed with a key kept outside the database
(store/witness.py), and this computer keeps its own copy of the newest head. Submissions and review
files carry the head too, so the other side holds an independent copy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, insert, select, text
from sqlmodel import Session, col

from desktop.core.text import Text
from desktop.store.models import AuditAnchor, AuditRow, utcnow

FIELDS = ("at", "user", "action", "unit_code", "semester", "code", "old", "new", "reason")

# Built once: every write that audits runs them, and building one costs more than running it.
_APPEND, _SIGN_HEAD = insert(AuditRow.__table__), insert(AuditAnchor.__table__)
_LAST_HASH = select(AuditRow.hash).order_by(col(AuditRow.id).desc()).limit(1)
_LAST_COUNT = select(AuditAnchor.count).order_by(col(AuditAnchor.id).desc()).limit(1)
_ROW_COUNT = select(func.count()).select_from(AuditRow)
_LAST_ID = select(func.max(AuditRow.id))


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
    return session.execute(_LAST_HASH).scalar()


def append(session: Session, rows: list[dict]) -> None:
    """Appends rows (dicts of FIELDS, optionally imported_by), chained to the log's last row, in one statement.
    Inside a batch (Database.batch) they are chained in memory and written, with one signed head, when it ends."""
    if not rows:
        return
    pending = session.connection().info.get(PENDING)
    if pending is not None:
        if pending.tail is None:
            pending.tail = _last_hash(session) or ""
        for given in rows:
            row = {f: given.get(f) for f in FIELDS} | {"imported_by": given.get("imported_by")}
            row["prev_hash"], row["hash"] = pending.tail or None, row_hash(pending.tail or None, row)
            pending.tail = row["hash"]
            pending.rows.append(row)
        return
    _insert(session, _last_hash(session), rows)


class Pending:
    """A batch's audit rows, chained in memory; `tail` is the hash they chain onto ("" for an empty log)."""

    def __init__(self):
        self.rows: list[dict] = []
        self.tail: str | None = None  # not read yet

    def mark(self) -> tuple[int, str | None]:
        return len(self.rows), self.tail

    def undo_to(self, mark: tuple[int, str | None]) -> None:
        del self.rows[mark[0]:]
        self.tail = mark[1]

    def write(self, session: Session) -> None:
        """Writes the rows, already chained, in one statement, and signs the new head."""
        if self.rows:
            before = _count(session)
            session.execute(_APPEND, self.rows)
            _anchor(session, before + len(self.rows), self.rows[-1]["hash"])
            self.rows = []


PENDING = "ecoreport.audit.pending"  # the key of a batch's Pending in its connection's info


def _count(session: Session) -> int:
    anchor = session.execute(_LAST_COUNT).scalar()
    return anchor if anchor is not None else session.execute(_ROW_COUNT).scalar()


def _insert(session: Session, previous: str | None, rows: list[dict]) -> None:
    out = []
    for given in rows:
        row = {f: given.get(f) for f in FIELDS} | {"imported_by": given.get("imported_by")}
        row["prev_hash"], row["hash"] = previous, row_hash(previous, row)
        previous = row["hash"]
        out.append(row)
    before = _count(session)
    session.execute(_APPEND, out)
    _anchor(session, before + len(out), previous)


def _anchor(session: Session, count: int, head_hash: str) -> None:
    """Signs the chain's new head; this computer's copy is written once the transaction commits."""
    witness = session.info.get("witness")
    if witness is None:  # a session not opened through the store (migrations)
        return
    last_id = session.execute(_LAST_ID).scalar()
    head = witness.sign({"count": count, "last_id": last_id, "hash": head_hash, "at": utcnow().isoformat(timespec="microseconds")})
    session.execute(_SIGN_HEAD, [{**head, "at": datetime.fromisoformat(head["at"])}])
    session.info["audit_head"] = head


def newest_head(session: Session) -> dict | None:
    """The newest signed head in this database, as files carry it."""
    row = session.execute(select(AuditAnchor).order_by(col(AuditAnchor.id).desc()).limit(1)).scalar()
    if row is None:
        return None
    return {"count": row.count, "last_id": row.last_id, "hash": row.hash, "at": _iso(row.at),
            "public_key": row.public_key, "signature": row.signature}  # fmt: skip


def _iso(at: datetime) -> str:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="microseconds")


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
    """The first entry that is not as it was written; `last` closes a range when only the batch is known."""

    id: int
    problem: str  # edited | removed before | missing | rewritten | forged | unsigned
    last: int | None = None
    source: str = "database"  # database | this computer | a file

    def describe(self) -> Text:
        where = f"第{self.id}条" if self.last in (None, self.id) else f"第{self.id}–{self.last}条"
        where_en = f"entry {self.id}" if self.last in (None, self.id) else f"entries {self.id}–{self.last}"
        zh, en = {
            "edited": (f"{where}记录内容被修改", f"{where_en} was edited"),
            "removed before": (f"{where}记录之前有记录被删除或插入", f"an entry before {where_en} was deleted or inserted")
            if self.last in (None, self.id) else (f"{where}记录中有记录被删除或插入", f"an entry among {where_en} was deleted or inserted"),
            "missing": (f"{where}记录已签名，但已不在日志中（日志被截短）", f"{where_en} was signed but is gone (the log was cut short)"),
            "rewritten": (f"{where}记录与签名时不符（被改写后重新计算了哈希）",
                          f"{where_en} no longer match what was signed (rewritten, hashes recomputed)"),
            "forged": (f"{where}记录的签名头无效", f"the signed head at {where_en} is not valid"),
            "unsigned": (f"{where}记录不是由本系统写入的（没有签名头）", f"{where_en} was not written by EcoReport (no signed head)"),
        }[self.problem]
        by = {"database": ("", ""), "this computer": ("（与本机保存的记录对照）", " (against this computer's own record)"),
              "a file": ("（与文件中的签名头对照）", " (against the signed head in the file)")}[self.source]  # fmt: skip
        return Text(zh + by[0], en + by[1])


def verify(session: Session, witness=None, heads: list[dict] | None = None) -> tuple[int, Broken | None]:
    """Checks the whole chain, the signed heads in the database, this computer's own copy of the newest head
    (`witness`) and `heads` from files; returns how many rows were checked and the first entry not as written."""
    from desktop.store.witness import head_signed

    table = AuditRow.__table__
    previous: str | None = None
    count = 0
    found: list[Broken] = []
    position: dict[int, tuple[int, str]] = {}  # id → (rows up to it, its hash)
    ids: list[int] = []
    for row in session.execute(select(table).order_by(table.c.id)).mappings():
        count += 1
        if not found:
            if (row["prev_hash"] or None) != previous:
                found.append(Broken(row["id"], "removed before"))
            elif row["hash"] != row_hash(previous, dict(row)):
                found.append(Broken(row["id"], "edited"))
        previous = row["hash"]
        position[row["id"]] = (count, row["hash"])
        ids.append(row["id"])
    anchors = [{"count": a.count, "last_id": a.last_id, "hash": a.hash, "at": _iso(a.at), "public_key": a.public_key,
                "signature": a.signature} for a in session.execute(select(AuditAnchor).order_by(col(AuditAnchor.id))).scalars()]  # fmt: skip
    found += _against(anchors, position, ids, "database")
    if anchors and ids and ids[-1] > anchors[-1]["last_id"]:
        first = next(i for i in ids if i > anchors[-1]["last_id"])
        found.append(Broken(first, "unsigned", ids[-1]))
    own = witness.heads() if witness is not None else []
    if own:
        found += _against(own, position, ids, "this computer")
    for head in heads or []:
        found += _against([head], position, ids, "a file") if head_signed(head) else [Broken(head["last_id"], "forged", source="a file")]
    # The break that closes first; an exact entry (the chain's own links) before a range (a signed batch).
    return count, min(found, key=lambda b: (b.last or b.id, b.last is not None)) if found else None


def _against(heads: list[dict], position: dict, ids: list[int], source: str) -> list[Broken]:
    """The first signed head the chain no longer matches: its entry gone, or a different hash or count there."""
    from desktop.store.witness import head_signed

    after = 0  # the last entry of the last head that still holds
    for head in heads:
        if source == "database" and not head_signed(head):
            return [Broken(head["last_id"], "forged", source=source)]
        here = position.get(head["last_id"])
        if here is None:
            gone = [i for i in range(after + 1, head["last_id"] + 1) if i not in position]
            return [Broken(gone[0] if gone else head["last_id"], "missing", head["last_id"], source)]
        if here != (head["count"], head["hash"]):
            first = next((i for i in ids if i > after), head["last_id"])
            problem = "rewritten" if here[1] != head["hash"] else "removed before"  # same hash, other count
            return [Broken(first, problem, head["last_id"], source)]
        after = head["last_id"]
    return []


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

    def verify(self, heads: list[dict] | None = None) -> tuple[int, Broken | None]:
        with self.store.session() as s:
            return verify(s, self.store.db.witness, heads)

    def newest_head(self) -> dict | None:
        with self.store.session() as s:
            return newest_head(s)

    def signing_keys(self) -> set[str]:
        """The keys this log's heads were signed with (in the database, and this computer's own record of them): a
        head signed with another is another installation's log."""
        with self.store.session() as s:
            keys = set(s.execute(select(AuditAnchor.public_key).distinct()).scalars())
        return keys | {h["public_key"] for h in self.store.db.witness.heads() if h.get("public_key")}

    def record(self, user: str, action: str, **fields) -> None:
        with self.store.session() as s:
            record(s, user, action, **fields)
            s.commit()
