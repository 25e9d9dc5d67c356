"""Signing keys in the GUI: a district saves its public key file; the bureau registers districts' files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from desktop.core.text import Text, UserError
from desktop.ui.dialogs.submit import approver_labels
from desktop.ui.file_dialogs import open_path, save_path


def add_export_key_action(menu, window, controller) -> QAction:
    action = QAction(QCoreApplication.translate("KeyActions", "Save this unit's public key…"), window)
    action.triggered.connect(lambda: export_key(window, controller.ctx, controller.unit))
    menu.addAction(action)
    return action


def export_key(window, ctx, unit, path: str | None = None) -> Path | None:
    from desktop.store import keys

    if path is None:
        path = save_path(window, QCoreApplication.translate("KeyActions", "Save the public key"),
                         f"{unit.code}.pub", QCoreApplication.translate("KeyActions", "Public keys (*.pub)"))  # fmt: skip
    if not path:
        return None
    try:
        if keys.public_key(ctx.store, unit) is None and not make_key(window, ctx, unit):
            return None
        Path(path).write_text(keys.key_file(ctx.store, unit), encoding="utf-8")
        _, print_ = keys.own_public_key(ctx.store, unit)
    except UserError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("KeyActions", "Not saved"), exc.message(ctx.lang))
        return None
    QMessageBox.information(window, QCoreApplication.translate("KeyActions", "Public key saved"),
                            QCoreApplication.translate("KeyActions", "Send the file to the bureau and read them its fingerprint: %1")
                            .replace("%1", print_))  # fmt: skip
    return Path(path)


def make_key(window, ctx, unit) -> bool:
    """The unit's first signing key is sealed with an approver's password, so an approver types it here."""
    from desktop.store import keys

    approvers = ctx.submissions.approvers(unit)
    if not approvers:
        raise UserError(Text("本单位还没有审核人账户；请先由管理员添加审核人", "The unit has no approver yet; an administrator adds one first"))
    title = QCoreApplication.translate("KeyActions", "Make the unit's signing key")
    offered = approver_labels(approvers)
    label, ok = QInputDialog.getItem(window, title, QCoreApplication.translate("KeyActions", "Approver"), list(offered), 0, False)
    if not ok:
        return False
    name = offered[label]
    password, ok = QInputDialog.getText(window, title, QCoreApplication.translate("KeyActions", "Password of %1").replace("%1", name),
                                        QLineEdit.EchoMode.Password)  # fmt: skip
    if not ok:
        return False
    keys.create_for(ctx.store, unit, name, password)
    return True


def add_keys_action(menu, window, controller) -> QAction:
    action = QAction(QCoreApplication.translate("KeyActions", "Keys and fingerprints…"), window)
    action.triggered.connect(lambda: show_keys(window, controller))
    menu.addAction(action)
    return action


def show_keys(window, controller, modal: bool = True):
    from desktop.store import keys
    from desktop.ui.dialogs.keys import KeysDialog

    ctx = controller.ctx
    dialog = KeysDialog(ctx.units, ctx.lang, keys.own_keys(ctx.store), keys.registered(ctx.store), window)
    if modal:
        dialog.exec()
    return dialog


def add_register_key_action(menu, window, controller) -> QAction:
    action = QAction(QCoreApplication.translate("KeyActions", "Register a district's public key…"), window)
    action.triggered.connect(lambda: register_key(window, controller))
    menu.addAction(action)
    return action


def register_key(window, controller, path: str | None = None) -> str | None:
    from desktop.store import keys

    ctx = controller.ctx
    if path is None:
        path = open_path(window, QCoreApplication.translate("KeyActions", "Register a public key"),
                         QCoreApplication.translate("KeyActions", "Public keys (*.pub)"))  # fmt: skip
    if not path:
        return None
    try:
        code, public = keys.read_key_file(Path(path))
        unit = ctx.units.find(code)
        print_ = keys.fingerprint(public)
        question = QCoreApplication.translate("KeyActions", "Register this key for %1?\n\nFingerprint: %2\n\nCompare it with the one the district reads to you.")
        answer = QMessageBox.question(window, QCoreApplication.translate("KeyActions", "Register a public key"),
                                      question.replace("%1", unit.name(ctx.lang)).replace("%2", print_))  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return keys.register(ctx.store, controller.user.name, unit, public)
    except UserError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("KeyActions", "Not registered"), exc.message(ctx.lang))
        return None
