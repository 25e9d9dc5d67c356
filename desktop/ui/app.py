"""Starting the GUI: translations, first run, login, then the main window."""

from __future__ import annotations

import sys
import time
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui import _skip_pyside_source_scan, file_dialogs, i18n
from desktop.ui.dialogs.login import LoginDialog
from desktop.ui.settings import Settings

_skip_pyside_source_scan()  # before the database stack loads

FIRST_RUN = 2  # the login dialog's result when the database has no users yet


class GuiApp:
    """Owns the QApplication's state between windows: context, user, translators, settings."""

    def __init__(self, args, app: QApplication, settings: Settings | None = None):
        self.args, self.app = args, app
        self.settings = settings or Settings()
        file_dialogs.remember_in(self.settings)
        self.lang = args.lang if args.lang_given else self.settings.get("language") or "zh"
        # Chinese drawn without a font for it is all boxes: English until one is installed, and said why.
        self.without_chinese_font = self.lang == "zh" and not i18n.shows_chinese()
        if self.without_chinese_font:
            self.lang = "en"
        self.translators = i18n.install(app, self.lang)
        self.ctx = None
        self.window = None
        self.controller = None

    # --- the database stack loads after the login window is on screen -----------------------
    def context(self):
        if self.ctx is None:
            from desktop.context import open_context

            self.ctx = open_context(self.args.db, self.lang)
        return self.ctx

    def close(self) -> None:
        self._drop_controller()
        if self.ctx is not None:
            self.ctx.close()
        file_dialogs.remember_in(None)

    def _drop_controller(self) -> None:
        stack = getattr(self.controller, "undo_stack", None)
        if stack is not None:  # its commands refer back to the controller: emptied while both are whole, not by the
            stack.clear()      # collector taking the controller apart later (Qt then deletes commands already gone)
        self.controller = None

    def has_users(self) -> bool:
        return self.context().users.any()

    def first_run(self):
        """Creates the admin account on a database without users; returns it, or None if cancelled."""
        from desktop.ui.dialogs.first_run import FirstRunDialog

        ctx = self.context()
        from desktop.ui.dialogs.served_unit import unit_choices

        dialog = FirstRunDialog(unit_choices(ctx.units, self.lang))
        if not dialog.exec():
            return None
        admin = ctx.users.create("admin", "admin", dialog.password, "admin", None)
        ctx.served_unit.set(admin.name, ctx.units.get(dialog.unit_code))  # the database holds it: every window, the command line
        self.settings.set("served_unit", dialog.unit_code)
        self.settings.set("unit", dialog.unit_code)
        self.getting_started(admin, dialog.unit_code).exec()
        return admin

    def getting_started(self, admin, unit_code: str):
        """The next steps after the administrator exists: a district imports the bureau's package (which
        brings its accounts); the bureau adds its reviewers, prepares the districts' accounts, sets a half."""
        from desktop.ui.dialogs.district_accounts import DistrictAccountsDialog
        from desktop.ui.dialogs.getting_started import GettingStartedDialog
        from desktop.ui.dialogs.setup import SetupDialog
        from desktop.ui.dialogs.users import UsersDialog

        ctx = self.context()
        opens = {
            "users": lambda: UsersDialog(ctx, admin.name).exec() or True,
            "accounts": lambda: DistrictAccountsDialog(ctx, admin.name).exec() or True,
            "targets": lambda: SetupDialog(ctx, admin.name).exec() or True,
            "import": lambda: SetupDialog(ctx, admin.name).import_package(),
            "key": lambda: self._save_unit_key(unit_code),
        }
        bureau = unit_code == ctx.units.municipality.code
        return GettingStartedDialog(ctx.units.get(unit_code).label(self.lang), bureau, opens)

    def login(self, user_name: str | None = None):
        """The login window comes first; the database opens behind it. Returns the user, "first-run", or None.
        `user_name`: offered in the dialog instead of the last one to log in."""
        from desktop.core.text import UserError

        dialog = LoginDialog(user=self.settings.get("last_user") if user_name is None else user_name)
        dialog.setModal(True)  # shown before exec(), which would otherwise leave it modeless
        dialog.show()
        QTimer.singleShot(150, lambda: self._preload(dialog))
        while (result := dialog.exec()) == LoginDialog.DialogCode.Accepted:
            try:
                user = self.context().users.sign_in(dialog.user, dialog.password)
                self.settings.set("last_user", user.name)
                if user.must_change_password and not self.change_password(user, dialog.password):
                    return None
                return user
            except UserError as exc:
                dialog.fail(exc.message(self.lang))
            except Exception as exc:  # noqa: BLE001 - a database that cannot be opened
                dialog.fail(str(exc))
        return "first-run" if result == FIRST_RUN else None

    def change_password(self, user, old_password: str, dialog=None) -> bool:
        """A one-time password is replaced before the first window opens; cancelling logs out."""
        from desktop.core.text import UserError
        from desktop.ui.dialogs.change_password import ChangePasswordDialog

        dialog = dialog or ChangePasswordDialog(user.name)
        while dialog.exec():
            try:
                from desktop.store.accounts import change_own_password

                change_own_password(self.context().store, user.name, old_password, dialog.password)
                return True
            except UserError as exc:
                dialog.fail(exc.message(self.lang))
        return False

    def _save_unit_key(self, unit_code: str):
        from desktop.ui.key_actions import export_key

        return export_key(None, self.context(), self.context().units.get(unit_code))

    def _preload(self, dialog: LoginDialog) -> None:
        try:
            if not self.has_users():
                dialog.done(FIRST_RUN)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog; logging in will say it again
            dialog.fail(str(exc))

    # --- the main window ----------------------------------------------------------------------
    def semesters(self):
        from desktop.core.semester import Semester

        ctx = self.context()
        known = ctx.store.semesters_with_data() + ctx.resources.targets.semesters()
        halves = known + [Semester.containing(date.today())]
        lo, hi = min(halves), max(halves)
        span = (hi.year - lo.year) * 2 + hi.half - lo.half + 1
        return hi.back(max(6, span))[::-1]  # newest first: every known half, the current one, at least six

    def default_semester(self, reviewer: bool = False):
        """Where a window opens: the newest half that holds data or has a deadline from the bureau (for the bureau's
        reviewer, submissions), else the one just ended (being reported)."""
        from desktop.core.semester import Semester

        store = self.context().store
        if reviewer:
            opened = store.semesters_received()
        else:  # a district also where the bureau has set a deadline: the half it is collecting
            opened = store.semesters_with_data() + list(self.context().resources.targets.deadlines)
        return max(opened) if opened else Semester.containing(date.today()).previous()

    def show_main(self, user) -> None:
        ctx = self.context()
        ctx.lang = self.lang
        if user.role == "reviewer":
            from desktop.ui.review.controller import ReviewController as Controller
            from desktop.ui.review.window import ReviewerWindow as MainWindow
        else:
            from desktop.ui.controller import EntryController as Controller
            from desktop.ui.main_window import MainWindow
        if self.controller is None:
            self.controller = Controller(ctx, user)
        self.controller.lang = self.lang
        semesters = self.semesters()
        unit = user.unit_code or self.settings.get("unit") or ctx.units.municipality.code  # a unit not offered: the first that is
        half = self.settings.get("semester")
        reviewer = user.role == "reviewer"
        received = [str(s) for s in ctx.store.semesters_received()] if reviewer else None
        if half not in [str(s) for s in semesters] or (received and half not in received):
            half = str(self.default_semester(reviewer))  # a reviewer opens where there are submissions to see
        if self.controller.semester is not None:
            half = str(self.controller.semester)
        if self.controller.unit is not None:
            unit = self.controller.unit.code
        window = MainWindow(self.controller, semesters)
        window.languageChosen.connect(self.switch_language)
        window.logOutRequested.connect(self.log_out)
        geometry = self.settings.get("geometry")
        if geometry:
            window.restoreGeometry(geometry)
        window.select(unit, half)
        old, self.window = self.window, window
        window.show()
        if old is not None:
            old.hide()
            old.deleteLater()

    def remember(self) -> None:
        if self.window is not None and self.controller is not None and self.controller.semester is not None:
            self.settings.set("geometry", self.window.saveGeometry())
            if self.controller.unit is not None:
                self.settings.set("unit", self.controller.unit.code)
            self.settings.set("semester", str(self.controller.semester))
            if not self.without_chinese_font:  # chosen, not fallen back to: Chinese again once a font is installed
                self.settings.set("language", self.lang)

    def log_out(self) -> None:
        """The window closes and the login comes back, for another person (the approver at the clerk's PC) or the same
        one: the next opens with nothing of the last one's (no edits to undo). Cancelled, the program ends."""
        self.remember()
        self.window.hide()  # replaced by the next one's window, or closed with the program
        self._drop_controller()
        user = self.login(user_name="")  # someone else, as likely as not: nobody's name is offered
        if user is None or user == "first-run":
            self.app.quit()
            return
        self.show_main(user)

    def switch_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        i18n.remove(self.app, self.translators)
        self.lang, self.without_chinese_font = lang, False
        self.translators = i18n.install(self.app, lang)
        self.settings.set("language", lang)
        self.show_main(self.controller.user)


def _benchmark(gui: GuiApp, which: str) -> int:
    """Prints seconds from process start to the first paint of the window, and peak memory."""
    import resource

    from PySide6.QtCore import QEvent, QObject

    from desktop import STARTED

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                elapsed = time.perf_counter() - STARTED
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"{which} window first paint: {elapsed:.3f} s, peak memory {peak:.0f} MiB", flush=True)
                QTimer.singleShot(0, gui.app.quit)
                obj.removeEventFilter(self)
            return False

    painted = FirstPaint()
    if which == "login":
        window = LoginDialog()
    else:
        ctx = gui.context()
        name = getattr(gui.args, "user", None)
        user = ctx.users.find(name) if name else ctx.users.find("wanzhou") or ctx.users.find("admin")
        if user is None:
            print(f"no user {name}" if name else "the database has no demo user: run `ecoreport init --demo` first", file=sys.stderr)
            return 2
        gui.show_main(user)
        window = gui.window
    window.installEventFilter(painted)
    window.show()
    return gui.app.exec()


def _input_check(seconds: int) -> int:
    from desktop.ui import input_method
    from desktop.ui.dialogs.input_check import InputCheckDialog, has_chinese

    dialog = InputCheckDialog(input_method.applied(), input_method.running_services())
    if seconds > 0:
        QTimer.singleShot(seconds * 1000, dialog.reject)
    dialog.exec()
    print(f"typed: {dialog.typed}", flush=True)
    return 0 if has_chinese(dialog.typed) else 1


def _unsound_binding(args) -> int:
    """Refuses to start on a Qt binding that would crash the program at random, and says what to install."""
    import PySide6
    from PySide6.QtWidgets import QMessageBox

    from desktop.core.text import Text

    message = Text(f"无法启动：已安装的 PySide6 {PySide6.__version__} 有已知缺陷，会使程序随机崩溃。"
                   "请改装已知无此缺陷的版本：pip install 'PySide6-Essentials==6.11.3' 'PySide6-Addons==6.11.3'",
                   f"EcoReport will not start: the installed PySide6 {PySide6.__version__} has a known defect that crashes "
                   "programs at random. Install a version known to be sound: pip install 'PySide6-Essentials==6.11.3' "
                   "'PySide6-Addons==6.11.3'")(args.lang)  # fmt: skip
    print(message, file=sys.stderr)
    QMessageBox.critical(None, "EcoReport", message)
    return 3  # the command line's EXIT_BROKEN: the installation cannot run


def run(args) -> int:
    from desktop.ui import input_method

    if QApplication.instance() is None:
        input_method.apply()  # before Qt starts: it chooses its input-context plugin once
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("EcoReport")
    app.setOrganizationName("EcoReport")
    app.setDesktopFileName("ecoreport")  # matches the installed .desktop entry, so the desktop shows our icon
    from desktop.ui.icon import app_icon

    app.setWindowIcon(app_icon())
    from desktop.ui import binding

    if binding.drops_references():
        return _unsound_binding(args)
    input_method.serve(app)
    gui = GuiApp(args, app)
    try:
        return _session(gui, args)
    finally:
        gui.close()


def _session(gui: GuiApp, args) -> int:
    """From the login to the last window closed."""
    if getattr(args, "input_check", None) is not None:
        return _input_check(args.input_check)
    if args.startup_benchmark:
        return _benchmark(gui, args.startup_benchmark)
    if gui.without_chinese_font:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "EcoReport", i18n.NO_CHINESE_FONT)
    user = gui.login()
    if user == "first-run":
        try:
            user = gui.first_run()
        except Exception as exc:  # noqa: BLE001 - reported, not a traceback
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "EcoReport", str(exc))
            return 3
    if user is None:
        return 0
    gui.show_main(user)
    code = gui.app.exec()
    gui.remember()
    return code
