"""The audit chain's signed heads that a file carries: a submission or review workbook (its identity sheet: the
writer's own head and the heads it holds of the other side's log), or a backup (its newest anchor).
`audit verify --against` checks the chain still holds the ones of this installation's log."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.text import Text, UserError

HEAD_KEYS = ("count", "last_id", "hash", "at", "public_key", "signature")


@dataclass(frozen=True)
class Carried:
    """What a file carries of audit logs: its writer's own head, and the heads its writer holds of the other side's."""

    head: dict | None
    kind: str = "backup"  # "submission", "review" or "backup"
    unit: str = ""  # the district a workbook is about
    held: list[dict] = field(default_factory=list)

    def written_by(self, city: str) -> str | None:
        """The unit whose installation wrote the file: a review file the bureau's, a submission its district's."""
        return {"review": city, "submission": self.unit}.get(self.kind)

    def of_this_log(self, served: str | None, city: str, own_keys: set[str]) -> tuple[list[dict], bool]:
        """The heads of this installation's log the file holds, and whether they are the writer's own (else those the
        other side kept of it). Whose a file is goes by the unit this installation serves; unnamed, by the key."""
        writer = self.written_by(city)
        if served is not None and writer is not None:
            if writer == served:
                return ([self.head] if self.head else []), True
            addressed = served == (self.unit if self.kind == "review" else city)
            return (self.held if addressed else []), False
        if self.head is not None and self.head.get("public_key") in own_keys:
            return [self.head], True
        return [h for h in self.held if h.get("public_key") in own_keys], False


def head_of(path: Path) -> dict | None:
    """The head the file carries, or None when it carries none (made before heads existed)."""
    return carried(path).head


def carried(path: Path) -> Carried:
    try:
        with path.open("rb") as fh:
            start = fh.read(16)
    except OSError as exc:
        raise UserError(Text(f"无法读取 {path}：{exc.strerror}", f"Cannot read {path}: {exc.strerror}")) from None
    if start == b"SQLite format 3\x00":
        return Carried(_backup_head(path))
    return _workbook_heads(path)


def _backup_head(path: Path) -> dict | None:
    import sqlite3

    from desktop.store.audit import _iso
    from desktop.store.database import check_backup

    check_backup(path)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_anchor'").fetchone():
            return None
        row = db.execute("SELECT count, last_id, hash, at, public_key, signature FROM audit_anchor ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        db.close()
    if row is None:
        return None
    from datetime import datetime

    count, last_id, digest, at, public_key, signature = row
    return {"count": count, "last_id": last_id, "hash": digest, "at": _iso(datetime.fromisoformat(at)),
            "public_key": public_key, "signature": signature}  # fmt: skip


def _workbook_heads(path: Path) -> Carried:
    from python_calamine import CalamineWorkbook

    from desktop.exchange.reader import _meta
    from desktop.exchange.safety import inspect_workbook, read_workbook_file

    data = read_workbook_file(path)  # once: the bytes checked are the bytes read
    inspect_workbook(data)
    try:
        meta = _meta(CalamineWorkbook.from_filelike(io.BytesIO(data)))
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure means the same to the user
        raise UserError(Text(f"无法读取工作簿：{type(exc).__name__}", f"Cannot read the workbook: {type(exc).__name__}")) from None
    try:
        head = json.loads(meta["audit_head"]) if meta.get("audit_head") else None
        held = json.loads(meta["held_heads"]) if meta.get("held_heads") else []
        return Carried({k: head[k] for k in HEAD_KEYS} if head is not None else None, meta.get("kind", ""), meta.get("unit", ""),
                       [{k: h[k] for k in HEAD_KEYS} for h in held])  # fmt: skip
    except (ValueError, KeyError, TypeError):
        raise UserError(Text(f"{path.name}：签名头已损坏", f"{path.name}: its signed head is damaged")) from None
