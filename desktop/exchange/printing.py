"""Printing a sheet as an official form: A4 fitted to the width, rows tall enough for their wrapped text, and page
breaks between groups of rows, so that no page holds only the last row and the signatures.

Spreadsheet programs do not size rows for wrapped text they did not lay out themselves (Excel keeps a written file's
heights), so the heights are computed here from the text: 宋体 sets a Chinese character in one em and a Latin letter
or digit in half of one, and one unit of column width is about half an em of the workbook's 11 pt font.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.pagebreak import Break

from desktop.core.linebreak import break_lines
from desktop.core.text import display_width
from desktop.exchange import cells as c

A4_PT = {"landscape": (842.0, 595.0), "portrait": (595.0, 842.0)}
UNIT_PT = 6.3  # one unit of column width, in points, as LibreOffice and Excel lay out a column of 11 pt 宋体 (measured)
LINE = 1.4  # line height over font size for 宋体 and its free equivalent (Noto Serif CJK: 1.44 em, less leading)
DEFAULT_WIDTH = 9.0
MIN_ROW_PT = 17.5


def lines_needed(text: str, width_units: float, size: float) -> int:
    """Lines the text takes wrapped in the column: broken where a printing program breaks it, between words in
    English ("National assessment target" takes three lines in a narrow column, not the two its length suggests)."""
    room = max(1.0, width_units - 1.0) * 11.0 / size  # in half-ems of this font size, less the cell's padding
    return sum(max(1, math.ceil(display_width(part) / room), _word_lines(part, room)) for part in str(text).split("\n"))


def _word_lines(part: str, room: float) -> int:
    if " " not in part:
        return 1  # Chinese breaks between any two characters: its length says it
    lines = break_lines(part, int(room))
    return len(lines) + sum(math.ceil(display_width(line) / room) - 1 for line in lines if display_width(line) > room)


def _widths(ws) -> dict[int, float]:
    out = {}
    for col in range(1, ws.max_column + 1):
        dim = ws.column_dimensions.get(get_column_letter(col))
        hidden = dim is not None and dim.hidden
        out[col] = 0.0 if hidden else (dim.width if dim is not None and dim.width else DEFAULT_WIDTH)
    return out


def fit_rows(ws, first_row: int, last_row: int, minimum: float = MIN_ROW_PT) -> None:
    """Sets each row's height to hold its tallest wrapped text (merged cells count their whole width)."""
    widths = _widths(ws)
    spans: dict[tuple[int, int], float] = {}
    covered: set[tuple[int, int]] = set()
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = sum(widths[c] for c in range(merged.min_col, merged.max_col + 1))
        covered.update((r, c) for r in range(merged.min_row, merged.max_row + 1)
                       for c in range(merged.min_col, merged.max_col + 1) if (r, c) != (merged.min_row, merged.min_col))  # fmt: skip
    for row in range(first_row, last_row + 1):
        height = minimum
        for cell in ws[row]:
            if cell.value is None or (row, cell.column) in covered:
                continue
            size = float(cell.font.sz or 11) if cell.font is not None else 11.0
            width = spans.get((row, cell.column), widths.get(cell.column, DEFAULT_WIDTH))
            if not width:
                continue  # a hidden column does not print
            lines = lines_needed(str(cell.value), width, size) if cell.alignment.wrap_text else 1
            height = max(height, lines * size * LINE + 2 if lines > 1 else size * 1.45)
        current = ws.row_dimensions[row].height
        ws.row_dimensions[row].height = max(height, current or 0)


def scale(ws, orientation: str = "landscape") -> float:
    """The zoom that fitting the sheet to the page's width gives (1 when it fits as it is)."""
    page_width = A4_PT[orientation][0] - (c.MARGINS_IN["left"] + c.MARGINS_IN["right"]) * 72
    sheet_width = sum(_widths(ws).values()) * UNIT_PT
    return min(1.0, page_width / sheet_width) if sheet_width else 1.0


def smallest_printed_size(ws, orientation: str = "landscape") -> float:
    """The smallest font on the sheet as it will be printed, in points."""
    sizes = [float(cell.font.sz or 11) for row in ws.iter_rows() for cell in row
             if cell.value is not None and cell.font is not None]  # fmt: skip
    return min(sizes, default=11.0) * scale(ws, orientation)


def break_pages(ws, blocks: Sequence[tuple[int, int]], repeated: tuple[int, int] | None,
                orientation: str = "landscape", fill: float = 0.97) -> list[int]:  # fmt: skip
    """Page breaks between `blocks` (first and last row of each group to keep on one page, in order; the last
    holds the closing rows and signatures with the rows before them), returning the rows each new page starts at.

    `fill` leaves room for the difference between this estimate and the program that prints."""
    zoom = scale(ws, orientation)
    usable = (A4_PT[orientation][1] - (c.MARGINS_IN["top"] + c.MARGINS_IN["bottom"]) * 72) / zoom * fill

    def height(first: int, last: int) -> float:
        return sum(ws.row_dimensions[r].height or 15.0 for r in range(first, last + 1))

    header = height(*repeated) if repeated else 0.0
    used = height(1, blocks[0][0] - 1) if blocks else 0.0
    starts: list[int] = []
    for first, last in blocks:
        size = height(first, last)
        if used + size > usable and used > header:
            starts.append(first)
            used = header
        if size > usable - header:  # a group longer than a page: break inside it, row by row
            for row in range(first, last + 1):
                h = height(row, row)
                if used + h > usable and used > header:
                    starts.append(row)
                    used = header
                used += h
        else:
            used += size
    ws.row_breaks.brk = []
    for row in starts:
        ws.row_breaks.append(Break(id=row - 1))
    return starts


def normal_font(wb) -> None:
    """The workbook's default font is 宋体 too, so empty cells, widths and defaults agree with the text."""
    wb._named_styles["Normal"].font = Font(name=c.FONT, size=11)
    fonts = list(wb._fonts)
    fonts[0] = Font(name=c.FONT, size=11)  # the font every unstyled cell points at
    wb._fonts = IndexedList(fonts)
