"""Backup and restore, offered in every main window's File menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from desktop.core.text import UserError
from desktop.ui.file_dialogs import open_path, save_path


def add_backup_actions(menu, window, ctx, user: str, restored) -> None:
    backup = QAction(QCoreApplication.translate("BackupActions", "Back up the database…"), window)
    restore = QAction(QCoreApplication.translate("BackupActions", "Restore from a backup…"), window)
    backup.triggered.connect(lambda: back_up(window, ctx))
    restore.triggered.connect(lambda: restore_from(window, ctx, user, restored))
    menu.addAction(backup)
    menu.addAction(restore)
    is_file = ctx.store.db.path is not None
    backup.setEnabled(is_file)
    account = ctx.users.find(user)
    administrator = account is not None and account.role == "admin"  # the store refuses anyone else too
    restore.setEnabled(is_file and administrator)
    if is_file and not administrator:
        restore.setToolTip(QCoreApplication.translate("BackupActions", "Only an administrator restores a backup: it undoes every "
                                                      "edit and sign-off made since"))  # fmt: skip


def back_up(window, ctx, path: str | None = None) -> Path | None:
    from desktop.store.database import utc_stamp

    if path is None:
        path = save_path(window, QCoreApplication.translate("BackupActions", "Back up the database"), f"ecoreport-{utc_stamp()}.sqlite3",
                         QCoreApplication.translate("BackupActions", "Database backups (*.sqlite3)"))  # fmt: skip
    if not path:
        return None
    from desktop.ui.background import run_in_background

    try:
        saved = run_in_background(window, QCoreApplication.translate("BackupActions", "Backing up the database…"),
                                  lambda progress: ctx.store.db.backup(Path(path)))  # fmt: skip
    except UserError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("BackupActions", "Backup failed"), exc.message(ctx.lang)
        )
        return None
    window.statusBar().showMessage(
        QCoreApplication.translate("BackupActions", "Backed up to %1").replace("%1", str(saved)), 8000
    )
    return saved


def restore_from(window, ctx, user: str, restored, path: str | None = None) -> bool:
    if path is None:
        path = open_path(window, QCoreApplication.translate("BackupActions", "Restore from a backup"),
                         QCoreApplication.translate("BackupActions", "Database backups (*.sqlite3)"))
    if not path:
        return False
    from desktop.store.restore import restore as restore_backup
    from desktop.store.restore import versions_lost

    question = QCoreApplication.translate("BackupActions", "Replace all data with the backup? The current data is backed up first.")
    lost = versions_lost(ctx.store, Path(path))
    if lost:  # versions the bureau may hold; each says how the half's next sign-off is numbered
        question = QCoreApplication.translate(
            "BackupActions", "This backup is older than versions signed off here: %1. Restored, this computer no longer "
            "holds their data, which the bureau may already have.\n\n%2").replace(
            "%1", ("、" if ctx.lang == "zh" else "; ").join(t(ctx.lang) for t in lost)).replace("%2", question)  # fmt: skip
    answer = QMessageBox.question(window, QCoreApplication.translate("BackupActions", "Restore"), question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from desktop.ui.background import run_in_background

    try:
        safety = run_in_background(window, QCoreApplication.translate("BackupActions", "Restoring the database…"),
                                   lambda progress: restore_backup(ctx.store, user, Path(path), older=bool(lost)))  # fmt: skip
    except UserError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("BackupActions", "Restore failed"), exc.message(ctx.lang)
        )
        return False
    restored()
    window.statusBar().showMessage(QCoreApplication.translate("BackupActions", "Restored from %1; the data before it is kept in %2")
                                   .replace("%1", Path(path).name).replace("%2", str(safety)), 15000)  # fmt: skip
    return True
