"""The bureau's review of a submission: versions, queries on values, the inbox.

Status changes (return, accept, reopen) belong to store.submissions; these methods delegate to it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.core.workflow import BUREAU_ROLES, REVIEWABLE, Status
from desktop.store import audit, installation, users
from desktop.store.models import QueryMessage, QueryThread, SubmissionRow, SubmissionVersion, aware, utcnow
from desktop.store.service import Store
from desktop.store.submissions import Submissions


@dataclass(frozen=True, slots=True)
class Message:
    uid: str
    author: str
    side: str
    text: str
    at: datetime
    kind: str = "message"  # message | close | reopen
    author_name: str | None = None  # the full name they wrote under; None for a message kept from before names

    @property
    def who(self) -> str:
        return named(self)


@dataclass(frozen=True, slots=True)
class Thread:
    uid: str
    code: str
    status: str
    version: int
    opened_by: str
    opened_at: datetime
    messages: tuple[Message, ...]

    @property
    def open(self) -> bool:
        return self.status == "open"

    @property
    def opener(self) -> str:
        """Who raised it, by full name: the author of its first message."""
        return opener(self.opened_by, self.messages[0] if self.messages else None)

    @property
    def state(self) -> str:
        """open (waiting for the district), answered (the district spoke last), closed, or reopened (by the bureau,
        after it was closed, and not answered since)."""
        return thread_state(self.status, [(m.kind, m.side) for m in self.messages])


def named(message) -> str:
    """A message's author by the full name written under, or the user name for one kept from before names."""
    return message.author_name or message.author


def opener(opened_by: str, first) -> str:
    """Who raised a query, by full name: the author of its first message."""
    return named(first) if first is not None and first.author == opened_by else opened_by


def thread_state(status: str, steps: list[tuple[str, str]]) -> str:
    if status == "resolved":
        return "closed"
    for kind, side in reversed(steps):
        if kind == "reopen":
            return "reopened"
        if kind == "message":
            return "answered" if side == "district" else "open"
    return "open"


@dataclass(frozen=True, slots=True)
class InboxRow:
    unit: Unit
    status: str
    version: int
    received_at: datetime | None
    deadline: date | None
    days_overdue: int  # > 0: late (not yet received, or received after the deadline)
    errors: int
    warnings: int  # unexplained
    open_queries: int


QUERY_STATES = {"open": Text("待答复", "open"), "answered": Text("已答复", "answered"), "closed": Text("已关闭", "closed"),
                "reopened": Text("重新打开", "reopened")}


@dataclass(frozen=True, slots=True)
class Completeness:
    """A half's completeness and timeliness across the districts (from the inbox's rows). Without a deadline nothing
    is on time or late: `on_time` and `late` are None, and `received` says what came in."""

    total: int
    on_time: int | None  # received by the deadline (and not returned)
    late: int | None  # received after it (and not returned)
    missing: int  # not received
    returned: int  # sent back, not yet sent again; each district counts once: received + missing + returned = total
    received: int  # on_time + late, when there is a deadline
    deadline: date | None

    @classmethod
    def of(cls, rows: list[InboxRow]) -> Completeness:
        held = [r for r in rows if r.status not in (Status.DRAFT, Status.RETURNED)]
        deadline = next((r.deadline for r in rows if r.deadline is not None), None)
        late = sum(r.days_overdue > 0 for r in held) if deadline is not None else None
        return cls(len(rows), None if late is None else len(held) - late, late, sum(r.status == Status.DRAFT for r in rows),
                   sum(r.status == Status.RETURNED for r in rows), len(held), deadline)  # fmt: skip


def to_remind(rows: list[InboxRow]) -> list[InboxRow]:
    """The districts a 催报 goes to: nothing received, or returned and not sent again; the most overdue first."""
    return sorted((r for r in rows if r.status in (Status.DRAFT, Status.RETURNED)), key=lambda r: (-r.days_overdue, r.unit.code))


@dataclass(frozen=True, slots=True)
class QueryRow:
    """One query in the list across districts."""

    uid: str
    unit: Unit
    code: str
    state: str  # open (waiting for the district) | answered (the district spoke last) | reopened
    opened_by: str
    opened_at: datetime
    days_open: int
    last_author: str
    last_at: datetime
    last_text: str
    question: str = ""  # what the bureau asked
    opener: str = ""  # who raised it and who spoke last, by full name (the two above are user names)
    last_who: str = ""


def _bureau_user(s: Session, units, actor: str):
    user = users.require(s, actor)
    if user.role not in BUREAU_ROLES:
        raise UserError(Text("只有市局审核员可以进行此操作", "Only a bureau reviewer can do this"))
    serves = installation.served(s, units)
    if serves is not None and not serves.is_municipality:
        raise UserError(Text(f"本机是{serves.name.zh}的填报机，审核在市局进行", f"This installation serves {serves.name.en}; "
                             "reviewing is done at the bureau's"))  # fmt: skip
    return user


def _status_row(store: Store, s: Session, unit: Unit, semester: Semester) -> SubmissionRow:
    row = store._submission(s, unit.code, semester)
    if row is None:
        raise UserError(Text(f"{unit.name.zh}尚未报送{semester.label('zh')}数据", f"{unit.name.en} has not submitted {semester}"))
    return row


SHORT_UID = 8  # what people copy from a listing or read out: enough while it is unique


def _thread(s: Session, uid: str) -> QueryThread:
    """A query by its id, or by the id's first characters (at least 8) when only one query starts with them."""
    uid = uid.strip().lower()
    thread = s.exec(select(QueryThread).where(QueryThread.uid == uid)).first()
    if thread is None and len(uid) >= SHORT_UID:
        found = list(s.exec(select(QueryThread).where(col(QueryThread.uid).startswith(uid)).limit(2)))
        if len(found) > 1:
            raise UserError(Text(f"编号 {uid} 对应多个问题，请多写几位", f"More than one query starts with {uid}; give more of the id"))
        thread = found[0] if found else None
    if thread is None:
        raise UserError(Text(f"找不到编号为 {uid} 的问题", f"No query with the id {uid}"))
    return thread


class Review:
    def __init__(self, store: Store):
        self.store = store
        self.submissions = Submissions(store)

    # --- versions -----------------------------------------------------------------------------
    def versions(self, unit: Unit, semester: Semester) -> list[SubmissionVersion]:
        with self.store.session() as s:
            query = select(SubmissionVersion).where(SubmissionVersion.unit_code == unit.code,
                                                    SubmissionVersion.semester == str(semester))  # fmt: skip
            return list(s.exec(query.order_by(col(SubmissionVersion.version))))

    def previous_values(self, unit: Unit, semester: Semester) -> dict[str, str] | None:
        """The values of the version before the latest, or None when there is only one."""
        previous = self.previous_version(unit, semester)
        return previous[0] if previous is not None else None

    def previous_version(self, unit: Unit, semester: Semester) -> tuple[dict[str, str], dict[str, str]] | None:
        """The values and the explanations of the version before the latest, or None when there is only one."""
        versions = self.versions(unit, semester)
        if len(versions) < 2:
            return None
        snapshot = json.loads(versions[-2].snapshot)
        return snapshot["values"], snapshot.get("explanations", {})

    def signed_checks(self, unit: Unit, semester: Semester) -> list[dict]:
        """The checks the district's installation ran on the latest version received, as its file carried them."""
        versions = self.versions(unit, semester)
        return json.loads(versions[-1].snapshot).get("checks", []) if versions else []

    def half_signed_checks(self, semester: Semester) -> dict[str, list[dict]]:
        """`signed_checks` of every unit of the half, in one read."""
        with self.store.session() as s:
            found = s.exec(select(SubmissionVersion.unit_code, SubmissionVersion.snapshot)
                           .where(SubmissionVersion.semester == str(semester)).order_by(col(SubmissionVersion.version)))  # fmt: skip
            latest = {code: kept for code, kept in found}
        return {code: json.loads(kept).get("checks", []) for code, kept in latest.items()}

    # --- queries ------------------------------------------------------------------------------
    def threads(self, unit: Unit, semester: Semester) -> list[Thread]:
        with self.store.session() as s:
            rows = s.exec(select(QueryThread).where(QueryThread.unit_code == unit.code, QueryThread.semester == str(semester))
                          .order_by(col(QueryThread.id))).all()  # fmt: skip
            out = []
            for t in rows:
                messages = s.exec(select(QueryMessage).where(QueryMessage.thread_id == t.id).order_by(col(QueryMessage.id))).all()
                out.append(Thread(t.uid, t.code, t.status, t.version, t.opened_by, aware(t.opened_at),
                                  tuple(Message(m.uid, m.author, m.side, m.text, aware(m.at), m.kind, m.author_name) for m in messages)))  # fmt: skip
            return out

    def unresolved(self, semester: Semester, today: date | None = None) -> list[QueryRow]:
        """Every district's queries of a half that are not resolved, oldest first: waiting for the district (open) or
        for the bureau (answered: the district spoke last), with the days since each was raised."""
        return self.query_rows(semester, today)

    def query_rows(self, semester: Semester, today: date | None = None, closed: bool = False) -> list[QueryRow]:
        """The half's queries across districts, oldest first; the closed ones too when asked, each with the days it
        was open until it was closed."""
        today = today or date.today()
        with self.store.session() as s:
            query = select(QueryThread).where(QueryThread.semester == str(semester))
            if not closed:
                query = query.where(QueryThread.status != "resolved")
            threads = s.exec(query.order_by(col(QueryThread.opened_at), col(QueryThread.id))).all()
            last, steps, first = {}, {}, {}
            if threads:
                for m in s.exec(select(QueryMessage).where(col(QueryMessage.thread_id).in_([t.id for t in threads]))
                                .order_by(col(QueryMessage.id))):  # fmt: skip
                    if m.text:  # the last word said: a closing says nothing
                        last[m.thread_id] = m
                    steps.setdefault(m.thread_id, []).append((m.kind, m.side))
                    first.setdefault(m.thread_id, m)
        rows = []
        for t in threads:
            m, asked = last.get(t.id), first.get(t.id)
            opened = aware(t.opened_at)
            raised_by = opener(t.opened_by, asked)
            until = aware(t.resolved_at).astimezone().date() if t.status == "resolved" and t.resolved_at else today
            rows.append(QueryRow(t.uid, self.store.units.get(t.unit_code), t.code, thread_state(t.status, steps.get(t.id, [])),
                                 t.opened_by, aware(t.opened_at), max(0, (until - opened.astimezone().date()).days),
                                 m.author if m else t.opened_by, aware(m.at) if m else opened, m.text if m else "",
                                 asked.text if asked else "", raised_by, named(m) if m else raised_by))  # fmt: skip
        return rows

    def open_query(self, actor: str, unit: Unit, semester: Semester, code: str, text: str) -> str:
        if not text.strip():
            raise UserError(Text("请填写问题内容", "Write the question"))
        if code not in self.store.catalog:
            raise UserError(Text(f"目录中没有指标 {code}", f"No indicator {code} in the catalog"))
        with self.store.session() as s:
            user = _bureau_user(s, self.store.units, actor)
            row = _status_row(self.store, s, unit, semester)
            if row.status not in REVIEWABLE:
                raise UserError(Text("只能对已报送、审核中的报送提出问题", "Queries are raised on received submissions only"))
            thread = QueryThread(uid=uuid.uuid4().hex, unit_code=unit.code, semester=str(semester), code=code,
                                 version=row.version, opened_by=actor)  # fmt: skip
            s.add(thread)
            s.flush()
            s.add(QueryMessage(uid=uuid.uuid4().hex, thread_id=thread.id, author=actor, author_name=users.full_name(user), side="bureau",
                               text=text.strip()))  # fmt: skip
            audit.record(s, actor, "query.open", unit=unit.code, semester=str(semester), code=code, new=text.strip())
            self.submissions.start_review(s, self.submissions.acting(s, user), unit, semester, row)
            s.commit()
            return thread.uid

    def reply(self, actor: str, uid: str, text: str) -> None:
        if not text.strip():
            raise UserError(Text("请填写答复内容", "Write the answer"))
        with self.store.session() as s:
            user = users.require(s, actor)
            thread = _thread(s, uid)
            bureau = user.role in BUREAU_ROLES
            if not bureau and user.unit_code != thread.unit_code:
                raise UserError(Text("只能答复本单位的问题", "You can only answer your own unit's queries"))
            s.add(QueryMessage(uid=uuid.uuid4().hex, thread_id=thread.id, author=actor, author_name=users.full_name(user),
                               side="bureau" if bureau else "district", text=text.strip()))  # fmt: skip
            audit.record(s, actor, "query.reply", unit=thread.unit_code, semester=thread.semester, code=thread.code, new=text.strip())
            s.commit()

    def resolve(self, actor: str, uid: str) -> bool:
        """Closes the query; False when it was closed already (nothing is written)."""
        with self.store.session() as s:
            user = _bureau_user(s, self.store.units, actor)
            thread = _thread(s, uid)
            if thread.status == "resolved":
                return False
            thread.status, thread.resolved_by, thread.resolved_at = "resolved", actor, utcnow()
            s.add(thread)
            s.add(QueryMessage(uid=uuid.uuid4().hex, thread_id=thread.id, author=actor, author_name=users.full_name(user), side="bureau",
                               text="", at=thread.resolved_at, kind="close"))  # fmt: skip
            self._start_review(s, user, thread)
            audit.record(s, actor, "query.resolve", unit=thread.unit_code, semester=thread.semester, code=thread.code)
            s.commit()
            return True

    def reopen_query(self, actor: str, uid: str, reason: str) -> None:
        """A closed query opened again by the bureau, with why; the district answers it again."""
        if not reason.strip():
            raise UserError(Text("请写明重新打开的原因", "Say why the query is reopened"))
        with self.store.session() as s:
            user = _bureau_user(s, self.store.units, actor)
            thread = _thread(s, uid)
            if thread.status != "resolved":
                raise UserError(Text("该问题尚未关闭，无需重新打开", "The query is not closed"))
            row = self.store._submission(s, thread.unit_code, thread.semester)
            if row is not None and row.status == Status.ACCEPTED:
                raise UserError(Text("该报送已审核通过：请先重新打开审核，再重新打开问题",
                                     "The submission is accepted: reopen the review first, then the query"))  # fmt: skip
            thread.status, thread.resolved_by, thread.resolved_at = "open", None, None
            s.add(thread)
            s.add(QueryMessage(uid=uuid.uuid4().hex, thread_id=thread.id, author=actor, author_name=users.full_name(user), side="bureau",
                               text=reason.strip(), kind="reopen"))  # fmt: skip
            audit.record(s, actor, "query.reopen", unit=thread.unit_code, semester=thread.semester, code=thread.code,
                         reason=reason.strip())  # fmt: skip
            self._start_review(s, user, thread)
            s.commit()

    def _start_review(self, s: Session, user, thread: QueryThread) -> None:
        """Working on a received submission's queries puts it in review (已报送 → 审核中), as a first query does."""
        row = self.store._submission(s, thread.unit_code, thread.semester)
        if row is not None:
            self.submissions.start_review(s, self.submissions.acting(s, user), self.store.units.get(thread.unit_code), Semester.parse(thread.semester), row)

    # --- decisions: status changes go through the workflow ------------------------------------
    def return_half(self, actor: str, unit: Unit, semester: Semester, reason: str) -> None:
        self.submissions.return_half(actor, unit, semester, reason)

    def accept(self, actor: str, unit: Unit, semester: Semester, comment: str | None = None) -> None:
        self.submissions.accept(actor, unit, semester, comment)

    def reopen(self, actor: str, unit: Unit, semester: Semester, reason: str) -> None:
        self.submissions.reopen(actor, unit, semester, reason)

    def decision(self, unit: Unit, semester: Semester) -> tuple[Status, str | None]:
        return self.submissions.decision(unit, semester)

    def review_file(self, unit: Unit, semester: Semester) -> tuple[Status, str | None, datetime | None]:
        """What a review file says of the decision: the status, the reviewer's words (a return's or reopening's
        reason, an acceptance's comment; a receipt's own record is no one's words) and when it was taken."""
        status, reason, at = self.submissions.decided(unit, semester)
        return status, reason if status in (Status.RETURNED, Status.REOPENED, Status.ACCEPTED) else None, at

    @staticmethod
    def not_ready(row: InboxRow) -> Text | None:
        """Why an inbox row cannot be accepted in a batch (None: it can): its status, errors, unexplained warnings
        or open queries. One at a time, the reviewer decides after looking."""
        from desktop.core.workflow import INBOX_NAMES, TRANSITIONS, Action

        if Status(row.status) not in TRANSITIONS[Action.ACCEPT].sources:
            name = INBOX_NAMES[Status(row.status)]
            return Text(f"状态为“{name.zh}”", f"it is {name.en}")
        for count, zh, en in ((row.errors, "个错误", " error(s)"), (row.warnings, "个未说明的警告", " unexplained warning(s)"),
                              (row.open_queries, "个未解决的问题", " open query(ies)")):  # fmt: skip
            if count:
                return Text(f"有{count}{zh}", f"{count}{en}")
        return None

    # --- the inbox ----------------------------------------------------------------------------
    def inbox(self, semester: Semester, today: date | None = None) -> list[InboxRow]:
        today = today or date.today()
        deadline = self.store.resources.targets.deadlines.get(semester)
        statuses = self.store.statuses(semester)
        every, now = self.store.half_checks_and_values(semester)
        with self.store.session() as s:
            open_by_unit: dict[str, int] = {}
            for code in s.exec(select(QueryThread.unit_code).where(QueryThread.semester == str(semester),
                                                                    QueryThread.status == "open")):  # fmt: skip
                open_by_unit[code] = open_by_unit.get(code, 0) + 1
        rows = []
        for unit in self.store.units.districts():
            row = statuses.get(unit.code)
            status = Status(row.status) if row else Status.DRAFT
            # Nothing sent, nothing to count: a draft on this computer (one installation for both sides) is not the
            # bureau's to check, as 审核发现 leaves it out.
            checks = every[unit.code] if status != Status.DRAFT and now.get(unit.code, ({}, {}))[0] else []
            # Received by file, or else signed off on this computer (one installation for both sides): when it came in.
            came = (row.received_at or row.signed_at) if row and status != Status.DRAFT else None
            at = aware(came) if came else None
            overdue = 0
            if deadline is not None:
                # Returned, it is owed again: late until it comes back, as a half never sent is.
                end = at.date() if at is not None and status not in (Status.DRAFT, Status.RETURNED) else today
                overdue = max(0, (end - deadline).days)
            rows.append(InboxRow(unit, status, row.version if row else 0, at, deadline, overdue,
                                 sum(r.severity == "error" for r in checks), sum(r.severity == "warning" and not r.explained for r in checks),
                                 open_by_unit.get(unit.code, 0)))  # fmt: skip
        return rows
