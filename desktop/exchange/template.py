"""The fill-in template: one workbook a district can fill in by hand and give back to the app."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.core.catalog import Catalog, Indicator
from desktop.core.derived import Figures
from desktop.core.form import in_row_codes, row_codes
from desktop.core.semester import Semester
from desktop.core.text import Text
from desktop.core.units import Unit
from desktop.core.values import bounds, format_value
from desktop.exchange import cells as c
from desktop.exchange import printing
from desktop.exchange.excel_formula import excel_formula
from desktop.exchange.headings import NOT_APPLICABLE
from desktop.exchange.headings import TEMPLATE as HEADERS
from desktop.exchange.meta import exported_text, write_meta

SHEET = Text("填报表", "Entry")
FIRST_ROW = 5  # rows 1–4: title, unit and half, blank, header
CODE_COL, VALUE_COL, NOTE_COL = 1, 5, 8  # A (hidden code), E (value), H (explanation)


def requirement(ind: Indicator, semester: Semester) -> Text:
    """The rule a cell must follow, as the input message and the refusal say it."""
    lo, hi = bounds(ind, semester)
    if ind.type == "category":
        return Text(
            f"从下拉列表选择：{'、'.join(ind.levels)}", f"Choose from the list: {', '.join(ind.levels_en)}"
        )
    if ind.type == "text":
        return Text("文字", "Text")
    top_zh = f"，不大于{format(hi, 'f')}" if hi is not None else ""
    top_en = f" and ≤ {format(hi, 'f')}" if hi is not None else ""
    if ind.type == "integer":
        return Text(f"不小于{format(lo, 'f')}的整数{top_zh}", f"A whole number ≥ {format(lo, 'f')}{top_en}")
    return Text(f"不小于{format(lo, 'f')}的数，最多{ind.places}位小数{top_zh}",
                f"A number ≥ {format(lo, 'f')} with at most {ind.places} decimals{top_en}")  # fmt: skip


def _validation(ind: Indicator, semester: Semester, lang: str) -> DataValidation | None:
    lo, hi = bounds(ind, semester)
    rule = requirement(ind, semester)(lang)
    if ind.type == "category":
        levels = ind.levels if lang == "zh" else ind.levels_en
        dv = DataValidation(type="list", formula1='"' + ",".join(levels) + '"', allow_blank=True)
    elif ind.type == "text":
        return None
    else:
        kind = "whole" if ind.type == "integer" else "decimal"
        top = hi if hi is not None else Decimal("1E12")
        dv = DataValidation(
            type=kind,
            operator="between",
            formula1=format(lo, "f"),
            formula2=format(top, "f"),
            allow_blank=True,
        )
    dv.promptTitle = ind.name(lang)[:32]
    dv.prompt = rule[:255]
    dv.errorTitle = Text("输入有误", "Invalid entry")(lang)
    dv.error = rule[:255]
    dv.showInputMessage = dv.showErrorMessage = True
    return dv


@dataclass(frozen=True, slots=True)
class _Sources:
    """What the template shows beside each input: this half's values, the previous half, last year."""

    current: Figures
    previous: Figures
    last_year: Figures
    explanations: dict[str, str]


def reading_of(store, unit: Unit, semester: Semester) -> str:
    """What the database holds of the unit-half as a template is made from it: kept in the template (see
    meta.exported_text)."""
    half = store.entered(unit, semester)
    return exported_text(store.identity(), half.raw, half.explanations)


def build_template(catalog: Catalog, unit: Unit, semester: Semester, current: Figures, previous: Figures,
                   last_year: Figures, explanations: dict[str, str], lang: str = "zh", reading: str = "") -> Workbook:  # fmt: skip
    wb = Workbook()
    printing.normal_font(wb)  # widths in 宋体's units, as printing counts them (Calibri's are wider: it printed at 7 pt)
    ws = wb.active
    ws.title = SHEET(lang)
    ncols = len(HEADERS.zh.split("|"))
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=ncols)
    title = Text("生态环境质量及重点工作半年报表（填报模板）", "Half-year report on the ecological environment (fill-in template)")
    c.put(ws.cell(1, 2), title(lang)).font = c.TITLE
    ws.cell(1, 2).alignment = c.CENTER
    ws.row_dimensions[1].height = 30
    ws.merge_cells(start_row=2, start_column=2, end_row=2, end_column=ncols)
    info = Text(f"填报单位：{unit.name.zh}（{unit.code}）    报告期：{semester.label('zh')}    目录版本：{catalog.version}",
                f"Unit: {unit.name.en} ({unit.code})    Period: {semester.label('en')}    Catalog version: {catalog.version}")  # fmt: skip
    c.put(ws.cell(2, 2), info(lang)).font = c.BOLD
    hint = Text("黄色单元格为填报项；绿色为自动计算项。请勿修改表格结构。", "Fill in the yellow cells; green ones are calculated. Do not change the layout.")
    c.put(ws.cell(3, 2), hint(lang)).font = c.SMALL
    for col, header in enumerate(HEADERS(lang).split("|"), start=1):
        c.boxed(c.put(ws.cell(4, col), header), c.BOLD, c.CENTER, c.HEADER_FILL)
    layout = c.topic_rows(ws, catalog, unit.is_municipality, lang, FIRST_ROW, ncols)
    refs = {ind.code: f"E{row}" for row, ind in layout}
    rows = row_codes(catalog)
    sources = _Sources(current, previous, last_year, explanations)
    for row, ind in layout:
        _indicator_row(ws, row, ind, rows, semester, sources, refs, lang)
    # Printed too (a clerk fills it on paper first): fitted to A4's width at 9 pt or more, each row as tall as its
    # wrapped name and requirement (they ran over the next rows at 7 pt).
    c.widths(ws, [20, 6, 30, 12, 14, 12, 12, 28, 28])
    ws.column_dimensions["A"].hidden = True
    printing.fit_rows(ws, 2, ws.max_row)
    ws.freeze_panes = "E5"
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False  # widths may still be changed
    c.print_setup(ws, lang, unit.name(lang), "4:4")
    # Pages break between rows, a topic's heading kept with its first indicator (not alone at a page's foot).
    indicator_rows = {row for row, _ in layout}
    last = max(indicator_rows)
    blocks, row = [], FIRST_ROW
    while row <= last:
        span = 1 if row in indicator_rows else 2
        blocks.append((row, min(last, row + span - 1)))
        row += span
    printing.break_pages(ws, blocks, (4, 4))
    write_meta(wb, kind="template", unit=unit.code, semester=str(semester), catalog_version=catalog.version,
               template_id=uuid.uuid4().hex, sheet=ws.title, first_row=FIRST_ROW, value_col=VALUE_COL, note_col=NOTE_COL,
               lang=lang, exported=reading)  # fmt: skip
    return wb


def _indicator_row(ws, row: int, ind: Indicator, rows: dict[str, str], semester: Semester, sources: _Sources,
                   refs: dict[str, str], lang: str) -> None:  # fmt: skip
    ws.cell(row, CODE_COL, ind.code)
    c.boxed(ws.cell(row, 2, rows[ind.code]), alignment=c.CENTER)
    c.boxed(c.put(ws.cell(row, 3), ind.name(lang)))
    c.boxed(c.put(ws.cell(row, 4), ind.unit(lang)), alignment=c.CENTER)
    value_cell = ws.cell(row, VALUE_COL)
    note = ws.cell(row, NOTE_COL)
    if ind.derived:
        value_cell.value = excel_formula(ind, refs, NOT_APPLICABLE(lang))
        c.boxed(value_cell, alignment=c.RIGHT, fill=c.DERIVED_FILL).number_format = c.number_format(ind.places)
        c.boxed(note)
        requirement_text = Text("自动计算：", "Calculated: ")(lang) + in_row_codes(ind.formula, rows)
    else:
        _put_value(value_cell, ind, sources.current.get(ind.code), lang)
        c.boxed(value_cell, alignment=c.RIGHT if ind.numeric else c.CENTER, fill=c.INPUT_FILL)
        value_cell.protection = Protection(locked=False)
        dv = _validation(ind, semester, lang)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(value_cell)
        c.put(note, sources.explanations.get(ind.code))
        c.boxed(note, fill=c.INPUT_FILL).protection = Protection(locked=False)
        requirement_text = requirement(ind, semester)(lang)
    for col, figures in ((6, sources.previous), (7, sources.last_year)):
        cell = ws.cell(row, col)
        if figures.is_not_applicable(ind.code):
            cell.value = NOT_APPLICABLE(lang)
        else:
            _put_value(cell, ind, figures.get(ind.code), lang)
        c.boxed(cell, alignment=c.RIGHT)
    c.boxed(c.put(ws.cell(row, 9), requirement_text), c.SMALL)


def _put_value(cell, ind: Indicator, value, lang: str) -> None:
    if value is None:
        return
    if ind.numeric:
        cell.value = value if isinstance(value, int) else float(value)
        cell.number_format = c.number_format(ind.places)
    else:
        c.put(cell, format_value(ind, value, lang))
