"""The 催报 notice: the districts that have not reported a half (or not again after a return), with days overdue."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from desktop.core.semester import Semester
from desktop.core.text import Text
from desktop.core.workflow import INBOX_NAMES
from desktop.exchange import cells as c

TITLE = Text("催报通知", "Reminder to report")
HEADERS = Text("序号|区县|状态|截止日期|逾期天数", "No.|District|Status|Deadline|Days overdue")


def build_reminder(rows, semester: Semester, deadline: date | None, authority: Text, today: date,
                   lang: str = "zh") -> Workbook:  # fmt: skip
    """`rows`: store.review.to_remind's InboxRows, the most overdue first."""
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE(lang)
    ws.merge_cells("A1:E1")
    c.put(ws.cell(1, 1), TITLE(lang)).font = Font(name=c.FONT, size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    when = Text(f"{today.year}年{today.month}月{today.day}日", today.isoformat())(lang)
    until = Text(f"{deadline.year}年{deadline.month}月{deadline.day}日", deadline.isoformat())(lang) if deadline else ""
    if rows:
        due = Text(f"{semester.label('zh')}生态环境指标的报送截止日期为{until}。", f"The deadline for the {semester.label('en')} "
                   f"indicators is {until}. ") if deadline else Text("", "")  # no sentence for a deadline never set
        body = Text(f"{due.zh}截至{when}，下列{len(rows)}个区县尚未报送{semester.label('zh')}生态环境指标，或退回后尚未重新报送。"
                    "请尽快完成填报、签发和报送。",
                    f"{due.en}As of {when}, the {len(rows)} districts below have not reported their {semester.label('en')} "
                    "indicators, or not again after a return. Please enter, sign off and send them as soon as possible.")  # fmt: skip
    else:
        body = Text(f"截至{when}，各区县{semester.label('zh')}生态环境指标均已报送。",
                    f"As of {when}, every district has reported its {semester.label('en')} indicators.")  # fmt: skip
    ws.merge_cells("A2:E2")
    c.put(ws.cell(2, 1), body(lang)).alignment = Alignment(wrap_text=True, vertical="top")
    ws.cell(2, 1).font = c.NORMAL
    ws.row_dimensions[2].height = 48
    if rows:  # no empty table under a notice that every district has reported
        for col, title in enumerate(HEADERS(lang).split("|"), start=1):
            c.boxed(c.put(ws.cell(4, col), title), c.BOLD, c.CENTER, c.HEADER_FILL)
    for number, row in enumerate(rows, start=1):
        values = [number, row.unit.name(lang), INBOX_NAMES[row.status](lang), row.deadline.isoformat() if row.deadline else "—",
                  row.days_overdue if row.deadline else "—"]  # no deadline: nothing is overdue, nor on time  # fmt: skip
        for col, value in enumerate(values, start=1):
            c.boxed(c.put(ws.cell(4 + number, col), value), c.NORMAL, c.RIGHT if col == 5 else c.CENTER if col in (1, 4) else c.LEFT)
    last = 4 + len(rows) + 2 if rows else 4
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=5)
    c.put(ws.cell(last, 1), Text(f"制表单位：{authority.zh}　　日期：{when}", f"Issued by: {authority.en}    Date: {when}")(lang))
    ws.cell(last, 1).alignment = Alignment(horizontal="right")
    ws.cell(last, 1).font = c.NORMAL
    c.widths(ws, [8, 24, 14, 16, 12])
    c.print_setup(ws, lang, authority(lang), "4:4" if rows else None)
    ws.page_setup.orientation = "portrait"
    return wb
