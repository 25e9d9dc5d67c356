"""Small helpers shared by every workbook we write: safe text, styles, widths."""

from __future__ import annotations

from copy import copy
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

from desktop.core.catalog import Indicator
from desktop.core.derived import Figures
from desktop.core.display import places_moved
from desktop.core.linebreak import break_lines, longest_piece
from desktop.core.text import Text
from desktop.core.values import format_value, round_half_up

FONT = "SimSun"  # 宋体: what Chinese report forms are printed in; Excel substitutes if absent
# Sizes that stay at 9 pt or more when a landscape form is fitted to A4's width (printing.scale).
TITLE = Font(name=FONT, size=18, bold=True)
BOLD = Font(name=FONT, size=11, bold=True)
NORMAL = Font(name=FONT, size=11)
SMALL = Font(name=FONT, size=11)  # notes and marks: the same size as the body once it is fitted to the page
MARGINS_IN = {"left": 0.45, "right": 0.45, "top": 0.55, "bottom": 0.7, "header": 0.25, "footer": 0.3}
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TOPIC_FILL = PatternFill("solid", fgColor="F2F2F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")
DERIVED_FILL = PatternFill("solid", fgColor="EAF4EA")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
FORMULA_START = ("=", "+", "-", "@")


def put(cell: Cell, value: object) -> Cell:
    """Writes a value; text that looks like a formula (= + - @) stays text, never a formula."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        if not cell._style:
            cell._style = StyleArray()
        cell._style.quotePrefix = 1  # Excel keeps showing it as typed text after an edit
    return cell


def widths(ws, sizes: list[float]) -> None:
    for i, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(i)].width = size


def headings(ws, row: int, titles: list[str], sizes: list[float]) -> None:
    """A table's heading row for print: each column at least as wide as the longest word of its heading (Severity,
    not Severit over y), the heading broken as Chinese typesetting allows (提出版本 whole, not 提出版 over 本)."""
    fitted = [max(size, longest_piece(title) + 1) if size else size for size, title in zip(sizes, titles, strict=True)]
    widths(ws, fitted)
    for col, (title, size) in enumerate(zip(titles, fitted, strict=True), start=1):
        text = "\n".join(break_lines(title, int(size - 1))) if size else title
        boxed(put(ws.cell(row, col), text), BOLD, CENTER, HEADER_FILL)


def boxed(cell: Cell, font=NORMAL, alignment=LEFT, fill=None) -> Cell:
    """A bordered cell. The first cell of each combination is styled the slow way; later ones copy its
    style indices, which in openpyxl is many times cheaper than setting four style objects again."""
    book = cell.parent.parent
    cache = book.__dict__.setdefault("_ecoreport_styles", {})
    key = (id(font), id(alignment), id(fill), cell.number_format, getattr(cell._style, "quotePrefix", 0))
    cached = cache.get(key)
    if cached is not None:
        cell._style = copy(cached)
        return cell
    cell.font, cell.alignment, cell.border = font, alignment, BOX
    if fill is not None:
        cell.fill = fill
    cache[key] = copy(cell._style)
    return cell


def number_format(places: int) -> str:
    return "#,##0" if places == 0 else "#,##0." + "0" * places


def print_setup(ws, lang: str, unit_name: str, title_rows: str | None = None, orientation: str = "landscape") -> None:
    """A4 fitted to the width, header rows repeated, the unit and 第x页 共y页 in the footer, in the form's font."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    for side, inches in MARGINS_IN.items():
        setattr(ws.page_margins, side, inches)
    if title_rows:
        ws.print_title_rows = title_rows
    parts = ((ws.oddFooter.left, unit_name), (ws.oddFooter.center, Text("第&P页 共&N页", "Page &P of &N")(lang)),
             (ws.oddFooter.right, "&A"))  # fmt: skip
    for part, text in parts:
        part.text, part.font, part.size = text, f"{FONT},Regular", 11


def change_format(ind: Indicator) -> str:
    """A year-on-year change as the bureau writes it: always signed, zero as 0."""
    digits = number_format(ind.places)
    return f"+{digits};-{digits};0"


def sample_note(lang: str) -> str:
    return Text("* 示例目标：为演示而设，不是正式考核目标。", "* Example target: set for the demonstration, not an official one.")(lang)


def basis(target, lang: str) -> str:
    """A target's basis as printed: an invented (example) target is starred, and explained once under the table."""
    return target.basis(lang) + ("*" if target.sample else "")


def yoy_change(ind: Indicator, now, then, lang: str) -> str | float | int | None:
    if now is None or then is None or isinstance(now, str) or isinstance(then, str):
        return None
    diff = round_half_up(Decimal(now) - Decimal(then), ind.places)
    if ind.position:
        return places_moved(int(diff), lang)
    if ind.type == "percent":  # no sign on no change, as 0 has none in the counts' format
        return (f"{diff:+}" if diff else f"{abs(diff)}") + Text("个百分点", " pts")(lang)
    return int(diff) if ind.type == "integer" else float(diff)


def figure(ind: Indicator, figures: Figures, lang: str):
    """A figure as a cell holds it: a number, a category's level, "不适用", or nothing."""
    if figures.is_not_applicable(ind.code):
        return Text("不适用", "n/a")(lang)
    value = figures.get(ind.code)
    if value is None or isinstance(value, str):
        return format_value(ind, value, lang) or None
    return value if isinstance(value, int) else float(value)


def topic_rows(ws, catalog, municipality: bool, lang: str, first_row: int, last_col: int) -> list[tuple[int, Indicator]]:
    """Writes a heading row per topic (as report forms group their rows) and returns each indicator's row."""
    layout: list[tuple[int, Indicator]] = []
    row = first_row
    visible = catalog.applicable(municipality)
    for topic in catalog.topics:
        members = [i for i in visible if i.topic == topic.code]
        if not members:
            continue
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last_col)
        boxed(put(ws.cell(row, 2), topic.name(lang)), BOLD, LEFT, TOPIC_FILL)
        row += 1
        for ind in members:
            layout.append((row, ind))
            row += 1
    return layout
