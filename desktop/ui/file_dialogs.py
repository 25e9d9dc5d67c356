"""File choosers that open in the folder last saved to or opened from, remembered across sessions: staff go back to
the same USB stick or shared folder every time, and Qt would otherwise start wherever the program was launched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.settings import Settings

_settings: Settings | None = None


def remember_in(settings: Settings | None) -> None:
    """Where the last folder is kept: the running program's settings (None forgets it, as a widget alone has)."""
    global _settings
    _settings = settings


def last_folder() -> Path | None:
    """The folder last used, while it is still there (a USB stick comes and goes)."""
    folder = _settings.get("last_folder") if _settings is not None else ""
    return Path(folder) if folder and Path(folder).is_dir() else None


def _keep(path: str) -> None:
    if path and _settings is not None:
        _settings.set("last_folder", str(Path(path).parent))


def save_path(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """A path to save to ("" when cancelled), offering `name` in the last folder."""
    folder = last_folder()
    path, _ = QFileDialog.getSaveFileName(parent, title, str(folder / name) if folder else name, filters)
    _keep(path)
    return path


def open_path(parent: QWidget | None, title: str, filters: str) -> str:
    """An existing file to open ("" when cancelled), starting in the last folder."""
    folder = last_folder()
    path, _ = QFileDialog.getOpenFileName(parent, title, str(folder) if folder else "", filters)
    _keep(path)
    return path


def open_paths(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Files to open ([] when cancelled), starting in the last folder."""
    folder = last_folder()
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(folder) if folder else "", filters)
    if paths:
        _keep(paths[0])
    return paths


def said_saved(widget: QWidget, path) -> None:
    """Where the person is looking: the window's status bar names the file written."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMainWindow

    window = widget.window()
    if path and isinstance(window, QMainWindow):
        window.statusBar().showMessage(QCoreApplication.translate("FileDialogs", "Saved %1").replace("%1", str(path)), 8000)
