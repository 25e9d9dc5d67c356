"""The review workbook the bureau sends back: the decision, its reason, and every query with its thread."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook

from desktop.core.catalog import Catalog
from desktop.core.semester import Semester
from desktop.core.text import Text
from desktop.core.units import Unit
from desktop.core.workflow import INBOX_NAMES, Status
from desktop.exchange import cells as c
from desktop.exchange import printing
from desktop.exchange.meta import head_text, heads_text, write_meta
from desktop.exchange.queries_sheet import write_queries


def build_review(catalog: Catalog, unit: Unit, semester: Semester, version: int, decision: str, reason: str | None,
                 reviewer: str, threads, lang: str = "zh", audit_head: dict | None = None,
                 held_heads: list[dict] = (), reviewer_name: str = "", decided_at: datetime | None = None) -> Workbook:  # fmt: skip
    """`reviewer` is the user name the district records the decision under; `reviewer_name`, shown, their full name;
    `reason` a return's or reopening's reason, or an acceptance's comment; `decided_at` when the decision was taken."""
    wb = Workbook()
    printing.normal_font(wb)  # 宋体's column units, as the printed forms count them
    ws = wb.active
    ws.title = Text("审核意见", "Review")(lang)
    ws.merge_cells("A1:B1")
    c.put(ws["A1"], Text("报送数据审核意见", "Review of the submission")(lang)).font = c.TITLE
    ws["A1"].alignment = c.CENTER  # a document's title, centred as on the other forms
    ws.row_dimensions[1].height = 30
    open_count = sum(t.open for t in threads)
    rows = [
        (Text("填报单位", "Unit"), unit.label(lang)),
        (Text("报告期", "Period"), semester.label(lang)),
        (Text("报送版本", "Version"), str(version)),
        (Text("审核结论", "Decision"), INBOX_NAMES[decision](lang)),
        (Text("审核意见", "Comment") if decision == Status.ACCEPTED else Text("退回原因", "Reason") if decision == Status.RETURNED
         else Text("原因", "Reason"), reason or ""),
        (Text("未解决问题", "Open queries"), str(open_count)),
        (Text("审核人", "Reviewer"), reviewer_name or reviewer),
        (Text("日期", "Date"), (decided_at.astimezone() if decided_at else datetime.now()).strftime("%Y-%m-%d")),
    ]
    for i, (label, value) in enumerate(rows, start=3):
        c.boxed(c.put(ws.cell(i, 1), label(lang)), c.BOLD, fill=c.HEADER_FILL)
        c.boxed(c.put(ws.cell(i, 2), value))
    c.widths(ws, [18, 80])
    c.print_setup(ws, lang, unit.name(lang))
    sheet = write_queries(wb, threads, catalog, unit.name(lang), str(semester), lang)
    write_meta(wb, kind="review", unit=unit.code, semester=str(semester), catalog_version=catalog.version, version=version,
               decision=decision, reason=reason or "", reviewer=reviewer, reviewer_name=reviewer_name or reviewer,
               decided_at=decided_at.isoformat(timespec="microseconds") if decided_at else "",
               queries_sheet=sheet.title, lang=lang,
               audit_head=head_text(audit_head), held_heads=heads_text(list(held_heads)))  # fmt: skip
    return wb
