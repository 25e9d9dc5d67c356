"""Where the data files live: inside the installed package (the wheel copies resources/ there), inside a
frozen bundle, or `resources/` beside the package in a source checkout."""

from __future__ import annotations

import os
import sys
from pathlib import Path

MANUAL = "用户手册.md"


def manual_path() -> Path | None:
    """The user manual: shipped beside the data files (resources/manual), or docs/ in a source checkout."""
    for folder in (resources_dir() / "manual", Path(__file__).resolve().parent.parent / "docs"):
        if (folder / MANUAL).is_file():
            return folder / MANUAL
    return None


def resources_dir() -> Path:
    override = os.environ.get("ECOREPORT_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    installed = Path(__file__).resolve().parent / "_resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"
