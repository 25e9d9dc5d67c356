"""The entry window's File actions on workbooks: import a filled template or the bureau's review, export a template
or the submission workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from desktop.core.workflow import SIGNED_OFF
from desktop.ui.dialogs.problems import ProblemsDialog
from desktop.ui.file_dialogs import open_path, save_path
from desktop.ui.window_actions import WindowActions


class EntryFiles(WindowActions):
    def _file_label(self) -> str:
        c = self.window.controller
        return f"{c.unit.name(c.lang)}_{c.semester}"

    def _said(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def import_template(self) -> None:
        path = open_path(self.window, self.tr("Import filled template"), self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.run_import(Path(path))

    def run_import(self, path: Path) -> None:
        window, c = self.window, self.window.controller
        progress = QProgressDialog(self.tr("Importing %1…").replace("%1", path.name), None, 0, 0, window)
        progress.setMinimumDuration(500)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        result = c.import_template(path)
        progress.close()
        lang = c.lang
        if result.problems:
            ProblemsDialog(self.tr("The file was refused"), [p.message(lang) for p in result.problems], window).exec()
        elif result.status == "unchanged":
            self._said(self.tr("The file holds the same values as the database; nothing changed."))
        else:
            self._said(self.tr("Imported %1: %2 change(s)").replace("%1", path.name).replace("%2", str(result.changes)))
        if result.kind == "template" and result.changed:  # every change seen, not only counted
            self.show_changes(path, result)
            return
        if result.kind == "review" and not result.problems and any(t.open for t in c.threads):
            window.show_side(window.queries)  # the bureau's queries wait: room to read the thread and answer
        if not result.problems and result.notes:  # taken, but the user should see what: formula results, older set-up
            ProblemsDialog(self.tr("Imported, with notes"), [n(lang) for n in result.notes], window,
                           self.tr("The file was imported. Please look at the following:")).exec()

    def show_changes(self, path: Path, result) -> None:
        from desktop.core.display import change_lines

        window, c = self.window, self.window.controller
        lines = change_lines(c.ctx.catalog, result.changed, c.lang)
        intro = self.tr("%1 made %2 change(s), listed below. Undo (Ctrl+Z) takes the whole import back in one step; "
                        "double-click a row to go to the indicator.").replace("%1", path.name).replace("%2", str(len(lines)))
        window.import_changes.show_changes(intro, lines, [n(c.lang) for n in result.notes], c.undo_stack.index())
        window.show_side(window.import_changes)

    def export_template(self) -> None:
        from desktop.exchange.save import save_workbook
        from desktop.exchange.template import build_template, reading_of

        window, c = self.window, self.window.controller
        suggested = self.tr("%1_template.xlsx").replace("%1", self._file_label())
        path = save_path(window, self.tr("Export template"), suggested, self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        from desktop.ui.background import run_in_background

        store, unit, semester, report, lang = c.ctx.store, c.unit, c.semester, c.report, c.lang

        def write(progress) -> Path:
            wb = build_template(c.ctx.catalog, unit, semester, report.figures, store.figures(unit, semester.previous()),
                                report.last_year, report.half.explanations, lang, reading_of(store, unit, semester))  # fmt: skip
            return save_workbook(wb, Path(path))

        saved = run_in_background(window, self.tr("Writing the template…"), write)
        self._said(self.tr("Saved %1").replace("%1", str(saved)))

    def export_submission(self, path: str | None = None) -> Path | None:
        from desktop.exchange.export import submission_workbook
        from desktop.exchange.save import save_workbook

        window, c = self.window, self.window.controller
        if not path:
            if c.report is not None and c.report.status in SIGNED_OFF:  # so version 2 does not overwrite version 1
                suggested = self.tr("%1_submission_v%2.xlsx").replace("%1", self._file_label()).replace("%2", str(c.report.version))
            else:  # a draft claims no version
                suggested = self.tr("%1_submission.xlsx").replace("%1", self._file_label())
            path = save_path(window, self.tr("Save the submission workbook"), suggested,
                             self.tr("Excel workbooks (*.xlsx)"))  # fmt: skip
        if not path:
            return None
        from desktop.ui.background import run_in_background

        store, unit, semester, lang, report = c.ctx.store, c.unit, c.semester, c.lang, c.report
        saved = run_in_background(window, self.tr("Writing the submission workbook…"), lambda progress: save_workbook(
            submission_workbook(store, unit, semester, lang, report=report), Path(path)))  # fmt: skip
        self._said(self.tr("Saved %1").replace("%1", str(saved)))
        return saved
