"""输入法检查: a field to try Chinese input in, and what EcoReport found on this desktop, for support calls."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop.ui.input_method import Choice, served_by


def has_chinese(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class InputCheckDialog(QDialog):
    def __init__(self, choice: Choice, services: set[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Input method check"))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Type a few Chinese characters here with your input method"))
        self.verdict = QLabel("", self)
        self.verdict.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Try it"), self.field)
        form.addRow(self.tr("The desktop asks for"), QLabel(choice.requested or self.tr("nothing"), self))
        form.addRow(self.tr("EcoReport uses"), QLabel(self._plugin_text(choice), self))
        form.addRow(self.tr("Running input methods"), QLabel(self._services_text(services), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        self._advice = self._advice_text(services)
        self.field.textChanged.connect(self._update)
        self._update(self.field.text())
        self.field.setFocus()
        self.resize(560, 220)

    def _plugin_text(self, choice: Choice) -> str:
        if served_by() == "fcitx4":
            return self.tr("fcitx 4, spoken to directly over D-Bus")
        if choice.plugin == "ibus" and choice.framework == "fcitx":
            return self.tr("Qt's IBus plugin, through fcitx5's IBus interface")
        if choice.plugin:
            return choice.plugin
        return choice.requested or self.tr("Qt's built-in compose input (no input method)")

    def _services_text(self, services: set[str]) -> str:
        names = {"fcitx5": "fcitx5", "fcitx4": self.tr("fcitx 4"), "ibus-portal": "IBus"}
        found = [names[s] for s in sorted(services)]
        return "、".join(found) if found else self.tr("none found on the session bus")

    def _advice_text(self, services: set[str]) -> str:
        if "fcitx4" in services and "fcitx5" not in services and served_by() != "fcitx4":
            return self.tr("fcitx 4 is running, but EcoReport could not connect to it. Restart fcitx (or log out "
                           "and in again) and EcoReport; if that does not help, ask your administrator to install "
                           "fcitx5 (with its Chinese add-ons) or IBus with a pinyin engine.")
        return self.tr("If no Chinese arrives, switch the input method on (usually Ctrl+Space) and try again.")

    def _update(self, text: str) -> None:
        if has_chinese(text):
            self.verdict.setText(self.tr("Chinese input works."))
            self.verdict.setStyleSheet("color: #1e7b34; font-weight: bold;")
        else:
            self.verdict.setText(self._advice)
            self.verdict.setStyleSheet("")

    @property
    def typed(self) -> str:
        return self.field.text()
