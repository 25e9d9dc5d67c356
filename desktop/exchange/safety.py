"""Refuses hostile workbooks before they cost memory: not a zip, zip bombs, XML bombs, absurd sizes.

An .xlsx is a zip of XML parts. We check the archive's directory, then stream every XML part
(with a hard cap on what we decompress, whatever the headers claim) looking for DOCTYPE or ENTITY
declarations — no workbook Excel writes has them, and they are how XML bombs and external
entities begin. openpyxl then parses with defusedxml as a second line of defence.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from desktop.core.text import Text, UserError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_TOTAL_UNCOMPRESSED = 30 * 1024 * 1024  # our workbooks expand to well under 1 MB
MAX_RATIO = 100  # uncompressed / compressed, per entry; real sheets stay well below 30
MAX_ROWS = 5000
MAX_COLUMNS = 100
_CHUNK = 64 * 1024
_DANGEROUS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")  # a cell's formula, prefixed or not (not <formula>)
_FORMULA_END = re.compile(rb"f[\s>/]")  # where one may be: the end of its name…
_FORMULA_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?")  # …and back to its start
_FEW_ENDS = 64  # an Excel part has a few such places per 64 KiB; more, and the plain search is the quicker
_ZIP_START = b"PK\x03\x04"


class FileRefused(UserError):
    """The file is refused as a whole; nothing was read into the database."""


def _refuse(zh: str, en: str) -> FileRefused:
    return FileRefused(Text(zh, en))


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def read_workbook_file(path: Path) -> bytes:
    """The file's bytes, read once: what is checked, hashed and read is then the same, even if the file on the stick
    or in the mail folder changes meanwhile. Refused when unreadable or too large (checked again on the bytes read)."""
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            with path.open("rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            size = len(data)
    except OSError as exc:
        raise _refuse(f"无法读取文件：{exc.strerror}", f"Cannot read the file: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise _refuse(f"文件过大（{size // 1048576} MB），上限为 {MAX_FILE_BYTES // 1048576} MB",
                      f"File too large ({size // 1048576} MB); the limit is {MAX_FILE_BYTES // 1048576} MB")  # fmt: skip
    return data


def inspect_workbook(data: bytes) -> bool:
    """Raises FileRefused unless `data` (a file's bytes, from read_workbook_file) is a plausible, harmless .xlsx
    workbook; returns whether any part holds a cell formula (learnt on the same pass, so a workbook without one is not
    read a second time)."""
    # A zip may carry anything before its first entry, and python-calamine, reading bytes, takes an .xls it finds
    # there before the .xlsx this pass checked: so a workbook must start as a zip does.
    if not data.startswith(_ZIP_START) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise _refuse("不是有效的 Excel 工作簿（.xlsx）文件", "Not an Excel workbook (.xlsx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _check_archive(archive)
    # A damaged archive fails in many ways: bad headers, corrupt deflate data, a wrong CRC, a cut-off
    # entry, an encrypted or unsupported compression method. Every one means the same to the user.
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise _refuse("工作簿文件已损坏，无法读取", f"The workbook is damaged and cannot be read ({type(exc).__name__})") from None


def _check_archive(archive: zipfile.ZipFile) -> bool:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise _refuse(
            "工作簿包含的部件过多，疑似恶意文件", "The workbook has too many parts; it looks hostile"
        )
    declared = sum(e.file_size for e in entries)
    if declared > MAX_TOTAL_UNCOMPRESSED:
        raise _refuse(
            "工作簿解压后过大（疑似“压缩炸弹”）", "The workbook expands to an absurd size (a zip bomb)"
        )
    names = {e.filename for e in entries}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse(
            "不是有效的 Excel 工作簿（缺少工作簿结构）", "Not an Excel workbook (its structure is missing)"
        )
    budget, formulas = MAX_TOTAL_UNCOMPRESSED, False
    for entry in entries:
        if entry.filename.startswith(("/", "\\")) or ".." in entry.filename.split("/"):
            raise _refuse(
                "工作簿包含非法路径，疑似恶意文件", "The workbook contains an illegal path; it looks hostile"
            )
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
            raise _refuse(
                "工作簿压缩比异常（疑似“压缩炸弹”）",
                "The workbook's compression ratio is absurd (a zip bomb)",
            )
        if entry.filename.endswith((".xml", ".rels", ".vml")):
            size, found = _scan_xml(archive, entry, budget)
            budget, formulas = budget - size, formulas or found
    return formulas


def _scan_xml(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int) -> tuple[int, bool]:
    """Streams one part; returns how many bytes it really held (headers can lie) and whether it holds a cell formula
    (any part: the workbook's relationships may put a sheet outside xl/worksheets/)."""
    read, tail, formula = 0, b"", False
    is_sheet = entry.filename.startswith("xl/worksheets/")
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            if read > budget:
                raise _refuse(
                    "工作簿解压后过大（疑似“压缩炸弹”）",
                    "The workbook expands to an absurd size (a zip bomb)",
                )
            window = tail + chunk
            if _DANGEROUS.search(window):
                raise _refuse(
                    "工作簿包含 XML 实体声明，疑似恶意文件",
                    "The workbook declares XML entities; it looks hostile",
                )
            if is_sheet and read == len(chunk):
                _check_dimension(window)
            formula = formula or _has_formula(window)  # any part: a sheet may live anywhere
            tail = window[-64:]
    return read, formula


def _has_formula(xml: bytes) -> bool:
    """Whether `xml` holds a cell formula element (<f …>, or prefixed <x:f …>): what _FORMULA finds. Searching from
    every "<" costs a third of the scan; this looks where "f" ends a name, then back to its "<" (not past the place
    before: a name holds no space, ">" or "/"). A part with many such places is searched plainly, so its cost stays
    that of one search."""
    after = 0
    for count, end in enumerate(_FORMULA_END.finditer(xml)):
        if count == _FEW_ENDS:
            return _FORMULA.search(xml) is not None
        start = xml.rfind(b"<", after, end.start())
        if start >= 0 and _FORMULA_START.fullmatch(xml, start, end.start()):
            return True
        after = end.end()
    return False


def _check_dimension(head: bytes) -> None:
    match = _DIMENSION.search(head)
    if not match or not match.group(3):
        return
    rows = int(match.group(4))
    columns = _column_number(match.group(3))
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise _refuse(f"工作表过大（{rows}行×{columns}列），不是本系统的模板或报送文件",
                      f"A sheet is absurdly large ({rows} rows × {columns} columns); not an EcoReport workbook")  # fmt: skip
