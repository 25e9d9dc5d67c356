"""Query threads at the level of one transaction: merging those a workbook carries, counting open ones.

Queries carry a `uid` so the same thread can live in the bureau's and the district's databases and
travel between them in workbooks; merging by uid makes every import idempotent.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from desktop.core.semester import Semester
from desktop.core.units import Unit
from desktop.store import audit
from desktop.store.models import QueryMessage, QueryThread, aware


def open_count(s: Session, unit: Unit, semester: Semester) -> int:
    return len(s.exec(select(QueryThread.id).where(QueryThread.unit_code == unit.code, QueryThread.semester == str(semester),
                                                   QueryThread.status == "open")).all())  # fmt: skip


# What each kind of message was on the side that wrote it: the audit action it recorded there.
_ACTIONS = {"close": "query.resolve", "reopen": "query.reopen"}


def merge_threads(s: Session, threads: list[dict], importer: str) -> int:
    """Adds the threads and messages of a workbook that this database lacks; returns how many it added. Each message
    added enters the audit log as the other side's act, under its author and time, brought in by `importer`."""
    added, entries = 0, []
    for data in threads:
        thread = s.exec(select(QueryThread).where(QueryThread.uid == data["uid"])).first()
        new_thread = thread is None
        if thread is None:
            thread = QueryThread(uid=data["uid"], unit_code=data["unit"], semester=data["semester"], code=data["code"],
                                 status=data["status"], version=data.get("version", 0), opened_by=data["opened_by"])  # fmt: skip
            s.add(thread)
            s.flush()
            added += 1
        known = set(s.exec(select(QueryMessage.uid).where(QueryMessage.thread_id == thread.id)))
        for m in data["messages"]:
            if m["uid"] not in known:
                at, kind = datetime.fromisoformat(m["at"]), m.get("kind", "message")
                s.add(QueryMessage(uid=m["uid"], thread_id=thread.id, author=m["author"], author_name=m.get("author_name"),
                                   side=m["side"], text=m["text"], at=at, kind=kind))  # fmt: skip
                action = _ACTIONS.get(kind) or ("query.open" if new_thread and not known else "query.reply")
                text = (m["text"] or "").strip() or None
                entries.append({"at": at, "user": m["author"], "action": action, "unit_code": thread.unit_code,
                                "semester": thread.semester, "code": thread.code, "old": None,
                                "new": text if kind == "message" else None, "reason": text if kind == "reopen" else None,
                                "imported_by": importer})  # fmt: skip
                known.add(m["uid"])
                added += 1
        s.flush()
        # Closed or open as its latest close or reopen says, whichever side's file brought it; a file from before
        # those steps were recorded can only close a query.
        steps = s.exec(select(QueryMessage.kind, QueryMessage.at, QueryMessage.id).where(
            QueryMessage.thread_id == thread.id, QueryMessage.kind != "message")).all()  # fmt: skip
        status = thread.status
        if steps:  # files give times to the second: within one, the order they were written in
            status = "resolved" if max(steps, key=lambda step: (aware(step[1]).replace(microsecond=0), step[2]))[0] == "close" else "open"
        elif data["status"] == "resolved":
            status = "resolved"
        if status != thread.status:
            thread.status = status
            s.add(thread)
            added += 1
    audit.append(s, sorted(entries, key=lambda e: aware(e["at"])))
    return added
