"""The bureau reviewer's window: inbox, the submission under review, dashboard, audit log."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar

from desktop.core.semester import Semester
from desktop.ui.background import busy
from desktop.ui.review.audit_page import AuditPage
from desktop.ui.review.dashboard_page import DashboardPage
from desktop.ui.review.findings_page import FindingsPage
from desktop.ui.review.inbox_page import InboxPage
from desktop.ui.review.queries_page import QueriesPage
from desktop.ui.review.review_page import ReviewPage
from desktop.ui.signed_in import signed_in_title


class ReviewerWindow(QMainWindow):
    languageChosen = Signal(str)
    logOutRequested = Signal()  # another person signs in on this program

    def __init__(self, controller, semesters: list[Semester], parent=None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(signed_in_title(self.tr("EcoReport — Bureau review"), controller.user, controller.lang))
        self.inbox = InboxPage(controller, self)
        self.review = ReviewPage(controller, self)
        self.dashboard = DashboardPage(controller, self)
        self.audit = AuditPage(controller, self)
        self.queries = QueriesPage(controller, self)
        self.findings = FindingsPage(controller, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.inbox, self.tr("Inbox"))
        self.tabs.addTab(self.review, self.tr("Review"))
        self.tabs.addTab(self.queries, self.tr("Queries"))
        self.tabs.addTab(self.findings, self.tr("Findings"))
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.setCentralWidget(self.tabs)
        bar = QToolBar(self.tr("Selection"), self)
        bar.setMovable(False)
        self.half_box = QComboBox(self)
        for semester in semesters:
            self.half_box.addItem(semester.label(controller.lang), str(semester))
        bar.addWidget(QLabel(self.tr("Half-year") + " ", self))
        bar.addWidget(self.half_box)
        self.addToolBar(bar)
        from desktop.ui.backup_actions import add_backup_actions

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        add_backup_actions(file_menu, self, controller.ctx, controller.user.name, self.open_selected)
        from desktop.ui.key_actions import add_keys_action, add_register_key_action

        self.import_action = QAction(self.tr("Import workbooks…"), self)  # as the inbox's button: where a File menu has it
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_workbooks)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        city = QAction(self.tr("Save the city workbook…"), self)
        city.triggered.connect(lambda: self.dashboard.save_workbook())
        file_menu.addAction(city)
        report = QAction(self.tr("Save the report as Word…"), self)
        report.triggered.connect(lambda: self.dashboard.save_report())
        file_menu.addAction(report)
        file_menu.addSeparator()
        add_register_key_action(file_menu, self, controller)
        add_keys_action(file_menu, self, controller)
        file_menu.addSeparator()
        self.log_out_action = QAction(self.tr("Switch user…"), self)
        self.log_out_action.triggered.connect(self.logOutRequested)
        file_menu.addAction(self.log_out_action)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # as the district's window; not every platform theme maps StandardKey.Quit
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._build_review_menu()
        view = self.menuBar().addMenu(self.tr("&View"))
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        view.addAction(refresh)
        languages = view.addMenu(self.tr("Language"))
        for code, name in (("zh", "中文"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == controller.lang)
            action.triggered.connect(lambda _=False, c=code: self.languageChosen.emit(c))
            languages.addAction(action)
        from desktop.ui.about import add_about_action

        add_about_action(self.menuBar(), self)
        self.half_box.currentIndexChanged.connect(self.open_selected)
        self.inbox.otherHalf.connect(self.offer_half)
        self.inbox.openUnit.connect(self.open_unit)
        self.queries.openAt.connect(self.open_at)
        self.findings.openAt.connect(self.open_at)
        self.tabs.currentChanged.connect(self._tab_changed)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1360, screen.width() if screen else 1366), min(720, screen.height() if screen else 728))

    def import_workbooks(self) -> None:
        """File → import: the inbox, where the results are listed, then its file chooser."""
        self.tabs.setCurrentWidget(self.inbox)
        self.inbox.choose_files()

    def _build_review_menu(self) -> None:
        """The reviewer's keyboard: next and previous district in the inbox's order, a query, a return."""
        menu = self.menuBar().addMenu(self.tr("&Review"))
        page = self.review
        for text, keys, slot in (
            (self.tr("Next district"), "Ctrl+PgDown", lambda: self.step(1)),
            (self.tr("Previous district"), "Ctrl+PgUp", lambda: self.step(-1)),
            (None, None, None),
            (self.tr("Raise a query on this value…"), "Ctrl+Shift+Q", page.raise_query),  # Ctrl+Q quits, as everywhere
            (self.tr("Return…"), "Ctrl+R", page.return_half),
            (self.tr("Accept…"), "Ctrl+Shift+A", page.accept),
        ):  # fmt: skip
            if text is None:
                menu.addSeparator()
                continue
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
        for button, keys in ((page.query_button, "Ctrl+Shift+Q"), (page.return_button, "Ctrl+R"), (page.accept_button, "Ctrl+Shift+A")):
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{button.text().rstrip('…')} ({shown})")
        self.review_menu = menu

    def step(self, by: int) -> None:
        """Opens the next (1) or previous (-1) district in the order the inbox shows them."""
        order = self.inbox.ordered_units(received_only=True)  # the next submission, not a half nobody sent
        if not order:
            return
        current = self.controller.unit.code if self.controller.unit is not None else None
        if current not in order:
            target = order[0] if by > 0 else order[-1]
        else:
            i = order.index(current) + by
            if not 0 <= i < len(order):
                self.statusBar().showMessage(self.tr("This is the last district in the list") if by > 0
                                             else self.tr("This is the first district in the list"), 5000)  # fmt: skip
                return
            target = order[i]
        self.open_unit(target)

    def select(self, _unit_code: str, semester: str) -> None:
        i = self.half_box.findData(semester)
        if i >= 0:
            self.half_box.blockSignals(True)
            self.half_box.setCurrentIndex(i)
            self.half_box.blockSignals(False)
        self.open_selected()

    def offer_half(self, semester: str, paths: list) -> None:
        """Every file was for another half than the one shown: offered to switch to it and import them there."""
        i = self.half_box.findData(semester)
        if i < 0:
            return  # not a half this window shows: the results say what each file was for
        label = self.half_box.itemText(i)
        asked = QMessageBox.question(self, self.tr("Import for another half"), self.tr("These %1 file(s) are for %2, not %3. Switch to %2 and "
                                                                      "import them there?").replace("%1", str(len(paths)))
                                     .replace("%2", label).replace("%3", self.half_box.currentText()))  # fmt: skip
        if asked == QMessageBox.StandardButton.Yes:
            self.half_box.setCurrentIndex(i)
            self.inbox.import_paths(paths)

    def open_selected(self) -> None:
        self.controller.set_semester(Semester.parse(self.half_box.currentData()))
        if self.controller.unit is not None:
            self.controller.open(self.controller.unit)
        self._tab_changed(self.tabs.currentIndex())

    def open_unit(self, code: str) -> None:
        self.controller.open(self.controller.ctx.units.get(code))
        self.tabs.setCurrentWidget(self.review)

    def open_at(self, code: str, indicator: str) -> None:
        """A district opened at one value: the finding's."""
        self.open_unit(code)
        self.review.select_code(indicator)
        self.review.table.setFocus()

    def refresh(self) -> None:
        """F5: every screen as the database holds it now (another reviewer, or the command line, may have changed it)."""
        if self.controller.semester is None:
            return
        self.controller.refresh_inbox()
        if self.controller.unit is not None:
            self.controller.open(self.controller.unit)
        self._tab_changed(self.tabs.currentIndex())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Coming back to the window (from the command line, another reviewer's window): what changed meanwhile is
        shown. Typed text stays: an answer being written, the filters."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and not busy():
            self.catch_up()  # (not inside background work, such as the dashboard's consolidation)

    def catch_up(self) -> None:
        if self.controller.catch_up():
            if self.tabs.currentWidget() not in (self.inbox, self.review):  # those two the controller just showed
                self._tab_changed(self.tabs.currentIndex())  # the page in view, read again as a return to it would
            self.statusBar().showMessage(self.tr("Changed elsewhere since this window last read it (another window or "
                                                 "the command line): shown as the database now holds it"), 15000)  # fmt: skip

    def _tab_changed(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if page is self.inbox and self.controller.semester is not None:  # a return to it reads it again
            self.controller.refresh_inbox()
        elif page is self.dashboard:
            self.dashboard.refresh()
        elif page is self.audit:
            self.audit.refresh()
        elif page is self.queries:
            self.queries.refresh()
        elif page is self.findings:
            self.findings.refresh()
