"""The audit chain's signed head that a file carries: a submission or review workbook (its identity sheet),
or a backup (its newest anchor). `audit verify --against` checks the chain still holds it."""

from __future__ import annotations

import io
import json
from pathlib import Path

from desktop.core.text import Text, UserError


def head_of(path: Path) -> dict | None:
    """The head the file carries, or None when it carries none (made before heads existed)."""
    try:
        with path.open("rb") as fh:
            start = fh.read(16)
    except OSError as exc:
        raise UserError(Text(f"无法读取 {path}：{exc.strerror}", f"Cannot read {path}: {exc.strerror}")) from None
    if start == b"SQLite format 3\x00":
        return _backup_head(path)
    return _workbook_head(path)


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


def _workbook_head(path: Path) -> dict | None:
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
    text = meta.get("audit_head", "")
    if not text:
        return None
    try:
        head = json.loads(text)
        return {k: head[k] for k in ("count", "last_id", "hash", "at", "public_key", "signature")}
    except (ValueError, KeyError, TypeError):
        raise UserError(Text(f"{path.name}：签名头已损坏", f"{path.name}: its signed head is damaged")) from None
