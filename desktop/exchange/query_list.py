"""The list of a half's queries across districts (the unresolved ones, or every one), as a workbook to send round or
file."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from desktop.core.catalog import Catalog
from desktop.core.semester import Semester
from desktop.core.text import Text
from desktop.exchange import cells as c

TITLE = Text("未解决问题清单", "Unresolved queries")
TITLE_ALL = Text("问题清单（含已关闭）", "Queries, closed ones included")
HEADERS = Text("编号|区县|指标|状态|提出人|提出时间|已开放天数|问题|最后发言人|最后发言时间|最后内容",
               "Id|District|Indicator|State|Raised by|Raised at|Days open|Question|Last from|Last at|Last message")  # fmt: skip


def build_query_list(rows, catalog: Catalog, semester: Semester, states: dict, lang: str = "zh",
                     closed: bool = False, issued: tuple[Text, date] | None = None) -> Workbook:  # fmt: skip
    """`rows`: store.review.QueryRow, oldest first; `states`: state → Text; `closed`: the rows include closed queries,
    and the title says so; `issued`: the bureau and the day, under the list (制表单位, 制表日期)."""
    heading = TITLE_ALL if closed else TITLE
    wb = Workbook()
    ws = wb.active
    ws.title = heading(lang)
    heads = HEADERS(lang).split("|")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    c.put(ws.cell(1, 1), f"{heading(lang)}：{semester.label(lang)}" if lang == "zh" else f"{heading(lang)}: {semester.label(lang)}")
    ws.cell(1, 1).font, ws.cell(1, 1).alignment = c.TITLE, c.CENTER
    ws.row_dimensions[1].height = 30
    for col, title in enumerate(heads, start=1):
        c.boxed(c.put(ws.cell(2, col), title), c.BOLD, c.CENTER, c.HEADER_FILL)
    for r, row in enumerate(rows, start=3):
        ind = catalog.indicators.get(row.code)
        values = [row.uid[:8], row.unit.name(lang), ind.name(lang) if ind else row.code, states[row.state](lang), row.opener,
                  row.opened_at.astimezone().strftime("%Y-%m-%d %H:%M"), row.days_open, row.question, row.last_who,
                  row.last_at.astimezone().strftime("%Y-%m-%d %H:%M"), row.last_text]  # fmt: skip
        for col, value in enumerate(values, start=1):
            c.boxed(c.put(ws.cell(r, col), value), alignment=c.RIGHT if col == 7 else c.LEFT)  # days: a figure
    if not rows:
        c.put(ws.cell(3, 1), (Text("没有问题。", "No queries.") if closed else Text("没有未解决的问题。", "No unresolved queries."))(lang))
    if issued is not None:
        authority, on = issued
        below = max(3, len(rows) + 2) + 2
        when = Text(f"{on.year}年{on.month}月{on.day}日", on.isoformat())(lang)
        ws.merge_cells(start_row=below, start_column=1, end_row=below, end_column=len(heads))
        c.put(ws.cell(below, 1), Text(f"制表单位：{authority.zh}　　制表日期：{when}", f"Issued by: {authority.en}    Date: {when}")(lang))
        ws.cell(below, 1).font, ws.cell(below, 1).alignment = c.NORMAL, c.RIGHT
    # Narrow enough that A4 landscape prints it at 10 pt or so (it printed at 6): the texts and times wrap instead.
    c.widths(ws, [8, 8, 14, 7, 9, 10, 6, 25, 9, 10, 25])
    from desktop.exchange import printing

    printing.fit_rows(ws, 2, max(3, len(rows) + 2))
    ws.freeze_panes = "A3"
    c.print_setup(ws, lang, heading(lang), "2:2")  # A4 landscape, fitted to the width
    return wb
