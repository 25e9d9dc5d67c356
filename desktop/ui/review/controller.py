"""The bureau's controller: the inbox of a half, one submission under review, decisions, signals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.context import AppContext
from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.core.units import Unit
from desktop.core.workflow import Status
from desktop.store.reports import half_report
from desktop.store.review import Review
from desktop.ui.review.rows import district_figures, review_rows


@dataclass(frozen=True, slots=True)
class Opened:
    """One submission under review, as plain data: what `reviewChanged` shows of it."""

    unit: Unit
    report: object  # HalfReport
    decision_reason: str | None
    rows: list  # [ReviewRow]
    threads: list  # [Thread]


@dataclass(frozen=True, slots=True)
class Imported:
    """An import's results, and the inbox (and the submission under review) read again after it, on the same
    worker thread: the window only shows them."""

    results: list
    inbox: list  # [InboxRow]
    opened: Opened | None
    mark: int = 0  # the audit log's newest entry when they were read


@dataclass(frozen=True, slots=True)
class Dashboard:
    """What the dashboard shows of a half, as plain data."""

    city: object  # HalfReport of the city
    narrative: list[str]
    figures: dict  # unit code → Figures
    attainments: dict  # unit code → {indicator code: Attainment}
    trend: list = ()  # [(Semester, the city's Figures, final)] for this half and the five before, oldest first


class ReviewController(QObject):
    inboxChanged = Signal(list)  # [InboxRow]
    reviewChanged = Signal(object, list, list)  # HalfReport, [ReviewRow], [Thread]
    failed = Signal(str)

    def __init__(self, ctx: AppContext, user, parent=None):
        super().__init__(parent)
        self.ctx, self.user, self.lang = ctx, user, ctx.lang
        self.review = Review(ctx.store)
        self.semester: Semester | None = None
        self.unit: Unit | None = None
        self.report = None
        self.decision_reason: str | None = None
        self._marks = {"inbox": 0, "review": 0}  # the audit log's newest entry when each was last read
        self._shown: tuple = ((), None)  # the inbox and the submission under review, as last shown

    def set_semester(self, semester: Semester) -> None:
        self.semester = semester
        self.refresh_inbox()

    @property
    def mark(self) -> int:
        """The audit log's newest entry when what the window shows was read (the older of the inbox and the review)."""
        return min(self._marks.values()) if self.unit is not None else self._marks["inbox"]

    def refresh_inbox(self) -> None:
        self._marks["inbox"] = self.ctx.store.change_mark()
        self._show_inbox(self.review.inbox(self.semester))

    def _show_inbox(self, inbox: list) -> None:
        self._shown = (inbox, self._shown[1])
        self.inboxChanged.emit(inbox)

    def catch_up(self) -> bool:
        """Reads the half again if anyone has written to the database since this window read it (the command line,
        another reviewer on the same database), and shows it if what the window shows has changed (else the rows
        chosen stay as they are); True then."""
        mark = self.ctx.store.change_mark()
        if self.semester is None or mark == self.mark:
            return False
        inbox = self.review.inbox(self.semester)
        opened = self._read(self.unit) if self.unit is not None else None
        self._marks = {"inbox": mark, "review": mark}
        if (inbox, _shown_of(opened)) == self._shown:
            return False
        self._show_inbox(inbox)
        if opened is not None:
            self._show(opened)
        return True

    def import_files(self, paths: list[Path], progress=None) -> Imported | None:
        """Imports the files in one transaction, each whole or not at all; `progress(done, name)` may stop it, and
        then nothing is kept (None). Then reads the inbox and the submission under review again, so that the window
        need not (38 districts' checks took the UI thread 90 ms). Touches no widget and emits nothing: it runs on a
        worker thread, while the window-modal progress keeps the half and the submission under review as they are.
        `imported()` shows the result."""
        from desktop.exchange.importer import ImportStopped, import_files

        try:
            results = import_files(self.ctx.store, paths, self.user.name, expect_semester=self.semester, progress=progress)
        except ImportStopped:
            return None
        mark = self.ctx.store.change_mark()
        opened = self._read(self.unit) if self.unit is not None else None
        return Imported(results, self.review.inbox(self.semester), opened, mark)

    def other_half(self, results: list) -> Semester | None:
        """The one other half every file was for, when each was refused for not being this half's: the import to
        offer again there."""
        from desktop.exchange.importer import REFUSED

        halves = {r.semester for r in results}
        if not results or any(r.status != REFUSED for r in results) or len(halves) != 1 or None in halves:
            return None
        half = Semester.parse(halves.pop())
        return half if half != self.semester else None

    def imported(self, done: Imported | None = None) -> None:
        """Shows what an import changed: as read after it on the worker thread, or (stopped) read here."""
        if done is None:
            self.refresh_inbox()
            if self.unit is not None:
                self.open(self.unit)
            return
        self._marks = {"inbox": done.mark, "review": done.mark}
        self._show_inbox(done.inbox)
        if done.opened is not None:
            self._show(done.opened)

    def open(self, unit: Unit) -> None:
        self._marks["review"] = self.ctx.store.change_mark()
        self._show(self._read(unit))

    def _read(self, unit: Unit) -> Opened:
        report = half_report(self.ctx.store, unit, self.semester)
        reason = None  # why it was returned or reopened, the comment it was accepted with
        if report.status in (Status.RETURNED, Status.REOPENED, Status.ACCEPTED):
            reason = self.review.decision(unit, self.semester)[1]
        threads = self.review.threads(unit, self.semester)
        received = {code for code, row in self.ctx.store.statuses(self.semester).items() if row.status != Status.DRAFT}
        values, explanations = self.review.previous_version(unit, self.semester) or (None, None)
        rows = review_rows(report, self.ctx.catalog, values, threads, district_figures(self.ctx.store, self.semester, received),
                           self.lang, explanations, self.review.signed_checks(unit, self.semester))  # fmt: skip
        return Opened(unit, report, reason, rows, threads)

    def _show(self, opened: Opened) -> None:
        self.unit, self.report, self.decision_reason = opened.unit, opened.report, opened.decision_reason
        self._shown = (self._shown[0], _shown_of(opened))
        self.reviewChanged.emit(opened.report, opened.rows, opened.threads)

    def _act(self, action, *args) -> bool:
        try:
            action(self.user.name, *args)
        except UserError as exc:
            self.failed.emit(exc.message(self.lang))
            return False
        self.open(self.unit)
        self.refresh_inbox()
        return True

    def query(self, code: str, text: str) -> bool:
        return self._act(lambda actor, c, t: self.review.open_query(actor, self.unit, self.semester, c, t), code, text)

    def reply(self, uid: str, text: str) -> bool:
        return self._act(self.review.reply, uid, text)

    def reopen_query(self, uid: str, reason: str) -> bool:
        return self._act(self.review.reopen_query, uid, reason)

    def resolve(self, uid: str) -> bool:
        return self._act(self.review.resolve, uid)

    def return_half(self, reason: str) -> bool:
        return self._act(lambda actor, r: self.review.return_half(actor, self.unit, self.semester, r), reason)

    def accept(self, comment: str | None = None) -> bool:
        return self._act(lambda actor: self.review.accept(actor, self.unit, self.semester, comment))

    def ready_to_accept(self, rows: list) -> tuple[list, list[tuple[object, str]]]:
        """Of the inbox rows chosen, those a batch may accept, and the others with why not."""
        ready, excluded = [], []
        for row in rows:
            why = self.review.not_ready(row)
            if why is None:
                ready.append(row)
            else:
                excluded.append((row, why(self.lang)))
        return ready, excluded

    def accept_many(self, codes: list[str], comment: str | None) -> list[tuple[str, str | None]]:
        """Accepts each district in turn; (code, None) when done, else (code, why not)."""
        done = []
        for code in codes:
            try:
                self.review.accept(self.user.name, self.ctx.units.get(code), self.semester, comment)
                done.append((code, None))
            except UserError as exc:
                done.append((code, exc.message(self.lang)))
        self.refresh_inbox()
        if self.unit is not None:
            self.open(self.unit)
        return done

    def reopen(self, reason: str) -> bool:
        return self._act(lambda actor, r: self.review.reopen(actor, self.unit, self.semester, r), reason)

    def export_review(self, path: Path) -> Path:
        from desktop.exchange.review_book import build_review
        from desktop.exchange.save import save_workbook
        from desktop.store.heads import held

        status, reason, at = self.review.review_file(self.unit, self.semester)
        version = self.ctx.store.statuses(self.semester)[self.unit.code].version
        wb = build_review(self.ctx.catalog, self.unit, self.semester, version, status, reason, self.user.name,
                          self.review.threads(self.unit, self.semester), self.lang, self.ctx.audit.newest_head(),
                          held(self.ctx.store, self.unit.code), self.user.display_name or self.user.name, at)  # fmt: skip
        return save_workbook(wb, path)

    def dashboard(self, include: str) -> Dashboard:
        """The city's report counting `include`, its narrative, and each district's figures and attainments. Runs on a
        worker thread: touches no widget."""
        from desktop.core.checks import attainments
        from desktop.core.derived import compute
        from desktop.store.reports import narrative

        ctx, semester = self.ctx, self.semester
        city = half_report(ctx.store, ctx.units.municipality, semester, include)
        figures = district_figures(ctx.store, semester, set(city.coverage.counted))  # as the city's figures count them
        reached = {u.code: {a.code: a for a in attainments(ctx.catalog, ctx.resources.targets, u, semester, figures[u.code])}
                   for u in ctx.units.districts() if figures.get(u.code)}  # fmt: skip
        trend = []
        for half in semester.back(6):  # a half not every district's submission is accepted in is marked provisional
            if half == semester:  # this half counts what the page was asked to count, as the table above it does
                trend.append((half, city.figures, city.coverage is None or city.coverage.final))
                continue
            data = ctx.store.unit_half(ctx.units.municipality, half)
            coverage = data.consolidated.coverage if data.consolidated else None
            trend.append((half, compute(ctx.catalog, data.raw, half), coverage is None or coverage.final))
        return Dashboard(city, narrative(ctx.resources, city, self.lang), figures, reached, trend)

    @property
    def query_states(self) -> dict:
        from desktop.store.review import QUERY_STATES

        return QUERY_STATES

    def findings(self) -> list:
        """Every check finding of every received submission of the half, as plain rows."""
        from desktop.ui.review.rows import finding_rows

        store = self.ctx.store
        received = {code: Status(row.status) for code, row in store.statuses(self.semester).items() if row.status != Status.DRAFT}
        checks, now = store.half_checks_and_values(self.semester)
        notes = {code: explanations for code, (_, explanations) in now.items()}
        return finding_rows(checks, received, self.ctx.catalog, self.ctx.units, notes, self.lang,
                            self.review.half_signed_checks(self.semester))  # fmt: skip

    def query_rows(self, closed: bool = False) -> list:
        return self.review.query_rows(self.semester, closed=closed)

    def export_query_list(self, rows: list, path: Path, closed: bool = False) -> Path:
        """Runs on a worker thread: touches no widget."""
        from datetime import date

        from desktop.exchange.query_list import build_query_list
        from desktop.exchange.save import save_workbook

        issued = (self.ctx.resources.form.authority, date.today())
        return save_workbook(build_query_list(rows, self.ctx.catalog, self.semester, self.query_states, self.lang, closed, issued), path)

    def export_reminder(self, path: Path) -> Path:
        """The 催报 notice for the districts not reported (or returned), as the database holds them now. Runs on a worker
        thread."""
        from datetime import date

        from desktop.exchange.reminder_notice import build_reminder
        from desktop.exchange.save import save_workbook
        from desktop.store.review import to_remind

        deadline = self.ctx.resources.targets.deadlines.get(self.semester)
        wb = build_reminder(to_remind(self.review.inbox(self.semester)), self.semester, deadline, self.ctx.resources.form.authority, date.today(), self.lang)
        return save_workbook(wb, path)

    def export_report(self, path: Path, include: str):
        """The city's narrative report as a Word document; returns the saved path, the coverage it states and what it
        leaves out for want of figures (or None). Runs on a worker thread: touches no widget."""
        from datetime import date

        from desktop.exchange.report_docx import build_report
        from desktop.exchange.save import save_workbook
        from desktop.store.reports import narrative_sections, unwritten

        city = half_report(self.ctx.store, self.ctx.units.municipality, self.semester, include)
        doc = build_report(city, narrative_sections(self.ctx.resources, city, self.lang), self.ctx.catalog,
                           self.ctx.resources.form.authority, date.today(), self.lang)  # fmt: skip
        return save_workbook(doc, path, ".docx"), city.coverage, unwritten(self.ctx.resources, city, self.lang)

    def export_consolidation(self, path: Path, include: str):
        """The city's workbook for the half, counting `include` ("accepted", or "received" too); returns the
        saved path and the coverage the workbook states. Runs on a worker thread: touches no widget."""
        from datetime import date

        from desktop.exchange.consolidation_book import Issued, build_consolidation, district_rows
        from desktop.exchange.save import save_workbook

        city = half_report(self.ctx.store, self.ctx.units.municipality, self.semester, include)
        issued = Issued(self.ctx.resources.form.authority, self.user.display_name or self.user.name, date.today())
        wb = build_consolidation(city, district_rows(self.ctx.store, self.semester), self.ctx.catalog, self.lang, issued)
        return save_workbook(wb, path), city.coverage


def _shown_of(opened: Opened | None) -> tuple | None:
    """What the window shows of a submission under review, to tell whether reading it again changed anything."""
    if opened is None:
        return None
    report = opened.report
    return opened.unit.code, report.status, report.version, opened.decision_reason, opened.rows, opened.threads
