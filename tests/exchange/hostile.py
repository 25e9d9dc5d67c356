"""A corpus of nasty workbooks, made by code so it needs no binary files in the repository."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&lol3;" sheetId="1"/></sheets></workbook>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"""


def _rewrite(source: Path, target: Path, replace: dict[str, bytes] | None = None, extra: dict[str, bytes] | None = None,
             compression=zipfile.ZIP_DEFLATED) -> Path:  # fmt: skip
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", compression) as out:
        for item in src.infolist():
            data = (replace or {}).get(item.filename, src.read(item.filename))
            out.writestr(item.filename, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return target


def corpus(valid: Path, folder: Path, only: str | None = None) -> dict[str, Path]:
    """name → file; each must be refused with a clear message and change nothing."""
    data = valid.read_bytes()

    def write(name: str, content: bytes) -> Path:
        (folder / name).write_bytes(content)
        return folder / name

    huge = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>'
    makers = {
        "not a zip (CSV renamed)": lambda: write("not-a-zip.xlsx", "代码,值\nwater.sections_total,3\n".encode()),
        "empty file": lambda: write("empty.xlsx", b""),
        "truncated zip": lambda: write("truncated.xlsx", data[: len(data) // 2]),
        "zip bomb (ratio)": lambda: _rewrite(valid, folder / "zip-bomb.xlsx",
                                             replace={"xl/worksheets/sheet1.xml": b"<" + b"0" * (60 * 1024 * 1024)}),
        "declared size over the limit": lambda: _rewrite(valid, folder / "many.xlsx", compression=zipfile.ZIP_STORED,
                                                         extra={f"xl/media/pad{i}.bin": b"\0" * (3 * 1024 * 1024) for i in range(40)}),
        "billion laughs": lambda: _rewrite(valid, folder / "laughs.xlsx", replace={"xl/workbook.xml": BILLION_LAUGHS}),
        "external entity": lambda: _rewrite(valid, folder / "xxe.xlsx", replace={"xl/worksheets/sheet1.xml": XXE}),
        "absurd sheet size": lambda: _rewrite(valid, folder / "huge.xlsx", replace={"xl/worksheets/sheet1.xml": huge}),
        "path traversal": lambda: _rewrite(valid, folder / "traversal.xlsx", extra={"../../evil.xml": b"<x/>"}),
        "too many parts": lambda: _rewrite(valid, folder / "parts.xlsx", extra={f"xl/p{i}.txt": b"x" for i in range(1200)}),
        "garbage XML": lambda: _rewrite(valid, folder / "garbage.xlsx", replace={"xl/workbook.xml": b"<workbook><sheets><sheet"}),
        # A zip reader takes data before the archive; python-calamine, given bytes, reads an .xls found there first.
        "data before the zip": lambda: write("polyglot.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + data),
    }  # fmt: skip
    return {name: make() for name, make in makers.items() if only in (None, name)}


def plain_workbook(path: Path) -> Path:
    """A real workbook that EcoReport did not make (no identity sheet)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["water.sections_total", 3])
    wb.save(path)
    return path


def meta_tampered(valid: Path, target: Path, field: str, value: str) -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(valid)
    for row in wb["_ecoreport"].iter_rows():
        if row[0].value == field:
            row[1].value = value
    wb.save(target)
    return target


def in_memory_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()
