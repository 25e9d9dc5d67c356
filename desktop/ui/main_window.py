"""The district entry screen: unit and half, topics, the indicator grid, checks, history, sign-off."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.core.semester import Semester
from desktop.core.workflow import STATUS_NAMES, Action, Status, available
from desktop.ui.background import busy
from desktop.ui.backup_actions import add_backup_actions
from desktop.ui.checks_panel import ChecksPanel
from desktop.ui.controller import EntryController
from desktop.ui.decision_banner import DecisionBanner
from desktop.ui.delegates import ValueDelegate
from desktop.ui.dialogs.problems import ProblemsDialog
from desktop.ui.entry_files import EntryFiles
from desktop.ui.grid_view import GridView
from desktop.ui.history_chart import HistoryChart
from desktop.ui.import_changes_panel import ImportChangesPanel
from desktop.ui.key_actions import add_export_key_action, add_keys_action
from desktop.ui.models.indicators import CODE_ROLE, EXPLANATION, VALUE, IndicatorFilter, IndicatorTableModel
from desktop.ui.queries_panel import QueriesPanel
from desktop.ui.rows import entry_rows
from desktop.ui.sign_off_actions import SignOffActions
from desktop.ui.signed_in import signed_in_title


class MainWindow(QMainWindow):
    languageChosen = Signal(str)
    logOutRequested = Signal()  # another person signs in on this program (the approver, to sign off)

    def __init__(self, controller: EntryController, semesters: list[Semester], parent=None):
        super().__init__(parent)
        self.controller = controller
        ctx, lang = controller.ctx, controller.lang
        self.setWindowTitle(signed_in_title(self.tr("EcoReport — Half-year ecological environment reporting"), controller.user, lang))
        self.model = IndicatorTableModel(self)
        self.proxy = IndicatorFilter(self)
        self.proxy.setSourceModel(self.model)
        self.grid = GridView(self)
        self.grid.setModel(self.proxy)
        self.grid.configure_columns()
        self.grid.setAccessibleName(self.tr("Indicators of the half-year"))
        self.grid.why_not = controller.why_not
        self.grid.validate = lambda row, column, text: (controller.refusal(row.code, column, text)
                                                        if row is not None and column in (VALUE, EXPLANATION) else None)  # fmt: skip
        self.delegate = ValueDelegate(controller, self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.checks = ChecksPanel(lang, self)
        self.chart = HistoryChart(self)
        self.topics = QComboBox(self)  # in the toolbar: the grid gets the window's whole width
        self.topics.addItem(self.tr("All topics"), None)
        for topic in ctx.catalog.topics:
            self.topics.addItem(topic.name(lang), topic.code)
        self.topics.setAccessibleName(self.tr("Topic"))
        self.queries = QueriesPanel(ctx.catalog, lang, bureau=False, parent=self, wide=True)
        side = QTabWidget(self)
        side.addTab(self.checks, self.tr("Checks"))
        side.addTab(self.chart, self.tr("History"))
        side.addTab(self.queries, self.tr("Queries"))
        self.import_changes = ImportChangesPanel(self)  # shown from the first import that changes something
        side.setTabVisible(side.addTab(self.import_changes, self.tr("Import")), False)
        side.setAccessibleName(self.tr("Checks, history and queries"))
        self.side = side
        # The grid above, checks/history/queries below: every column of the grid fits 1366×768, even at 125 %.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.grid)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.decision_banner = DecisionBanner(self)  # where the clerk is looking: above the grid
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.decision_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.splitter = splitter
        self.files = EntryFiles(self)
        self.sign_off = SignOffActions(self)
        self._build_toolbar(semesters)
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._fit_screen()
        QWidget.setTabOrder(self.unit_box, self.half_box)
        QWidget.setTabOrder(self.half_box, self.topics)
        QWidget.setTabOrder(self.topics, self.filter)
        QWidget.setTabOrder(self.filter, self.grid)
        QWidget.setTabOrder(self.grid, self.side)

    def _fit_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = (screen.width(), screen.height()) if screen else (1366, 728)
        self.resize(min(1360, width), min(720, height))
        self.splitter.setSizes([self.height() * 2 // 3, self.height() // 3])

    # --- construction -------------------------------------------------------------------------
    def _fill_units(self) -> None:
        chosen = self.unit_box.currentData()
        units = self.controller.units_offered()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        for unit in units:
            self.unit_box.addItem(unit.label(self.controller.lang), unit.code)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(chosen)))
        self.unit_box.blockSignals(False)
        self.unit_box.setEnabled(len(units) > 1)

    def _build_toolbar(self, semesters: list[Semester]) -> None:
        lang = self.controller.lang
        bar = QToolBar(self.tr("Selection"), self)
        bar.setObjectName("selection")
        bar.setMovable(False)
        self.unit_box = QComboBox(self)
        self._fill_units()
        self.unit_box.setAccessibleName(self.tr("Unit"))
        self.half_box = QComboBox(self)
        for semester in semesters:
            self.half_box.addItem(semester.label(lang), str(semester))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter indicators…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(220)
        self.filter.setAccessibleName(self.tr("Filter indicators"))
        self.half_box.setAccessibleName(self.tr("Half-year"))
        bar.addWidget(QLabel(self.tr("Unit") + " ", self))
        bar.addWidget(self.unit_box)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Half-year") + " ", self))
        bar.addWidget(self.half_box)
        bar.addSeparator()
        bar.addWidget(self.topics)
        bar.addWidget(self.filter)
        self.addToolBar(bar)
        self.toolbar = bar

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def refresh(self) -> None:
        """F5: the half as the database holds it now (a colleague's window or the command line may have changed it)."""
        if self.grid.state() == QAbstractItemView.State.EditingState:
            return  # the text being typed is the user's: not thrown away
        self.controller.reload()
        self.clear_refusal()  # said of what the window showed before; what it shows now is read afresh

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Coming back to the window (from the command line, another window): what changed meanwhile is shown."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and not busy():
            self.catch_up()  # (not inside background work: its result is shown when it ends)

    def catch_up(self) -> None:
        if self.grid.state() == QAbstractItemView.State.EditingState:
            return  # the text being typed is the user's: read again next time
        if self.controller.catch_up():
            self.clear_refusal()
            self.statusBar().showMessage(self.tr("Changed elsewhere since this window last read it (another window or "
                                                 "the command line): shown as the database now holds it"), 15000)  # fmt: skip

    def _undo_moved(self, index: int) -> None:
        stack = self.controller.undo_stack
        if not shiboken6.isValid(stack):
            return  # the stack clears itself as it is destroyed with the window: nothing left to follow
        self.import_changes.follow(index, stack.count())

    def _build_menus(self) -> None:
        stack = self.controller.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        files, sign_off = self.files, self.sign_off
        self.import_action = self._action(self.tr("Import filled template…"), files.import_template, QKeySequence("Ctrl+I"))
        self.review_action = self._action(self.tr("Import the bureau's review…"), files.import_template)
        self.template_action = self._action(self.tr("Export template…"), files.export_template)
        self.export_action = self._action(self.tr("Export submission workbook…"), files.export_submission,
                                          QKeySequence("Ctrl+E"))  # fmt: skip
        self.submit_action = self._action(self.tr("Submit…"), sign_off.submit)
        self.withdraw_action = self._action(self.tr("Withdraw the submission…"), sign_off.withdraw)
        self.log_out_action = self._action(self.tr("Switch user…"), self.logOutRequested)
        quit_action = self._action(self.tr("Quit"), self.close, QKeySequence("Ctrl+Q"))
        menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.import_action, self.review_action, self.template_action, self.export_action):
            menu.addAction(action)
        menu.addSeparator()
        add_backup_actions(menu, self, self.controller.ctx, self.controller.user.name, self.controller.reload)
        add_export_key_action(menu, self, self.controller)
        add_keys_action(menu, self, self.controller)
        menu.addSeparator()
        menu.addAction(self.log_out_action)
        menu.addAction(quit_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        report = self.menuBar().addMenu(self.tr("&Report"))
        report.addAction(self.submit_action)
        report.addAction(self.withdraw_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.refresh_action = self._action(self.tr("Refresh"), self.refresh, QKeySequence(QKeySequence.StandardKey.Refresh))
        view.addAction(self.refresh_action)
        languages = view.addMenu(self.tr("Language"))
        for code, name in (("zh", "中文"), ("en", "English")):
            action = languages.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.controller.lang)
            action.triggered.connect(lambda _=False, c=code: self.languageChosen.emit(c))
        for action in (self.import_action, self.submit_action, self.undo_action, self.redo_action):  # 报送 stays put as 撤销 grows
            self.toolbar.addAction(action)
        if self.controller.user.role == "admin":
            admin = self.menuBar().addMenu(self.tr("&Administration"))
            admin.addAction(self._action(self.tr("Users…"), self.manage_users))
            admin.addAction(self._action(self.tr("Targets, deadlines and set-up packages…"), self.manage_setup))
            self.district_accounts_action = self._action(self.tr("District accounts…"), self.manage_district_accounts)
            admin.addAction(self.district_accounts_action)
            admin.addAction(self._action(self.tr("This computer serves…"), self.show_served_unit))
            self._fit_to_served_unit()
        from desktop.ui.about import add_about_action

        add_about_action(self.menuBar(), self)

    def _build_status_bar(self) -> None:
        self.status_unit, self.status_state, self.status_saved = QLabel(self), QLabel(self), QLabel(self)
        self.unnamed_note = QLabel(self.tr("This computer's unit is not set: Administration → This computer serves…"), self)
        self.unnamed_note.setStyleSheet("color: #b35900;")
        self.statusBar().addWidget(self.unnamed_note)
        for label in (self.status_unit, self.status_state, self.status_saved):
            self.statusBar().addPermanentWidget(label)
        self._fit_to_served_unit()

    def _fit_to_served_unit(self) -> None:
        """What depends on the unit this computer serves: a district's has no district accounts to prepare; an
        administrator of a database that never named it is reminded to (the demo plays both sides on purpose)."""
        c = self.controller
        if hasattr(self, "district_accounts_action"):
            self.district_accounts_action.setVisible(c.served is None or c.served.is_municipality)
        if hasattr(self, "unnamed_note"):
            self.unnamed_note.setVisible(c.user.role == "admin" and c.unnamed)

    def _connect(self) -> None:
        c = self.controller
        c.reportChanged.connect(self.show_report)
        c.refused.connect(self.show_refusal)
        c.answerKept.connect(self.show_answer_kept)
        c.writeRefused.connect(self.show_write_refusal)
        c.saved.connect(self.show_saved)
        c.explanationsToCheck.connect(self.show_note)
        self.model.valueEdited.connect(c.edit_value)
        self.model.explanationEdited.connect(c.edit_explanation)
        self.delegate.refused.connect(self.show_refusal_at)
        self.delegate.accepted.connect(self.clear_refusal)
        self.grid.selectionModel().currentChanged.connect(self.clear_refusal)
        self.grid.pasted.connect(self.paste)
        self.grid.cleared.connect(lambda codes: c.apply_values({code: None for code in codes}, self.tr("Clear values")))
        self.checks.goTo.connect(self.go_to)
        c.threadsChanged.connect(self.show_threads)
        self.queries.replied.connect(c.reply)
        self.queries.selectedCode.connect(self.go_to)
        self.import_changes.goTo.connect(self.go_to)
        c.undo_stack.indexChanged.connect(self._undo_moved)
        self.checks.explain.connect(c.edit_explanation)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.topics.currentIndexChanged.connect(lambda _: self.proxy.set_topic(self.topics.currentData()))
        self.unit_box.currentIndexChanged.connect(self.open_selected)
        self.half_box.currentIndexChanged.connect(self.open_selected)
        self.grid.selectionModel().currentRowChanged.connect(self._row_changed)
        self.side.currentChanged.connect(lambda _tab: self._row_changed(self.grid.currentIndex()))  # the row already chosen

    # --- showing ------------------------------------------------------------------------------
    def select(self, unit_code: str, semester: str) -> None:
        for box, value in ((self.unit_box, unit_code), (self.half_box, semester)):
            i = box.findData(value)
            if i >= 0:
                box.blockSignals(True)
                box.setCurrentIndex(i)
                box.blockSignals(False)
        self.open_selected()

    def open_selected(self) -> None:
        ctx = self.controller.ctx
        unit = ctx.units.get(self.unit_box.currentData())
        semester = Semester.parse(self.half_box.currentData())
        self.controller.open(unit, semester)

    def show_report(self, report) -> None:
        c = self.controller
        asked = {t.code for t in c.threads if t.state in ("open", "reopened")}  # waiting for the district, not answered
        asking = self.tr("The bureau's query awaits an answer")  # said where no other status would say it
        rows = [replace(r, status_text="？ " + (r.status_text or asking)) if r.code in asked else r
                for r in entry_rows(report, c.ctx.catalog, c.lang)]  # fmt: skip
        self.model.set_rows(rows, c.read_only)
        self.checks.show_results(report.checks, report.half.explanations, c.read_only)
        status = STATUS_NAMES[report.status](c.lang)
        if report.status == Status.DRAFT and report.version:  # signed off before, then withdrawn: not "never sent"
            status += self.tr(" (version %1 withdrawn)").replace("%1", str(report.version))
        self.decision_banner.show_decision(report.status, c.decision_reason, editable=not c.read_only)
        shown = f"{report.unit.name(c.lang)} · {report.semester.label(c.lang)}"
        deadline = c.ctx.resources.targets.deadlines.get(report.semester)
        if deadline is not None and not report.unit.is_municipality:  # the clerk sees when the bureau wants it
            shown += " · " + self.tr("due %1").replace("%1", deadline.isoformat())
            late = (date.today() - deadline).days
            if late > 0 and report.status in (Status.DRAFT, Status.RETURNED):
                shown += self.tr(", %1 day(s) overdue").replace("%1", str(late))
        self.status_unit.setText(shown)
        self.status_state.setText(self.tr("Status: %1").replace("%1", status) + (self.tr(" (read-only)") if c.read_only else ""))
        self.import_action.setEnabled(not c.read_only)
        self.submit_action.setEnabled(not c.read_only and not report.unit.is_municipality)
        self.withdraw_action.setEnabled(Action.WITHDRAW in available(report.status, "approver")
                                        and c.user.role != "reviewer" and not report.unit.is_municipality)  # fmt: skip
        self._row_changed(self.grid.currentIndex())

    def show_threads(self, threads) -> None:
        # Answering needs no return: a half under review is answered as it stands, and the answer sent with its file.
        self.queries.set_threads(threads, read_only=not self.controller.may_answer)
        open_count = sum(t.open for t in threads)
        label = self.tr("Queries") + (f" ({open_count})" if open_count else "")
        self.side.setTabText(self.side.indexOf(self.queries), label)

    def show_side(self, panel) -> None:
        """A panel below the grid, with room to read it: the bureau's queries after its review, an import's changes."""
        self.side.setTabVisible(self.side.indexOf(panel), True)
        self.side.setCurrentWidget(panel)
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([total * 55 // 100, total - total * 55 // 100])

    def show_refusal(self, message: str, index=None) -> None:
        """At the cell, where the user is looking, and in the status bar until it no longer applies."""
        self.statusBar().showMessage("⚠ " + message)
        self.grid.say(index if index is not None else self.grid.currentIndex(), message)

    def show_write_refusal(self, code: str, message: str) -> None:
        """The database refused a step: once the editor has closed and the cursor moved on, back at its cell with the
        reason (Enter's step down would have hidden it at once)."""
        QTimer.singleShot(0, lambda: self._refusal_at_code(code, message))

    def _refusal_at_code(self, code: str, message: str) -> None:
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(code), VALUE))
        if index.isValid():
            self.grid.setCurrentIndex(index)
        self.show_refusal(message, index if index.isValid() else None)

    def show_refusal_at(self, index, message: str) -> None:
        self.show_refusal(message, index)

    def clear_refusal(self, *_args) -> None:
        self.grid.hide_message()
        if self.statusBar().currentMessage().startswith("⚠"):
            self.statusBar().clearMessage()

    def show_answer_kept(self, locked: bool) -> None:
        if locked:  # the version is signed: the answer travels in its file, exported again
            self.show_note(self.tr("Answer saved. It reaches the bureau with the submission file: export it again "
                                   "(File → Export submission workbook…) and send it."))  # fmt: skip
        else:
            self.show_note(self.tr("Answer saved. It reaches the bureau with the next signed-off submission."))

    def show_note(self, text: str) -> None:
        """Something to check, not a refusal: in the status bar for a while."""
        self.statusBar().showMessage(text, 20000)

    def show_saved(self, when: datetime) -> None:
        self.status_saved.setText(self.tr("Saved %1").replace("%1", when.strftime("%H:%M:%S")))

    def go_to(self, code: str) -> None:
        self.topics.setCurrentIndex(0)
        self.filter.clear()
        source = self.model.index(self.model.row_of(code), VALUE)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.grid.scrollTo(index)
            self.grid.setFocus()

    def _row_changed(self, index: QModelIndex, _previous=None) -> None:
        code = index.data(CODE_ROLE) if index.isValid() else None
        report = self.controller.report
        if code is None or report is None or self.side.currentWidget() is not self.chart:
            return
        self._draw_history(code)

    def _draw_history(self, code: str) -> None:
        c = self.controller
        ind = c.ctx.catalog[code]
        if not ind.numeric:
            return
        points = []
        for semester in c.semester.back(HistoryChart.HALVES):
            value = c.ctx.store.figures(c.unit, semester).get(code)
            points.append((semester.label(c.lang), float(value) if value is not None else None))
        while points and points[0][1] is None:  # from the first half with a figure: no empty years before the data
            points.pop(0)
        att = c.report.attainments.get(code)
        target = float(att.target.value) if att is not None and not isinstance(att.target.value, str) else None
        basis = att.target.named(c.lang) if att is not None else ""
        title = f"{ind.name(c.lang)}（{ind.unit(c.lang)}）" if c.lang == "zh" else f"{ind.name(c.lang)} ({ind.unit(c.lang)})"
        self.chart.show_history(title, points, target, self.tr("Target: %1").replace("%1", basis),
                                100.0 if ind.type == "percent" else None)  # fmt: skip

    # --- actions ------------------------------------------------------------------------------
    def manage_users(self) -> None:
        from desktop.ui.dialogs.users import UsersDialog

        UsersDialog(self.controller.ctx, self.controller.user.name, self).exec()

    def manage_district_accounts(self) -> None:
        from desktop.ui.dialogs.district_accounts import DistrictAccountsDialog

        DistrictAccountsDialog(self.controller.ctx, self.controller.user.name, self).exec()

    def show_served_unit(self) -> None:
        from desktop.ui.dialogs.served_unit import ServedUnitDialog, unit_choices

        c, lang = self.controller, self.controller.lang
        current = c.served.label(lang) if c.served is not None else None
        dialog = ServedUnitDialog(unit_choices(c.ctx.units, lang), current, parent=self)
        if not dialog.exec() or current is not None:
            return
        chosen = c.ctx.units.get(dialog.unit_code)
        refusal = c.serve_refusal(chosen.code)  # said before anyone is asked to confirm
        if refusal is None:
            sure = QMessageBox.question(self, self.tr("This computer serves"), self.tr(
                "Set this computer's unit to %1? It cannot be changed afterwards.").replace("%1", chosen.label(lang)))
            if sure != QMessageBox.StandardButton.Yes:
                return
            refusal = c.serve(chosen.code)
        if refusal is not None:
            QMessageBox.warning(self, self.tr("This computer serves"), refusal)
        else:
            self._fill_units()
            self._fit_to_served_unit()
            self.open_selected()
            self.statusBar().showMessage(self.tr("This computer serves %1.").replace("%1", chosen.label(lang)), 8000)

    def manage_setup(self) -> None:
        from desktop.ui.dialogs.setup import SetupDialog

        SetupDialog(self.controller.ctx, self.controller.user.name, self.controller.reload, self).exec()

    def paste(self, cells) -> None:
        result = self.controller.paste(cells)
        stored = self.tr("%n pasted cell(s) stored.", "", result.stored)
        if result.explanations:  # where they went: a block pasted one column off puts its figures in 说明
            stored += " " + self.tr("%n of them as explanations (说明).", "", result.explanations)
        if not result.refused:
            self.statusBar().showMessage(stored, 8000)
            return
        lines = [f"{cell.name or self.tr('(no row)')}: “{cell.text}” — {why}" for cell, why in result.refused]
        intro = stored + " " + self.tr("%n cell(s) not stored:", "", len(result.refused))
        ProblemsDialog(self.tr("Paste: %1 stored, %2 refused").replace("%1", str(result.stored))
                       .replace("%2", str(len(result.refused))), lines, self, intro).exec()  # fmt: skip
        first, why = result.refused[0]
        if first.code is not None and first.row < self.proxy.rowCount():
            index = self.proxy.index(first.row, EXPLANATION if first.column == "explanation" else VALUE)
            self.grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.show_refusal(f"{first.name}: {why}", index)
