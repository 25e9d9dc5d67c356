"""The entry screen's controller: loads a unit-half, turns edits into undoable store writes, signals change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.context import AppContext
from desktop.core.report import HalfReport
from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.core.units import Unit
from desktop.core.values import MAX_TEXT, ValueRefused, parse_value, to_storage
from desktop.core.workflow import Status
from desktop.store.reports import half_report
from desktop.ui.commands import SetValuesCommand, Snapshot
from desktop.ui.paste import PasteResult


def _is_demo(ctx) -> bool:
    from desktop.store.packages import is_demo

    return is_demo(ctx.store)


class EntryController(QObject):
    reportChanged = Signal(object)  # HalfReport
    threadsChanged = Signal(list)  # [Thread]: the bureau's queries on this half
    refused = Signal(str)  # why an edit was not stored, in the user's language
    writeRefused = Signal(str, str)  # the store refused a step: the first indicator it touched, and why
    saved = Signal(object)  # datetime of the last write
    answerKept = Signal(bool)  # an answer stored; True when the half is locked, so it reaches the bureau by the file sent again
    explanationsToCheck = Signal(str)  # a figure whose warning was explained has changed: the 说明 may no longer fit

    def __init__(self, ctx: AppContext, user, parent=None):
        super().__init__(parent)
        self.ctx, self.user, self.lang = ctx, user, ctx.lang
        self.undo_stack = QUndoStack(self)
        self.unit: Unit | None = None
        self.semester: Semester | None = None
        self.report: HalfReport | None = None
        self.decision_reason: str | None = None
        self.edit_refusal = None  # core.workflow.may_edit's reason, or None when the half may be edited
        self.last_write_failed: str | None = None  # the store's refusal of the last write, for the paste summary
        self.threads: list = []
        self.mark: int | None = None  # the database's change mark when the half was last read (store.change_mark)
        self.served: Unit | None = ctx.served_unit.get()  # the unit this installation serves; None: both sides
        # An administrator's real database that never named it (the demo plays both sides on purpose).
        self.unnamed = user.role == "admin" and self.served is None and not _is_demo(ctx)

    # --- what is shown ------------------------------------------------------------------------
    def open(self, unit: Unit, semester: Semester) -> None:
        if (unit, semester) != (self.unit, self.semester):
            self.undo_stack.clear()  # undo belongs to one unit-half
        self.unit, self.semester = unit, semester
        self.reload()

    def reload(self) -> None:
        from desktop.store.review import Review

        self.mark = self.ctx.store.change_mark()  # before reading: a change made meanwhile is caught next time
        self.report = half_report(self.ctx.store, self.unit, self.semester)
        # The workflow's rule, asked of the database: a user disabled since logging in edits nothing.
        self.edit_refusal = self.ctx.submissions.may_edit(self.user.name, self.unit, self.semester)
        self.threads = Review(self.ctx.store).threads(self.unit, self.semester)
        self.decision_reason = None  # the bureau's reason for a return or a reopening, its comment on acceptance
        if self.report.status in (Status.RETURNED, Status.REOPENED, Status.ACCEPTED):
            self.decision_reason = self.ctx.submissions.decision(self.unit, self.semester)[1]
        self.reportChanged.emit(self.report)
        self.threadsChanged.emit(self.threads)

    def catch_up(self) -> bool:
        """Reads the half again if anyone has written to the database since this window read it (the command line,
        another window on the same database); True when what the window shows has changed."""
        if self.unit is None or self.ctx.store.change_mark() == self.mark:
            return False
        before = self._shown()
        self.reload()
        return self._shown() != before

    def _shown(self) -> tuple:
        half = self.report.half
        return dict(half.raw), dict(half.explanations), self.report.status, self.report.version, list(self.threads)

    def reply(self, uid: str, text: str) -> None:
        from desktop.store.review import Review

        try:
            Review(self.ctx.store).reply(self.user.name, uid, text)
        except UserError as exc:
            self.refused.emit(exc.message(self.lang))
            self.reload()
            return
        self.reload()
        self.answerKept.emit(self.read_only)

    def units_offered(self) -> list[Unit]:
        """The units this user can open here: their own; on a district's computer, that district; else every unit."""
        if self.user.unit_code is not None:
            return [self.ctx.units.get(self.user.unit_code)]
        if self.served is not None and not self.served.is_municipality:
            return [self.served]
        return list(self.ctx.units.all)

    def serve_refusal(self, unit_code: str) -> str | None:
        """Why naming the unit would be refused, asked before the person confirms it; None when it would not be."""
        refusal = self.ctx.served_unit.refusal(self.ctx.units.get(unit_code))
        return refusal(self.lang) if refusal is not None else None

    def serve(self, unit_code: str) -> str | None:
        """Names the unit this installation serves (an administrator, once); returns the refusal, or None."""
        try:
            self.ctx.served_unit.set(self.user.name, self.ctx.units.get(unit_code))
        except UserError as exc:
            return exc.message(self.lang)
        self.served = self.ctx.served_unit.get()
        self.unnamed = False
        if self.unit is not None:
            self.reload()  # what this user may change here has changed
        return None

    @property
    def read_only(self) -> bool:
        return self.report is None or self.edit_refusal is not None

    @property
    def may_answer(self) -> bool:
        """Whether this user answers the half's queries: its own unit's people, whatever its state (an answer needs no
        return; the store refuses anyone else)."""
        return self.report is not None and self.user.unit_code == self.unit.code

    # --- edits --------------------------------------------------------------------------------
    def _stored(self, code: str) -> tuple[str | None, str | None]:
        value = self.report.half.raw.get(code)
        return (None if value is None else to_storage(value)), self.report.half.explanations.get(code)

    def parse(self, code: str, text: str) -> str | None:
        """The stored form of what was typed; raises ValueRefused with the reason."""
        if not text.strip():
            return None
        return to_storage(parse_value(self.ctx.catalog[code], text, self.semester))

    def refusal(self, code: str, column: int, text: str) -> str | None:
        """Why `text` typed into a cell of `code` would be refused, in the user's language; None when fine."""
        from desktop.ui.models.indicators import EXPLANATION

        if column == EXPLANATION:
            if len(text.strip()) > MAX_TEXT:
                return self.tr("An explanation may not exceed %1 characters").replace("%1", str(MAX_TEXT))
            return None
        try:
            self.parse(code, text)
        except ValueRefused as exc:
            return exc.message(self.lang)
        return None

    def why_not(self, row, column) -> str | None:
        """Why a cell of `row` cannot be entered at all: a calculated figure, a locked half, or no input column."""
        from desktop.store.permissions import may_set_indicator

        if row is None:
            return None
        if self.edit_refusal is not None:
            return self.edit_refusal(self.lang)
        reason = may_set_indicator(self.unit, row.indicator, self.ctx.catalog)
        if reason is not None:
            return reason(self.lang)
        if column is None:
            return self.tr("Type the value in the column “This half”, or an explanation in “Explanation”")
        return None

    def edit_value(self, code: str, text: str) -> None:
        try:
            new = self.parse(code, text)
        except ValueRefused as exc:
            self.refused.emit(f"{self.ctx.catalog[code].name(self.lang)}: {exc.message(self.lang)}")
            return
        self.apply_values({code: new}, self.tr("Edit %1").replace("%1", self.ctx.catalog[code].name(self.lang)))

    def edit_explanation(self, code: str, text: str) -> None:
        old = self._stored(code)
        if (old[1] or "") == text.strip():
            return
        before = {code: old}
        after = {code: (old[0], text.strip() or None)}
        self._push(SetValuesCommand(self, self.tr("Explain %1").replace("%1", self.ctx.catalog[code].name(self.lang)), before, after))

    def apply_values(self, values: dict[str, str | None], label: str) -> None:
        before = {code: self._stored(code) for code in values}
        after = {code: (value, before[code][1]) for code, value in values.items()}
        if all(before[c][0] == after[c][0] for c in values):
            return
        self._push(SetValuesCommand(self, label, before, after))

    def paste(self, cells: list) -> PasteResult:
        """Judges every pasted cell on its own; stores the good ones as one undo step; says which were refused."""
        from desktop.ui.models.indicators import EXPLANATION, VALUE

        values: dict[str, str | None] = {}
        notes: dict[str, str] = {}
        accepted, refused = [], []
        for cell in cells:
            if not cell.text.strip():
                continue  # a blank in the block changes nothing: clearing a value is Delete, on purpose
            if cell.refusal is not None:
                refused.append((cell, cell.refusal))
                continue
            reason = self.refusal(cell.code, VALUE if cell.column == "value" else EXPLANATION, cell.text)
            if reason:
                refused.append((cell, reason))
                continue
            if cell.column == "value":
                values[cell.code] = self.parse(cell.code, cell.text)
            else:
                notes[cell.code] = cell.text.strip()
            accepted.append(cell)
        if accepted:
            before = {code: self._stored(code) for code in set(values) | set(notes)}
            after = {code: (values.get(code, old[0]) if code in values else old[0], notes.get(code, old[1]) or None)
                     for code, old in before.items()}  # fmt: skip
            if after != before:
                self.last_write_failed = None
                self._push(SetValuesCommand(self, self.tr("Paste %n cell(s)", "", len(accepted)), before, after))
                if self.last_write_failed:  # the store refused the whole step: nothing of it is stored
                    refused = [(c, self.last_write_failed) for c in accepted] + refused
                    accepted = []
        refused.sort(key=lambda pair: pair[0].row)
        return PasteResult(len(accepted), refused, sum(c.column == "explanation" for c in accepted))

    def import_template(self, path: Path):
        """Imports a filled template as one undo step; returns the ImportResult."""
        from desktop.exchange.importer import IMPORTED, import_file

        catalog_codes = list(self.ctx.catalog.indicators)  # a calculated one's 说明 is undone with the rest
        before = {code: self._stored(code) for code in catalog_codes}
        result = import_file(self.ctx.store, path, self.user.name, self.unit, self.semester)
        self.reload()
        if result.status == IMPORTED:
            after = {code: self._stored(code) for code in catalog_codes}
            changed = {c for c in catalog_codes if before[c] != after[c]}
            self.saved.emit(datetime.now())
            if not changed:  # a review workbook: a decision and queries, no values to undo
                return result
            label = self.tr("Import %1").replace("%1", path.name)
            # Already written by the importer (with the file's name and SHA-256): the first redo does nothing.
            self._push(SetValuesCommand(self, label, {c: before[c] for c in changed}, {c: after[c] for c in changed},
                                        first_redo=lambda: None))  # fmt: skip
        return result

    def _push(self, command: SetValuesCommand) -> None:
        self.undo_stack.push(command)

    def write(self, snapshot: Snapshot, label: str, was: Snapshot | None = None) -> bool:
        """Called by commands: stores one snapshot in one transaction, then reloads; False when it was refused.

        `was`: what an undo or redo step expects to find (what the step left, or found). Someone else's change since
        is not undone: the step is refused, and says whose value stands."""
        current = {code: self._stored(code) for code in snapshot}
        moved = [code for code in snapshot if was is not None and current[code] != was[code]]
        if moved:
            self.last_write_failed = self._moved_on(label, moved[0], current[moved[0]][0], was[moved[0]][0])
            self.writeRefused.emit(moved[0], self.last_write_failed)
            return False
        values = {code: v for code, (v, _) in snapshot.items() if v != current[code][0]}
        notes = {code: (n or "") for code, (_, n) in snapshot.items() if n != current[code][1]}
        loaded = self.report.half.versions
        expected = {code: loaded.get(code, (0,))[0] for code in set(values) | set(notes)}
        explained = {r.rule: r.actual for r in self.report.checks if r.severity == "warning" and r.explained}
        try:
            self.ctx.store.set_values(self.user.name, self.unit, self.semester, values, notes, reason=label, expected=expected)
        except UserError as exc:
            self.last_write_failed = exc.message(self.lang)
            self.reload()
            self.writeRefused.emit(next(iter(snapshot)), self.last_write_failed)
            return False
        self.reload()
        self.saved.emit(datetime.now())
        if values:
            self._explained_figures_moved(explained)
        return True

    def _moved_on(self, label: str, code: str, now: str | None, then: str | None) -> str:
        name = self.ctx.catalog[code].name(self.lang) if code in self.ctx.catalog else code
        _, who, when = self.report.half.versions.get(code, (0, "", None))
        at = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""
        return self.tr("%1 was not done: %2 is now %3 (changed by %4 at %5), not the %6 this step expects; nothing "
                       "was changed").replace("%1", label).replace("%2", name).replace("%3", now or "∅")\
            .replace("%4", self.ctx.users.known_as(who) if who else "?").replace("%5", at).replace("%6", then or "∅")  # fmt: skip

    def _explained_figures_moved(self, explained: dict[str, str | None]) -> None:
        """Says which explained warnings now stand on another figure: the 说明 was written for the one before."""
        moved = []
        for r in self.report.checks:
            if r.severity == "warning" and r.explained and r.rule in explained and explained[r.rule] != r.actual:
                ind = self.ctx.catalog[r.codes[0]]
                moved.append(f"{ind.name(self.lang)} {explained[r.rule] or '—'} → {r.actual or '—'}")
        moved = list(dict.fromkeys(moved))  # a figure with two explained warnings (target and year-on-year) said once
        if moved:
            self.explanationsToCheck.emit(self.tr("Explained figures changed: %1. Check that each explanation still fits.")
                                          .replace("%1", self.tr(", ").join(moved)))

    def withdraw(self, approver: str, password: str, reason: str) -> None:
        """An approver of the unit takes back a signed-off half the bureau has not accepted (their password confirms)."""
        self.ctx.users.sign_in(approver, password)
        self.ctx.submissions.withdraw(approver, self.unit, self.semester, reason)
        self.reload()

    def form_people(self) -> dict[str, str]:
        """What the sign-off dialog offers: the user as preparer, and the head, statistics head and telephone of the
        unit's last sign-off (on this database, whoever signed it)."""
        kept, _half, _version = self.ctx.submissions.last_people(self.unit)
        return {"preparer": self.user.display_name or self.user.name, **kept}

    def submit(self, approver: str, password: str, people: dict[str, str] | None = None) -> int:
        version = self.ctx.submissions.sign_off(self.user.name, approver, password, self.unit, self.semester, people)
        self.undo_stack.clear()
        self.reload()
        return version
