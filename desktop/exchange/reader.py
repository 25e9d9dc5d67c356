"""Reads a filled template or a submission workbook into plain values, with every problem's cell."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.catalog import Catalog
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.values import ValueRefused, parse_value
from desktop.core.workflow import Status
from desktop.exchange.address import column_letter
from desktop.exchange.headings import BY_KIND
from desktop.exchange.meta import KINDS, META_SHEET
from desktop.exchange.queries_sheet import read_queries
from desktop.exchange.safety import MAX_COLUMNS, MAX_ROWS, FileRefused, inspect_workbook, read_workbook_file


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
    threads: list[dict] = field(default_factory=list)  # queries and answers that travel with the file
    formulas: list[Problem] = field(default_factory=list)  # input cells holding a formula whose saved result was taken
    # Cells a template shows but the import does not take: (code, row, "derived" | "previous" | "last_year", content)
    shown_only: list[tuple[str, int, str, object]] = field(default_factory=list)


class BookRefused(UserError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            Text("\n".join(p.message("zh") for p in problems), "\n".join(p.message("en") for p in problems))
        )


def read_book(path: Path, catalog: Catalog) -> ImportedBook:
    """Reads and validates a workbook; raises FileRefused or BookRefused (with cells) on any problem.

    python-calamine (Rust) does the reading: an order of magnitude faster than openpyxl, and only
    after safety.inspect_workbook has refused anything hostile.
    """
    from python_calamine import CalamineWorkbook

    data = read_workbook_file(path)  # once: the bytes checked are the bytes hashed and read
    formulas = inspect_workbook(data)
    digest = hashlib.sha256(data).hexdigest()
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        meta = _meta(wb)
        return _read(wb, meta, data, path, digest, catalog, formulas)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure means the same to the user
        raise FileRefused(Text(f"无法读取工作簿：{type(exc).__name__}", f"Cannot read the workbook: {type(exc).__name__}")) from None


def _meta(wb) -> dict[str, str]:
    if META_SHEET not in wb.sheet_names:
        raise FileRefused(Text("不是本系统生成的模板或报送文件（缺少标识页）",
                               "Not a template or submission made by EcoReport (its identity sheet is missing)"))  # fmt: skip
    meta: dict[str, str] = {}
    for row in wb.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False, nrows=100):
        if len(row) >= 2 and row[0] not in (None, ""):
            meta[str(row[0])] = "" if row[1] is None else str(row[1])
    return meta


def _read(wb, meta: dict[str, str], content: bytes, path: Path, digest: str, catalog: Catalog, formulas: bool) -> ImportedBook:
    kind = meta.get("kind")
    if kind not in KINDS[:3]:
        raise FileRefused(Text("该文件不是填报模板、报送文件或审核意见", "This file is not a template, a submission or a review"))
    if kind == "review":
        return _read_review(wb, meta, path, digest)
    try:
        semester = Semester.parse(meta.get("semester", ""))
        first_row, value_col, note_col = (int(meta[k]) for k in ("first_row", "value_col", "note_col"))
    except (UserError, KeyError, ValueError):
        raise FileRefused(Text("文件标识页已损坏", "The file's identity sheet is damaged")) from None
    sheet = meta.get("sheet", "")
    if sheet not in wb.sheet_names or not (1 <= first_row < MAX_ROWS and 1 < value_col <= 30 and 1 < note_col <= 30):
        raise FileRefused(Text("文件标识页已损坏", "The file's identity sheet is damaged"))
    book = ImportedBook(path, digest, kind, meta.get("unit", ""), semester, meta.get("catalog_version", ""), meta)
    data = wb.get_sheet_by_name(sheet)
    if data.height > MAX_ROWS or data.width > MAX_COLUMNS:
        raise FileRefused(Text("工作表过大，不是本系统的模板或报送文件", "A sheet is absurdly large; not an EcoReport workbook"))
    rows = data.to_python(skip_empty_area=False, nrows=first_row + MAX_ROWS)
    first_row = _header_row(rows, kind, sheet, first_row, value_col, note_col) + 1
    headings = BY_KIND[kind]
    shown_only = {col: which for col, heading in enumerate(rows[first_row - 2], start=1) for which, index in
                  (("previous", 5), ("last_year", 6)) if kind == "template" and heading in (headings.zh.split("|")[index],
                                                                                             headings.en.split("|")[index])}  # fmt: skip
    seen: set[str] = set()
    for row_number, row in enumerate(rows[first_row - 1 :], start=first_row):
        code = str(row[0]).strip() if row and row[0] not in (None, "") else ""
        ind = catalog.indicators.get(code)
        if ind is None:
            continue  # topic headings, and indicators of another catalog version
        if code in seen:
            book.problems.append(Problem(sheet, f"A{row_number}", code, Text(f"指标 {code} 出现了两次", f"{code} appears twice")))
            continue
        seen.add(code)
        _read_cell(book, sheet, row_number, row, value_col, note_col, ind)
        for col, which in (({value_col: "derived"} if ind.derived and kind == "template" else {}) | shown_only).items():
            if (held := _cell(row, col)) is not None:
                book.shown_only.append((code, row_number, which, held))
    if formulas:
        _check_formulas(book, content, sheet, first_row, value_col, note_col, catalog)
    book.threads = _threads(wb, meta, book.unit_code, str(semester))
    return book


def _heading(row: list, col: int) -> str:
    value = row[col - 1] if len(row) >= col else None
    return "" if value is None else str(value).strip()


def _header_row(rows: list[list], kind: str, sheet: str, first_row: int, value_col: int, note_col: int) -> int:
    """The row of the column headings (title rows above it may have been deleted), its value and explanation columns
    where the workbook put them: a column inserted, deleted or moved would have the explanations read from last year's
    figures or the requirements, so the file is refused, saying which column holds what."""
    headings = {lang: BY_KIND[kind](lang).split("|") for lang in ("zh", "en")}
    for number, row in enumerate(rows[: first_row + 10], start=1):
        if _heading(row, 1) not in (headings["zh"][0], headings["en"][0]):
            continue
        lang = "zh" if _heading(row, 1) == headings["zh"][0] else "en"
        wrong = [(col, headings[lang][col - 1], _heading(row, col)) for col in (value_col, note_col)
                 if col > len(headings[lang]) or _heading(row, col) != headings[lang][col - 1]]  # fmt: skip
        if col_problems := [(column_letter(col), want, found) for col, want, found in wrong if col <= len(headings[lang])]:
            said_zh = "；".join(f"{letter}列应为“{want}”，现为“{found or '空白'}”" for letter, want, found in col_problems)
            said_en = "; ".join(f"column {letter} should be '{want}' but is '{found or 'blank'}'" for letter, want, found in col_problems)
            raise FileRefused(Text(f"工作表“{sheet}”第{number}行的列与模板不同：{said_zh}。请不要插入、删除或移动列；在原模板中填写，或重新导出模板",
                                   f"The columns of sheet '{sheet}' (row {number}) differ from the template's: {said_en}. "
                                   "Do not insert, delete or move columns; fill in the template as exported, or export it again"))  # fmt: skip
        if wrong:
            break  # columns the identity sheet names beyond the headings: damaged
        return number
    else:
        raise FileRefused(Text(f"工作表“{sheet}”中找不到表头行（A列“{headings['zh'][0]}”）：列或行可能已被删除。请在原模板中填写，或重新导出模板",
                               f"Sheet '{sheet}' has no heading row (column A '{headings['en'][0]}'): a column or rows may have been "
                               "deleted. Fill in the template as exported, or export it again"))  # fmt: skip
    raise FileRefused(Text("文件标识页已损坏", "The file's identity sheet is damaged"))


def _threads(wb, meta: dict[str, str], unit_code: str, semester: str) -> list[dict]:
    sheet = meta.get("queries_sheet", "")
    if not sheet or sheet not in wb.sheet_names:
        return []
    data = wb.get_sheet_by_name(sheet)
    if data.height > MAX_ROWS or data.width > MAX_COLUMNS:
        raise FileRefused(Text("问题清单过大", "The queries sheet is absurdly large"))
    return read_queries(data.to_python(skip_empty_area=False, nrows=MAX_ROWS), unit_code, semester)


def _read_review(wb, meta: dict[str, str], path: Path, digest: str) -> ImportedBook:
    try:
        semester = Semester.parse(meta.get("semester", ""))
    except UserError:
        raise FileRefused(Text("文件标识页已损坏", "The file's identity sheet is damaged")) from None
    if meta.get("decision") not in {status.value for status in Status}:
        raise FileRefused(Text("文件标识页已损坏", "The file's identity sheet is damaged"))
    book = ImportedBook(path, digest, "review", meta.get("unit", ""), semester, meta.get("catalog_version", ""), meta)
    book.threads = _threads(wb, meta, book.unit_code, str(semester))
    return book


def _formula_cells(data: bytes, sheet: str, first_row: int, columns: tuple[int, ...]) -> dict[tuple[int, int], str]:
    """(row, column) → formula text of the cells of `columns` that hold a formula (only read when the safety pass
    saw one)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        out = {}
        for row in wb[sheet].iter_rows(min_row=first_row, max_row=first_row + MAX_ROWS, max_col=max(columns)):
            for cell in row:
                if getattr(cell, "column", None) in columns and cell.data_type == "f":
                    out[(cell.row, cell.column)] = str(cell.value)
        return out
    finally:
        wb.close()


def _check_formulas(book: ImportedBook, data: bytes, sheet: str, first_row: int, value_col: int, note_col: int,
                    catalog: Catalog) -> None:  # fmt: skip
    """A formula in an input cell is never taken silently: without a saved result (or with an error) it is
    refused, naming the cell; with one, its result is taken and listed with the formula."""
    formulas = _formula_cells(data, sheet, first_row, (value_col, note_col))
    for (row, column), formula in sorted(formulas.items()):
        cell = f"{column_letter(column)}{row}"
        code = next((c for c, (_, where) in book.cells.items() if int(re.sub(r"\D", "", where)) == row), None)
        if code is None or catalog[code].derived:
            continue  # the template's own live formulas in calculated rows are not read
        taken = book.values.get(code) if column == value_col else book.explanations.get(code)
        if any(p.cell == cell for p in book.problems):
            continue  # already refused (an error value is not a number)
        if taken is None:
            book.problems.append(Problem(sheet, cell, code, Text(f"公式 {formula} 没有保存的计算结果（或结果是错误值），不能采用；请填写数值",
                                                                 f"the formula {formula} has no saved result (or an error); type the value")))  # fmt: skip
        else:
            book.formulas.append(Problem(sheet, cell, code, Text(f"采用了公式 {formula} 保存的结果：{taken}",
                                                                 f"took the saved result of the formula {formula}: {taken}")))  # fmt: skip


def _cell(row: list, col: int) -> object:
    value = row[col - 1] if len(row) >= col else None
    return None if value == "" else value


def _read_cell(book: ImportedBook, sheet: str, row_number: int, row: list, value_col: int, note_col: int, ind) -> None:
    value, note = _cell(row, value_col), _cell(row, note_col)
    if ind.derived:
        value = None  # computed here from its inputs; only an explanation of it is read
    cell = f"{column_letter(value_col)}{row_number}"
    book.cells[ind.code] = (sheet, cell)
    if isinstance(value, str) and not value.strip():
        value = None
    if value is not None:
        try:
            book.values[ind.code] = parse_value(ind, value, book.semester)
        except ValueRefused as exc:  # which indicator, and what the cell held: the cell's address alone says neither
            shown = f"{value:.15g}" if isinstance(value, float) else str(value)
            held = ("", "") if shown in exc.text.zh else (f"（单元格中为“{shown}”）", f" (the cell holds '{shown}')")
            book.problems.append(Problem(sheet, cell, ind.code, Text(f"“{ind.name.zh}”{exc.text.zh}{held[0]}",
                                                                     f"'{ind.name.en}' {exc.text.en}{held[1]}")))  # fmt: skip
    if note is not None and str(note).strip():
        text = str(note).strip()
        if len(text) > 2000:
            where = f"{column_letter(note_col)}{row_number}"
            book.problems.append(Problem(sheet, where, ind.code, Text("说明不能超过2000字", "An explanation may not exceed 2000 characters")))
        else:
            book.explanations[ind.code] = text
