"""The application icon: its own module, so the login window does not load the About box's classes."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop.resources import resources_dir


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "ecoreport.svg"))
