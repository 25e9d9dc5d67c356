"""Reads a filled template or a submission workbook into plain values, with every problem's cell."""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from desktop.core.catalog import Catalog
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.values import ValueRefused, parse_value
from desktop.exchange.meta import KINDS, META_SHEET
from desktop.exchange.safety import MAX_COLUMNS, MAX_ROWS, FileRefused, inspect_workbook


@dataclass(frozen=True, slots=True)
class Problem:
    sheet: str | None
    cell: str | None
    code: str | None
    text: Text

    def message(self, lang: str = "zh") -> str:
        where = f"{self.sheet}!{self.cell}: " if self.sheet and self.cell else ""
        return where + self.text(lang)


@dataclass(slots=True)
class ImportedBook:
    path: Path
    sha256: str
    kind: str
    unit_code: str
    semester: Semester
    catalog_version: str
    meta: dict[str, str]
    values: dict[str, object] = field(default_factory=dict)
    explanations: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    cells: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (sheet, cell) of its value


class BookRefused(UserError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            Text("\n".join(p.message("zh") for p in problems), "\n".join(p.message("en") for p in problems))
        )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_book(path: Path, catalog: Catalog) -> ImportedBook:
    """Reads and validates a workbook; raises FileRefused or BookRefused (with cells) on any problem."""
    from openpyxl import load_workbook

    inspect_workbook(path)
    digest = sha256_of(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unknown extensions, not our business
            wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any parser failure means the same to the user
        raise FileRefused(
            Text(f"无法读取工作簿：{type(exc).__name__}", f"Cannot read the workbook: {type(exc).__name__}")
        ) from None
    try:
        return _read(wb, path, digest, catalog)
    finally:
        wb.close()


def _meta(wb) -> dict[str, str]:
    if META_SHEET not in wb.sheetnames:
        raise FileRefused(Text("不是本系统生成的模板或报送文件（缺少标识页）",
                               "Not a template or submission made by EcoReport (its identity sheet is missing)"))  # fmt: skip
    meta: dict[str, str] = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=100, max_col=2, values_only=True):
        if row and row[0] is not None:
            meta[str(row[0])] = "" if row[1] is None else str(row[1])
    return meta


def _read(wb, path: Path, digest: str, catalog: Catalog) -> ImportedBook:
    meta = _meta(wb)
    kind = meta.get("kind")
    if kind not in KINDS[:2]:
        raise FileRefused(
            Text("该文件不是填报模板或报送文件", "This file is neither a template nor a submission")
        )
    try:
        semester = Semester.parse(meta.get("semester", ""))
        first_row, value_col, note_col = (int(meta[k]) for k in ("first_row", "value_col", "note_col"))
    except (UserError, KeyError, ValueError):
        raise FileRefused(Text("文件标识页已损坏", "The file's identity sheet is damaged")) from None
    sheet = meta.get("sheet", "")
    if sheet not in wb.sheetnames or not (
        1 <= first_row < MAX_ROWS and 1 < value_col <= 30 and 1 < note_col <= 30
    ):
        raise FileRefused(Text("文件标识页已损坏", "The file's identity sheet is damaged"))
    book = ImportedBook(
        path, digest, kind, meta.get("unit", ""), semester, meta.get("catalog_version", ""), meta
    )
    seen: set[str] = set()
    rows = wb[sheet].iter_rows(
        min_row=first_row, max_row=first_row + MAX_ROWS, max_col=min(MAX_COLUMNS, max(value_col, note_col))
    )
    for row_number, row in enumerate(rows, start=first_row):
        if not row or row[0].value is None:
            continue
        code = str(row[0].value).strip()
        ind = catalog.indicators.get(code)
        if ind is None or ind.derived:
            continue  # topic headings, derived rows, and indicators of another catalog version
        if code in seen:
            book.problems.append(
                Problem(
                    sheet, f"A{row_number}", code, Text(f"指标 {code} 出现了两次", f"{code} appears twice")
                )
            )
            continue
        seen.add(code)
        _read_cell(book, sheet, row_number, row, value_col, note_col, ind)
    return book


def _read_cell(
    book: ImportedBook, sheet: str, row_number: int, row, value_col: int, note_col: int, ind
) -> None:
    value = row[value_col - 1].value if len(row) >= value_col else None
    note = row[note_col - 1].value if len(row) >= note_col else None
    cell = f"{get_column_letter(value_col)}{row_number}"
    book.cells[ind.code] = (sheet, cell)
    if isinstance(value, str) and not value.strip():
        value = None
    if value is not None:
        try:
            book.values[ind.code] = parse_value(ind, value, book.semester)
        except ValueRefused as exc:
            book.problems.append(Problem(sheet, cell, ind.code, exc.text))
    if note is not None and str(note).strip():
        text = str(note).strip()
        if len(text) > 2000:
            where = f"{get_column_letter(note_col)}{row_number}"
            book.problems.append(
                Problem(
                    sheet,
                    where,
                    ind.code,
                    Text("说明不能超过2000字", "An explanation may not exceed 2000 characters"),
                )
            )
        else:
            book.explanations[ind.code] = text
