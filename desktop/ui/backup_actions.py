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
    restore.setEnabled(is_file)


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
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("BackupActions", "Restore"),
        QCoreApplication.translate(
            "BackupActions", "Replace all data with the backup? The current data is backed up first."
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from desktop.ui.background import run_in_background

    def restore(progress) -> None:
        from desktop.store.restore import restore as restore_backup

        restore_backup(ctx.store, user, Path(path))

    try:
        run_in_background(window, QCoreApplication.translate("BackupActions", "Restoring the database…"), restore)
    except UserError as exc:
        QMessageBox.warning(
            window, QCoreApplication.translate("BackupActions", "Restore failed"), exc.message(ctx.lang)
        )
        return False
    restored()
    return True
