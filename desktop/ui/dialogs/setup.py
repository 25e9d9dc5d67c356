"""The administrator's set-up: targets and the deadline of each half, and set-up packages."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.core.semester import Semester
from desktop.core.targets import OPERATORS, SCOPES, Target, copy_targets
from desktop.core.text import Text, UserError
from desktop.core.vocabulary import role_name
from desktop.ui.file_dialogs import open_path, save_path
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers


class TargetForm(QDialog):
    """Collects one target: indicator, scope, operator, value, basis."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Target"))
        lang = ctx.lang
        self.code = QComboBox(self)
        for ind in ctx.catalog.indicators.values():
            if ind.numeric or ind.type == "category":
                self.code.addItem(f"{ind.name(lang)} ({ind.code})", ind.code)
        self.scope = QComboBox(self)
        for scope, text in zip(SCOPES, (self.tr("the city"), self.tr("every district"), self.tr("the city and every district")), strict=True):
            self.scope.addItem(text, scope)
        for unit in ctx.units:
            self.scope.addItem(unit.label(lang), unit.code)
        self.op = QComboBox(self)
        self.op.addItems(list(OPERATORS))
        self.value, self.basis_zh, self.basis_en = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        form = QFormLayout(self)
        for label, widget in ((self.tr("Indicator"), self.code), (self.tr("Applies to"), self.scope), (self.tr("Operator"), self.op),
                              (self.tr("Value"), self.value), (self.tr("Basis (Chinese)"), self.basis_zh),
                              (self.tr("Basis (English)"), self.basis_en)):  # fmt: skip
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def target(self, ctx) -> Target:
        code = self.code.currentData()
        text = self.value.text().strip()
        if ctx.catalog[code].type == "category":
            value = text
        else:
            try:
                value = Decimal(text)
            except InvalidOperation:
                raise UserError(Text(f"目标值“{text}”不是数字", f"The target value '{text}' is not a number")) from None
        basis_zh = self.basis_zh.text().strip()
        if not basis_zh:
            raise UserError(Text("请填写目标依据（如国家考核目标、市级目标）", "Give the target's basis (national assessment target, …)"))
        return Target(code, self.scope.currentData(), self.op.currentText(), value,
                      Text(basis_zh, self.basis_en.text().strip() or basis_zh))  # fmt: skip


COMMON_BASES = (  # what targets in the bureau's documents are usually based on
    Text("国家考核目标", "National assessment target"),
    Text("市级目标", "Municipal target"),
    Text("区县目标责任书", "District responsibility agreement"),
    Text("上年实际水平", "Last year's actual level"),
)


class CopyTargetsDialog(QDialog):
    """Asks the basis of each target carried into a new half: a sample basis is never carried."""

    def __init__(self, ctx, source: list[Target], to_half: Semester, parent=None):
        super().__init__(parent)
        lang = ctx.lang
        self.setWindowTitle(self.tr("Copy targets to %1").replace("%1", to_half.label(lang)))
        self.source = source
        self.fields: list[QComboBox] = []
        scopes = {"municipality": self.tr("the city"), "districts": self.tr("every district"), "all": self.tr("city and districts")}
        rows = QWidget(self)
        form = QFormLayout(rows)
        for target in source:
            name = ctx.catalog[target.code].name(lang) if target.code in ctx.catalog else target.code
            box = QComboBox(rows)
            box.setEditable(True)
            box.addItems([basis(lang) for basis in COMMON_BASES])
            box.setEditText("" if target.sample else target.basis(lang))
            box.lineEdit().setPlaceholderText(self.tr("Basis (required)"))
            scope = scopes.get(target.units) or ctx.units.get(target.units).label(lang)
            form.addRow(f"{name}（{scope}） {target.shown(ctx.catalog[target.code], lang)}", box)
            self.fields.append(box)
        scroll = QScrollArea(self)
        scroll.setWidget(rows)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Give the basis of each target. Example (示例) bases are not carried forward."), self))
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def bases(self) -> dict[tuple[str, str], Text]:
        """The basis typed or chosen for each target; a known basis keeps its English name."""
        known = {b.zh: b for b in COMMON_BASES} | {b.en: b for b in COMMON_BASES}
        out = {}
        for target, box in zip(self.source, self.fields, strict=True):
            text = box.currentText().strip()
            if text:
                out[(target.code, target.units)] = known.get(text, Text(text, text))
        return out


class SetupDialog(QDialog):
    def __init__(self, ctx, actor: str, on_changed=None, parent=None):
        super().__init__(parent)
        from desktop.store import packages

        self.ctx, self.actor, self.on_changed = ctx, actor, on_changed
        self.setWindowTitle(self.tr("Targets and deadlines"))
        lang = ctx.lang
        self.half = QComboBox(self)
        self._fill_halves()
        self.deadline = QDateEdit(self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.version = QLabel(self)
        scopes = {"municipality": self.tr("the city"), "districts": self.tr("every district"), "all": self.tr("city and districts")}
        self.model = RowTableModel([
            (self.tr("Indicator"), lambda t: ctx.catalog[t.code].name(lang) if t.code in ctx.catalog else t.code),
            (self.tr("Applies to"), lambda t: scopes.get(t.units) or ctx.units.get(t.units).label(lang)),
            (self.tr("Target"), lambda t: t.shown(ctx.catalog[t.code], lang) if t.code in ctx.catalog else f"{t.op} {t.value}"),
            (self.tr("Basis"), lambda t: t.basis(lang) + (self.tr(" (example)") if t.example else "")),
        ], parent=self)  # fmt: skip
        self.table = QTableView(self)
        plain_headers(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 180)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Half-year"), self))
        top.addWidget(self.half)
        top.addWidget(QLabel(self.tr("Deadline"), self))
        top.addWidget(self.deadline)
        set_deadline = QPushButton(self.tr("Set deadline"), self)
        top.addWidget(set_deadline)
        top.addStretch(1)
        top.addWidget(self.version)
        buttons = QHBoxLayout()
        actions = ((self.tr("Add or change…"), self.add), (self.tr("Remove"), self.remove),
                   (self.tr("Copy from an earlier half…"), self.copy_forward),
                   (self.tr("Export set-up package…"), self.export_package), (self.tr("Import set-up package…"), self.import_package))  # fmt: skip
        serves = ctx.served_unit.get()
        district = serves is not None and not serves.is_municipality  # it shows the bureau's set-up and imports it
        for text, slot in actions:
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=slot: s())
            button.setEnabled(not district or slot == self.import_package)
            buttons.addWidget(button)
        self.deadline.setEnabled(not district)
        set_deadline.setEnabled(not district)
        layout = QVBoxLayout(self)
        if district:
            note = QLabel(self.tr("This computer serves %1: the bureau sets targets and deadlines; they arrive here in "
                                  "its set-up package.").replace("%1", serves.name(lang)), self)  # fmt: skip
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.half.currentIndexChanged.connect(self.refresh)
        set_deadline.clicked.connect(lambda: self.set_deadline())
        self.resize(980, 560)
        self._packages = packages
        self.refresh()

    def _fill_halves(self) -> None:
        """The current half to two years ahead, and every half with targets or data, newest first."""
        from datetime import date

        chosen = self.half.currentData()
        known = set(self.ctx.resources.targets.semesters()) | set(self.ctx.store.semesters_with_data())
        self.half.blockSignals(True)
        self.half.clear()
        for semester in Semester.settable(date.today(), known):
            self.half.addItem(semester.label(self.ctx.lang), str(semester))
        current = self.half.findData(chosen or str(Semester.containing(date.today())))
        self.half.setCurrentIndex(max(current, 0))
        self.half.blockSignals(False)

    @property
    def semester(self) -> Semester:
        return Semester.parse(self.half.currentData())

    def refresh(self) -> None:
        targets = self.ctx.resources.targets
        self.model.set_rows(targets.by_semester.get(self.semester, []))
        deadline = targets.deadlines.get(self.semester)
        self.deadline.setDate(QDate(deadline) if deadline else QDate(self.semester.end).addDays(20))
        from desktop.store import keys

        text = self.tr("Set-up %1").replace("%1", self._packages.active_version(self.ctx.store))
        own = keys.public_key(self.ctx.store, self.ctx.units.municipality)
        if own is not None:
            text += "   " + self.tr("Bureau key fingerprint %1").replace("%1", own[1])
        self.version.setText(text)

    def _apply(self, targets, deadline) -> bool:
        packages = self._packages
        try:
            content = packages.with_half(packages.effective_content(self.ctx.store), self.semester, targets, deadline)
            packages.activate(self.ctx.store, self.actor, content, packages.EDITED_HERE)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(self.ctx.lang))
            return False
        self._changed()
        return True

    def _changed(self) -> None:
        self.ctx.reload_resources()
        self._fill_halves()  # an imported package may bring halves
        self.refresh()
        if self.on_changed is not None:
            self.on_changed()

    def _current(self):
        return list(self.ctx.resources.targets.by_semester.get(self.semester, [])), self.ctx.resources.targets.deadlines.get(self.semester)

    def add(self, form: TargetForm | None = None) -> bool:
        form = form or TargetForm(self.ctx, self)
        if form.result() != QDialog.DialogCode.Accepted and not form.exec():
            return False
        while True:  # a refused target reopens the form with what was typed
            try:
                target = form.target(self.ctx)
                targets, deadline = self._current()
                kept = [t for t in targets if (t.code, t.units) != (target.code, target.units)]
                if self._apply(kept + [target], deadline):
                    return True
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Not saved"), exc.message(self.ctx.lang))
            if not form.exec():
                return False

    def remove(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        chosen = self.model.row(index.row())
        targets, deadline = self._current()
        return self._apply([t for t in targets if t is not chosen], deadline)

    def copy_forward(self, dialog: CopyTargetsDialog | None = None) -> bool:
        """Copies the targets of the latest earlier half that has any, asking each one's basis."""
        earlier = [s for s in self.ctx.resources.targets.semesters() if s < self.semester]
        source = self.ctx.resources.targets.by_semester[earlier[-1]] if earlier else []
        if not source:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr("No earlier half has targets."))
            return False
        dialog = dialog or CopyTargetsDialog(self.ctx, list(source), self.semester, self)
        if dialog.result() != QDialog.DialogCode.Accepted and not dialog.exec():
            return False
        try:
            copied = copy_targets(list(source), dialog.bases())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(self.ctx.lang))
            return False
        return self._apply(copied, self._current()[1])

    def set_deadline(self) -> bool:
        from desktop.core.targets import deadline_problem

        problem = deadline_problem(self.semester, self.deadline.date().toPython())
        if problem:
            QMessageBox.warning(self, self.tr("Not saved"), problem(self.ctx.lang))
            return False
        return self._apply(self._current()[0], self.deadline.date().toPython())

    def export_package(self, path: str | None = None) -> Path | None:
        packages = self._packages
        if path is None:
            path = save_path(self, self.tr("Export set-up package"), "ecoreport-setup.ecopkg",
                             self.tr("Set-up packages (*.ecopkg)"))  # fmt: skip
        if not path:
            return None
        written = packages.write_file(packages.effective_content(self.ctx.store), packages.active_version(self.ctx.store),
                                      Path(path), self.actor, self.ctx.store)  # fmt: skip
        self.refresh()
        QMessageBox.information(self, self.tr("Set-up package"), self.tr(
            "Saved %1.\n\nThe bureau's key fingerprint: %2\nDistricts compare it by phone when they first import a package."
        ).replace("%1", str(written)).replace("%2", packages.read_file(written)[0].get("key_fingerprint", "")))  # fmt: skip
        return written

    def import_package(self, path: str | None = None, confirm=None) -> bool:
        packages = self._packages
        if path is None:
            path = open_path(self, self.tr("Import set-up package"), self.tr("Set-up packages (*.ecopkg)"))
        if not path:
            return False
        try:
            package = packages.incoming(self.ctx.store, Path(path))
            signed = self.tr("Signed by the key with fingerprint %1: compare it with the bureau by phone before a "
                             "first import.") if package.first else self.tr("Signed by the key with fingerprint %1.")  # fmt: skip
            lines = [signed.replace("%1", package.fingerprint)] + [c.text(self.ctx.lang) for c in package.changes] + [
                (self.tr("Account %1 (%2) is already here and stays as it is") if a["name"] in package.existing
                 else self.tr("New account %1 (%2)")).replace("%1", a["name"]).replace("%2", role_name(a["role"])(self.ctx.lang))
                for a in package.accounts]  # fmt: skip
            if not (confirm or self._confirm)(package.version, lines):
                return False
            origin, created, _ = packages.apply_incoming(self.ctx.store, self.actor, package, Path(path).name)
            told = origin(self.ctx.lang)
            if created:
                told += "\n\n" + self.tr("Accounts created: %1. Each logs in with the one-time password the bureau "
                                           "gave them and sets their own at first login.").replace("%1", "、".join(created))  # fmt: skip
            QMessageBox.information(self, self.tr("Set-up package"), told)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not imported"), exc.message(self.ctx.lang))
            return False
        self._changed()
        return True

    def _confirm(self, version: str, lines: list[str]) -> bool:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Import set-up package %1").replace("%1", version))
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("The package changes:") if lines else self.tr("The package changes nothing here."), dialog))
        changes = QListWidget(dialog)
        changes.addItems(lines)
        layout.addWidget(changes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(620, 380)
        return bool(dialog.exec())
