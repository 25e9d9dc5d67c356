"""Typed access to QSettings with one table of defaults; tests point it at a temporary path."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

DEFAULTS = {"language": "zh", "unit": "", "semester": "", "geometry": QByteArray(), "state": QByteArray(), "served_unit": "", "last_user": "",
            "last_folder": ""}  # where the last file was saved or opened


class Settings:
    def __init__(self, settings: QSettings | None = None):
        self._q = settings or QSettings("EcoReport", "EcoReport")

    def get(self, key: str):
        value = self._q.value(key, DEFAULTS[key])
        default = DEFAULTS[key]
        if isinstance(default, str):
            return str(value) if value is not None else default
        return value

    def set(self, key: str, value) -> None:
        self._q.setValue(key, value)
        self._q.sync()
