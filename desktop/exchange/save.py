"""Saving a workbook atomically: a crash mid-write never leaves half a file under the real name."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from desktop.core.text import Text, UserError


def save_workbook(wb, path: Path, suffix: str = ".xlsx") -> Path:
    """Saves anything with .save(path): an openpyxl workbook, or a python-docx document with suffix=".docx"."""
    path = Path(path)
    if path.suffix.lower() != suffix:
        path = path.with_suffix(suffix)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".ecoreport-", suffix=suffix, dir=path.parent)
        os.close(fd)
        try:
            # Built in memory first: a zip writer that fails on a full disk is left half-closed and complains again when
            # collected; writing finished bytes fails once, here, with the reason.
            buffer = io.BytesIO()
            wb.save(buffer)
            with open(tmp, "wb") as out:
                out.write(buffer.getbuffer())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; the saved file is an ordinary one
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        from desktop.store.database import disk_reason

        why = disk_reason(exc)
        raise UserError(Text(f"无法保存 {path}：{why.zh}；没有留下不完整的文件", f"Cannot save {path}: {why.en}; no partial file was left")) from None
    return path
