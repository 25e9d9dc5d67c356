"""Signed heads held for other installations, and the check of this installation's own chain against the
heads they hold of it. Every exchange carries both ways: a submission the district's head and the bureau's
heads it holds; a review file the bureau's head and the district's heads it holds."""

from __future__ import annotations

import json

from sqlalchemy import insert
from sqlalchemy import select as core_select
from sqlmodel import col, select

from desktop.core.text import Text
from desktop.store.audit import AuditLog
from desktop.store.models import ReceivedHead, utcnow

KEPT_IN_FILES = 10  # the newest heads held, sent back with each file


def hold(store, actor: str, received: list[dict]) -> None:
    """Keeps the heads files carried: dicts of unit_code (the sender), kind, semester, version, head and
    file_sha256. A file already held (or twice in the list) is kept once; all in one statement."""
    table = ReceivedHead.__table__
    fresh = list({r["file_sha256"]: r for r in received}.values())
    if not fresh:
        return
    with store.session() as s:
        conn = s.connection()
        known = set(conn.execute(core_select(table.c.file_sha256).where(table.c.file_sha256.in_([r["file_sha256"] for r in fresh]))).scalars())
        rows = [{**r, "head": json.dumps(r["head"]), "received_by": actor, "received_at": utcnow()}
                for r in fresh if r["file_sha256"] not in known]  # fmt: skip
        if rows:
            conn.execute(insert(table), rows)
        s.commit()


def held(store, sender: str, limit: int = KEPT_IN_FILES) -> list[dict]:
    """The newest heads held for `sender`, oldest first."""
    with store.session() as s:
        rows = s.exec(select(ReceivedHead).where(ReceivedHead.unit_code == sender).order_by(col(ReceivedHead.id).desc()).limit(limit))
        return [json.loads(r.head) for r in rows][::-1]


def own_chain_problem(store, heads: list[dict], holder: Text) -> Text | None:
    """Whether this installation's chain still holds the heads `holder` keeps of it; a sentence if not."""
    if not heads:
        return None
    _, broken = AuditLog(store).verify(heads)
    if broken is None:
        return None
    said = broken.describe()
    return Text(f"本机审计日志与{holder.zh}保存的签名头不符：{said.zh}", f"This computer's audit log no longer matches the signed "
                f"heads {holder.en} holds: {said.en}")  # fmt: skip
