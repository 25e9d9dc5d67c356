"""Whether this computer can show Chinese: the fonts fontconfig (which Qt draws with on Linux) offers for it."""

from __future__ import annotations

import shutil
import subprocess


def chinese_font_families() -> list[str] | None:
    """The families fontconfig offers for Simplified Chinese ([] when none: every Chinese word would be drawn as a
    box), or None where fontconfig's `fc-list` is not there to ask."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        found = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if found.returncode != 0:
        return None
    return sorted({line.split(",")[0].strip() for line in found.stdout.splitlines() if line.strip()})
