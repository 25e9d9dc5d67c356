"""The print layout's arithmetic: row heights that hold wrapped text, page breaks that keep rows together."""

from __future__ import annotations

from openpyxl import Workbook

from desktop.exchange import cells as c
from desktop.exchange import printing


def sheet(widths):
    wb = Workbook()
    printing.normal_font(wb)
    ws = wb.active
    c.widths(ws, widths)
    c.print_setup(ws, "zh", "万州区", "1:1")
    return ws


def test_a_row_is_as_tall_as_its_longest_wrapped_text():
    ws = sheet([12, 10, 10])
    ws.column_dimensions["A"].hidden = True
    c.boxed(c.put(ws.cell(1, 1), "很长的代码" * 20))  # hidden: does not print, does not count
    c.boxed(c.put(ws.cell(1, 2), "短"))
    c.boxed(c.put(ws.cell(2, 2), "集中式饮用水水源地水质保持达标"))  # 30 half-ems in a 10-wide column: four lines
    ws.merge_cells("B3:C3")
    c.boxed(c.put(ws.cell(3, 2), "集中式饮用水水源地水质保持达标"))  # merged: twice the room, two lines
    printing.fit_rows(ws, 1, 3)
    one, four, two = (ws.row_dimensions[r].height for r in (1, 2, 3))
    assert one == printing.MIN_ROW_PT and four > 3.5 * 11 * printing.LINE and 1.5 * 11 * printing.LINE < two < four


def test_the_last_rows_go_over_with_the_signatures():
    ws = sheet([5, 40, 40])
    for row in range(1, 121):
        ws.cell(row, 2, f"第{row}行")
        ws.row_dimensions[row].height = 20
    blocks = [(r, r) for r in range(2, 100)] + [(100, 120)]  # the last rows, the notes and the signatures
    starts = printing.break_pages(ws, blocks, (1, 1))
    assert starts and all(s <= 100 or s > 120 for s in starts)
    assert max(starts) <= 100  # never a page of signatures alone
    assert [b.id for b in ws.row_breaks.brk] == [s - 1 for s in starts]
    # A page holds as many rows as fit: about (A4 height less margins) / zoom / 20 pt.
    assert starts[0] > 20


def test_fitting_to_the_width_keeps_nine_points():
    ws = sheet([5, 26, 9, 11, 11, 11, 13, 9, 14, 17, 20])
    for col in range(1, 12):  # only the columns in use print
        ws.cell(1, col, "小字").font = c.SMALL
    assert printing.scale(ws) < 1 and printing.smallest_printed_size(ws) >= 9
    c.widths(ws, [5, 60, 40, 40, 40, 40, 40, 40, 40, 40, 40])
    assert printing.smallest_printed_size(ws) < 9  # a sheet this wide could not print as a form


def test_a_row_is_as_tall_as_its_english_words_wrap():
    """English breaks between words: "National assessment target" takes three lines in a narrow column, where its
    length alone says two (the printed basis was cut off)."""
    assert printing.lines_needed("National assessment target", 14, 11) == 3
    assert printing.lines_needed("国家考核目标国家考核目标", 14, 11) == 2  # Chinese: by its length
