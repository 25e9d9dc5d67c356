"""The official submission workbook: cover, values in the report-form layout, checks.

Every figure is written as a number (derived ones too), so readers that do not compute formulas
see them; text typed by users is always written as text.
"""

from __future__ import annotations

import json
from datetime import datetime

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill

from desktop import __version__
from desktop.core.catalog import Catalog, Indicator
from desktop.core.fingerprint import short, stored
from desktop.core.form import in_row_codes, row_codes
from desktop.core.loading import FormInfo
from desktop.core.report import HalfReport
from desktop.core.targets import MISSED
from desktop.core.text import Text
from desktop.core.workflow import STATUS_NAMES
from desktop.exchange import cells as c
from desktop.exchange import printing
from desktop.exchange.headings import SUBMISSION as HEADERS
from desktop.exchange.meta import chunked, head_text, heads_text, write_meta
from desktop.exchange.queries_sheet import write_queries

COVER, VALUES, CHECKS = Text("封面", "Cover"), Text("数据表", "Values"), Text("审核结果", "Checks")
HEADER_ROW = 7  # under the title, the statutory marks and the line naming the unit and the period
VALUE_COL, NOTE_COL = 5, 12
COLUMN_WIDTHS = [12, 5, 25, 11, 11, 11, 11, 13, 9, 14, 17, 20]  # A (the code) is hidden
MISSED_FILL = PatternFill("solid", fgColor="F8D7DA")
MET_FILL = PatternFill("solid", fgColor="D4EDDA")
SEVERITY = {
    "error": Text("错误", "Error"),
    "warning": Text("警告", "Warning"),
    "notice": Text("提示", "Notice"),
}


DRAFT = Text("草稿", "DRAFT")
DRAFT_NOTE = Text("草稿：未经审核人签署，不是报送件", "DRAFT: not signed off by an approver; not a submission")


def build_submission(report: HalfReport, catalog: Catalog, form: FormInfo, lang: str = "zh",
                     people: dict[str, str] | None = None, threads=(), signed=None,
                     package_version: str = "", audit_head: dict | None = None,
                     held_heads: list[dict] = ()) -> Workbook:  # fmt: skip
    """`signed`: the stored sign-off (store.submissions.SignOff) of this very content, or None for a draft.

    A draft is marked 草稿 on every sheet and carries no signature; the bureau's import refuses it.
    """
    # A signed version prints exactly the people its signature covers; a draft takes what it is given.
    people = json.loads(signed.people) if signed else \
        {"preparer": report.preparer or "", "approver": report.approver or "", **(people or {})}  # fmt: skip
    wb = Workbook()
    printing.normal_font(wb)
    _cover(wb.active, report, catalog, form, people, lang, signed)
    values = wb.create_sheet(VALUES(lang))
    _values(values, report, catalog, form, people, lang)
    _checks(wb.create_sheet(CHECKS(lang)), report, catalog, lang)
    queries = write_queries(wb, threads, catalog, report.unit.name(lang), str(report.semester), lang) if threads else None
    if signed is None:
        _mark_draft(wb, lang)
    fields = {"status": "draft", "version": "0"}
    if signed is not None:
        fields = {"status": "submitted", "version": str(signed.version), "prepared_by": signed.prepared_by,
                  "signed_by": signed.signed_by, "people": signed.people, "signature": signed.signature.signature,
                  "public_key": signed.signature.public_key, "key_fingerprint": signed.signature.fingerprint,
                  **chunked("changelog", signed.changelog)}  # fmt: skip
        # The signed content itself: it hashes to the signed fingerprint, so a receiver can name each cell changed since.
        copy = json.dumps({"values": stored(report.half.raw), "explanations": dict(report.half.explanations)},
                          ensure_ascii=False, separators=(",", ":"), sort_keys=True)  # fmt: skip
        fields.update(chunked("signed_copy", copy))
        # The checks as the district's installation ran them, each explained or not: the bureau, whose history or
        # targets may not reach as far, sees what each 说明 answers.
        fields.update(chunked("checks", json.dumps([{"rule": r.rule, "kind": r.kind, "severity": r.severity, "codes": list(r.codes),
                                                     "zh": r.message.zh, "en": r.message.en, "explained": r.explained}
                                                    for r in report.checks], ensure_ascii=False, separators=(",", ":"))))  # fmt: skip
    write_meta(wb, kind="submission", unit=report.unit.code, semester=str(report.semester), catalog_version=catalog.version,
               fingerprint=report.fingerprint, sheet=values.title, first_row=HEADER_ROW + 1, value_col=VALUE_COL,
               note_col=NOTE_COL, lang=lang, queries_sheet=queries.title if queries else "", package_version=package_version,
               audit_head=head_text(audit_head), held_heads=heads_text(list(held_heads)), **fields)  # fmt: skip
    return wb


def _mark_draft(wb: Workbook, lang: str) -> None:
    """Every sheet says it is a draft: in its tab, in the printed header, and red."""
    for ws in wb.worksheets:
        ws.title = f"{ws.title}（{DRAFT(lang)}）" if lang == "zh" else f"{ws.title} ({DRAFT(lang)})"
        ws.sheet_properties.tabColor = "C0392B"
        for header in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
            header.center.text, header.center.size, header.center.color = DRAFT_NOTE(lang), 14, "C0392B"


def _cover(ws, report: HalfReport, catalog: Catalog, form: FormInfo, people: dict[str, str], lang: str, signed) -> None:
    ws.title = COVER(lang)
    unit, semester = report.unit, report.semester
    ws.merge_cells("A1:D1")
    c.put(ws["A1"], form.title(lang) + ("" if signed else f"（{DRAFT(lang)}）")).font = c.TITLE
    ws["A1"].alignment = c.CENTER
    ws.row_dimensions[1].height = 36
    t = lambda zh, en: Text(zh, en)(lang)  # noqa: E731
    rows = [
        (
            t("填报单位", "Unit"),
            f"{unit.name(lang)}（{unit.code}）" if lang == "zh" else f"{unit.name(lang)} ({unit.code})",
        ),
        (
            t("报告期", "Period"),
            f"{semester.label(lang)}（{semester.start:%Y-%m-%d} – {semester.end:%Y-%m-%d}）",
        ),
        (t("表号", "Form"), form.form_no(lang)),
        (t("制定机关", "Issued by"), form.authority(lang)),
        (t("批准机关", "Approved by"), form.approved_by(lang) if form.approved_by else ""),
        (t("批准文号", "Approval"), form.approval_no(lang) + _example(form, lang)),
        (t("有效期至", "Valid until"), form.valid_until(lang) + _example(form, lang)),
        (t("状态", "Status"), STATUS_NAMES[report.status](lang) if signed else DRAFT_NOTE(lang)),
        (t("报送版本", "Submission version"), str(signed.version) if signed else "—"),
        (t("指标目录版本", "Catalog version"), catalog.version),
        (t("强制性审核（错误）", "Errors"), t(f"{report.count('error')}条", str(report.count("error")))),
        (t("核实性审核（警告）", "Warnings"), t(f"{report.count('warning')}条（其中未说明{report.count('warning', True)}条）",
                                             f"{report.count('warning')} ({report.count('warning', True)} unexplained)")),
        (t("提示", "Notices"), t(f"{report.count('notice')}条", str(report.count("notice")))),
        (t("内容指纹", "Content fingerprint"), short(report.fingerprint)),
        (t("完整指纹（SHA-256）", "Full fingerprint (SHA-256)"), report.fingerprint),
        (t("本文件生成时间", "This file made"), datetime.now().strftime("%Y-%m-%d %H:%M")),
        (t("系统版本", "Made with"), f"EcoReport {__version__}"),
        (t("填表人", "Prepared by"), people.get("preparer", "")),
        (t("签署审核人（系统）", "Signed off in the system by"), people.get("approver", "")),
        (t("单位负责人", "Head of unit"), people.get("head", "")),
        (t("统计负责人", "Head of statistics"), people.get("stats", "")),
        (t("联系电话", "Telephone"), people.get("phone", "")),
        (t("报出日期", "Date sent"), people.get("date", "")),
    ]
    for i, (label, value) in enumerate(rows, start=3):
        c.boxed(c.put(ws.cell(i, 1), label), c.BOLD, fill=c.HEADER_FILL)
        ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=4)
        c.boxed(c.put(ws.cell(i, 2), value))
    seal = len(rows) + 4
    c.put(ws.cell(seal, 1), t("单位盖章：", "Seal of the unit:")).font = c.BOLD
    ws.row_dimensions[seal].height = 90  # room for the round seal after printing
    c.widths(ws, [22, 24, 24, 24])
    printing.fit_rows(ws, 3, seal - 1)
    c.print_setup(ws, lang, unit.name(lang), orientation="portrait")


def marks(form: FormInfo, lang: str) -> list[tuple[str, str]]:
    """The statutory marks (法定标识) printed at the top right of the form, from the set-up's form data."""
    approved_by = form.approved_by(lang) if form.approved_by else ""
    return [(Text("表　　号：", "Form: ")(lang), form.form_no(lang)), (Text("制定机关：", "Issued by: ")(lang), form.authority(lang)),
            (Text("批准机关：", "Approved by: ")(lang), approved_by),
            (Text("批准文号：", "Approval: ")(lang), form.approval_no(lang) + _example(form, lang)),
            (Text("有效期至：", "Valid until: ")(lang), form.valid_until(lang) + _example(form, lang))]  # fmt: skip


def _example(form: FormInfo, lang: str) -> str:
    """A placeholder approval (the set-up's form data marked as an example) says so wherever it is printed: on the
    cover it looked issued."""
    return Text("（示例）", " (example)")(lang) if form.example else ""


def _values(
    ws, report: HalfReport, catalog: Catalog, form: FormInfo, people: dict[str, str], lang: str
) -> None:
    headers = HEADERS(lang).split("|")
    last_col = len(headers)
    c.widths(ws, COLUMN_WIDTHS)
    ws.column_dimensions["A"].hidden = True
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=last_col)
    c.put(ws.cell(1, 2), form.title(lang)).font = c.TITLE
    ws.cell(1, 2).alignment = c.CENTER
    ws.row_dimensions[1].height = 34
    for i, (label, value) in enumerate(marks(form, lang), start=2):
        ws.merge_cells(start_row=i, start_column=last_col - 1, end_row=i, end_column=last_col)
        mark = c.put(ws.cell(i, last_col - 1), label + value)
        mark.font, mark.alignment = c.SMALL, c.LEFT  # wrapped within the page (English names are long)
    unit, semester = report.unit, report.semester
    line = Text(f"填报单位（盖章）：{unit.name.zh}　　　　报告期：{semester.label('zh')}",
                f"Unit (seal): {unit.name.en}      Period: {semester.label('en')}")  # fmt: skip
    ws.merge_cells(start_row=HEADER_ROW - 1, start_column=2, end_row=HEADER_ROW - 1, end_column=last_col - 2)
    c.put(ws.cell(HEADER_ROW - 1, 2), line(lang)).font = c.BOLD
    for col, title in enumerate(headers, start=1):
        c.boxed(c.put(ws.cell(HEADER_ROW, col), title), c.BOLD, c.CENTER, c.HEADER_FILL)
    rows = row_codes(catalog)
    municipality = report.unit.is_municipality
    layout = c.topic_rows(ws, catalog, True, lang, HEADER_ROW + 1, last_col)
    applicable = {i.code for i in catalog.applicable(municipality)}
    for row, ind in layout:
        if ind.code in applicable:
            _value_row(ws, row, ind, rows[ind.code], report, lang)
        else:
            _city_only_row(ws, row, ind, rows[ind.code], lang)
    last_data = layout[-1][0]
    status_range = f"K{HEADER_ROW + 1}:K{last_data}"
    missed, met = Text("未达标", "missed")(lang), Text("达标", "met")(lang)
    ws.conditional_formatting.add(status_range, FormulaRule(formula=[f'ISNUMBER(SEARCH("{missed}",K{HEADER_ROW + 1}))'],
                                                            fill=MISSED_FILL, font=Font(color="9C0006"), stopIfTrue=True))  # fmt: skip
    ws.conditional_formatting.add(status_range, FormulaRule(formula=[f'ISNUMBER(SEARCH("{met}",K{HEADER_ROW + 1}))'],
                                                            fill=MET_FILL, font=Font(color="006100")))  # fmt: skip
    row = _footnotes(ws, last_data + 2, report, catalog, form, rows, lang, last_col)
    blank = "＿＿＿＿＿" if lang == "zh" else "________"
    who = lambda key, *more: next((people[k] for k in (key, *more) if people.get(k)), blank)  # noqa: E731
    # The form's line is 统计负责人 (or 审核人): each name under its own title, never the approver as head of statistics.
    checker = (Text("统计负责人", "Head of statistics") if people.get("stats") else Text("审核人", "Checked by") if people.get("approver")
               else Text("统计负责人（审核人）", "Head of statistics (checked by)"))  # fmt: skip
    sign = Text(f"单位负责人：{who('head')}　　{checker.zh}：{who('stats', 'approver')}　　填表人：{who('preparer')}　　"
                f"联系电话：{who('phone')}　　报出日期：{people.get('date') or '＿＿＿＿年＿＿月＿＿日'}",
                f"Head of unit: {who('head')}    {checker.en}: {who('stats', 'approver')}    "
                f"Prepared by: {who('preparer')}    Telephone: {who('phone')}    Date sent: {people.get('date') or '____-__-__'}")  # fmt: skip
    ws.merge_cells(start_row=row + 1, start_column=2, end_row=row + 1, end_column=last_col)
    c.put(ws.cell(row + 1, 2), sign(lang)).font = c.NORMAL
    ws.cell(row + 1, 2).alignment = c.LEFT
    printing.fit_rows(ws, 2, row + 1)
    ws.row_dimensions[row + 2].height = 60  # room for signatures and the seal
    ws.freeze_panes = f"E{HEADER_ROW + 1}"
    c.print_setup(ws, lang, unit.name(lang), f"{HEADER_ROW}:{HEADER_ROW}")
    # Pages after the first name the unit and the period above the repeated header row.
    ws.HeaderFooter.differentFirst = True
    running = ws.oddHeader.right  # clear of the draft mark, which is centred
    period = Text(f"{unit.name.zh}　{semester.label('zh')}", f"{unit.name.en}, {semester.label('en')}")
    running.text, running.font, running.size = period(lang), f"{c.FONT},Regular", 11
    for first, odd in ((ws.firstFooter.left, ws.oddFooter.left), (ws.firstFooter.center, ws.oddFooter.center),
                       (ws.firstFooter.right, ws.oddFooter.right)):  # fmt: skip
        first.text, first.font, first.size = odd.text, odd.font, odd.size
    printing.break_pages(ws, _keep_together(layout, row + 2), (HEADER_ROW, HEADER_ROW))


def _keep_together(layout: list[tuple[int, Indicator]], last_row: int) -> list[tuple[int, int]]:
    """Rows a page break may not separate: a topic's heading from its first row, and the last rows of the table
    from the notes, signatures and seal under it (so the last page is never only the signatures)."""
    blocks: list[tuple[int, int]] = []
    previous_topic = None
    for row, ind in layout:
        blocks.append((row - 1, row) if ind.topic != previous_topic else (row, row))
        previous_topic = ind.topic
    tail = blocks[-3][0]
    return [b for b in blocks if b[0] < tail] + [(tail, last_row)]


def _city_only_row(ws, row: int, ind: Indicator, row_code: str, lang: str) -> None:
    """A row only the bureau reports: on a district's form it keeps its place and code, with nothing to report."""
    c.boxed(ws.cell(row, 2, row_code), alignment=c.CENTER)
    c.boxed(c.put(ws.cell(row, 3), ind.name(lang)), fill=c.TOPIC_FILL)
    c.boxed(c.put(ws.cell(row, 4), ind.unit(lang)), alignment=c.CENTER)
    for col in range(5, 12):
        c.boxed(c.put(ws.cell(row, col), "—"), alignment=c.CENTER)
    c.boxed(c.put(ws.cell(row, NOTE_COL), Text("由市局填报", "reported by the bureau")(lang)))


def _value_row(ws, row: int, ind: Indicator, row_code: str, report: HalfReport, lang: str) -> None:
    att = report.attainments.get(ind.code)
    fill = c.DERIVED_FILL if ind.derived else None
    ws.cell(row, 1, ind.code)
    c.boxed(ws.cell(row, 2, row_code), alignment=c.CENTER)
    c.boxed(c.put(ws.cell(row, 3), ind.name(lang)), fill=fill)
    c.boxed(c.put(ws.cell(row, 4), ind.unit(lang)), alignment=c.CENTER)
    for col, figures in ((5, report.figures), (6, report.previous), (7, report.last_year)):
        cell = ws.cell(row, col)
        c.put(cell, c.figure(ind, figures, lang))
        c.boxed(cell, alignment=c.RIGHT, fill=fill if col == 5 else None).number_format = c.number_format(
            ind.places
        )
    change = ws.cell(row, 8)
    c.put(change, c.yoy_change(ind, report.figures.get(ind.code), report.last_year.get(ind.code), lang))
    c.boxed(change, alignment=c.RIGHT).number_format = c.change_format(ind)
    c.boxed(c.put(ws.cell(row, 9), att.target.shown(ind, lang) if att else None), alignment=c.CENTER)
    c.boxed(c.put(ws.cell(row, 10), c.basis(att.target, lang) if att else None), c.SMALL)
    status = c.boxed(c.put(ws.cell(row, 11), att.describe(ind, lang) if att else None))
    if att and att.status == MISSED:
        status.font = Font(name=c.FONT, color="9C0006")
    c.boxed(c.put(ws.cell(row, NOTE_COL), report.half.explanations.get(ind.code)))


def _footnotes(ws, row: int, report: HalfReport, catalog: Catalog, form: FormInfo, rows: dict[str, str], lang: str,
               last_col: int) -> int:  # fmt: skip
    visible = {i.code for i in catalog.applicable(report.unit.is_municipality)}
    relations = [
        in_row_codes(r.formula, rows) for r in catalog.rules if r.codes <= visible and r.severity == "error"
    ]
    formulas = [
        f"{rows[i.code]} = {in_row_codes(i.formula, rows)}" for i in catalog.derived() if i.code in visible
    ]
    sep = "；" if lang == "zh" else "; "
    lines = [Text("审核关系：", "Checks between rows: ")(lang) + sep.join(relations),
             Text("计算关系：", "Calculated rows: ")(lang) + sep.join(formulas)]  # fmt: skip
    if any(a.target.sample for a in report.attainments.values()):
        lines.append(c.sample_note(lang))
    if form.example:
        lines.append(Text("法定标识为示例，以统计主管部门批准的正式表式为准。",
                          "The statutory marks are examples until the statistics authority approves the form.")(lang))  # fmt: skip
    for line in lines:
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last_col)
        cell = c.put(ws.cell(row, 2), line)
        cell.font, cell.alignment = c.SMALL, c.LEFT
        row += 1
    return row


def _checks(ws, report: HalfReport, catalog: Catalog, lang: str) -> None:
    """Each finding in words: what the rule says, the rows it concerns, the figures, and the district's 说明."""
    rows = row_codes(catalog)
    headers = Text("规则|序号|类别|审核内容|涉及指标（行号）|本期数值|对照|填报单位说明",
                   "Rule|No.|Severity|Check|Rows|Value|Compared with|Explanation given")(lang).split("|")  # fmt: skip
    c.headings(ws, 2, headers, [30, 5, 7, 40, 30, 11, 14, 38])
    ws.column_dimensions["A"].hidden = True  # the rule's id, for a program reading the sheet
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=len(headers))
    title = Text(f"审核结果（{report.unit.name.zh}，{report.semester.label('zh')}）",
                 f"Checks ({report.unit.name.en}, {report.semester.label('en')})")(lang)  # fmt: skip
    c.put(ws.cell(1, 2), title).font = c.TITLE
    ws.cell(1, 2).alignment = c.CENTER
    ws.row_dimensions[1].height = 34
    order = {"error": 0, "warning": 1, "notice": 2}
    findings = sorted(report.checks, key=lambda r: order.get(r.severity, 3))
    for n, result in enumerate(findings, start=1):
        row = n + 2
        # A target or year-on-year finding is about its first row; the others are where a 说明 may sit.
        codes = result.codes[:1] if result.kind in ("target", "yoy") else result.codes
        named = [f"{rows.get(code, '')} {catalog.indicators[code].name(lang)}".strip()
                 for code in codes if code in catalog.indicators]  # fmt: skip
        values = [result.rule, n, SEVERITY[result.severity](lang), result.message(lang), "\n".join(named),
                  *_compared(result, rows, lang, catalog), _explanation(report, result, lang)]  # fmt: skip
        figure = result.kind in ("target", "yoy", "range")  # one indicator's figure: aligned as figures are
        for col, value in enumerate(values, start=1):
            c.boxed(c.put(ws.cell(row, col), value), alignment=c.CENTER if col in (2, 3) else c.RIGHT if col == 6 and figure else c.LEFT)
    if not findings:
        ws.merge_cells(start_row=3, start_column=2, end_row=3, end_column=len(headers))
        c.put(ws.cell(3, 2), Text("全部审核通过，无错误、警告或提示。", "Every check passed: no errors, warnings or notices.")(lang))
    printing.fit_rows(ws, 2, max(3, len(findings) + 2))
    ws.freeze_panes = "B3"
    c.print_setup(ws, lang, report.unit.name(lang), "2:2")


def _compared(result, rows: dict[str, str], lang: str, catalog: Catalog) -> tuple[str | None, str | None]:
    """The figures a finding compares, in the form's words: row codes for indicator codes, what the other side is,
    a figure with its unit (上年同期 82.3 said no more than the number)."""
    actual, expected = result.actual, result.expected
    if result.kind == "consistency":
        return (in_row_codes(actual or "", rows).replace("=", " = ").replace(",", "，" if lang == "zh" else ","),
                in_row_codes(expected or "", rows))  # fmt: skip
    ind = catalog.indicators.get(result.codes[0]) if result.codes else None
    unit = ind.unit(lang) if ind is not None else ""
    joined = lambda figure: figure if not figure or not unit else f"{figure}{unit}" if lang == "zh" or unit == "%" else f"{figure} {unit}"  # noqa: E731
    if result.kind == "yoy" and expected is not None:
        return joined(actual), Text("上年同期 ", "same half last year: ")(lang) + joined(expected)
    if result.kind == "target" and expected is not None:
        return joined(actual), Text("目标 ", "target ")(lang) + expected
    return actual, expected


def _explanation(report: HalfReport, result, lang: str) -> str:
    """The district's written 说明 for a warning (on any row the rule concerns), or why there is none."""
    said = [report.half.explanations[code] for code in result.codes if report.half.explanations.get(code)]
    if said:
        return "；".join(dict.fromkeys(said)) if lang == "zh" else "; ".join(dict.fromkeys(said))
    if result.severity == "warning":
        return Text("未说明", "not explained")(lang)
    return Text("无需说明", "none needed")(lang) if result.severity == "notice" else Text("须更正", "must be corrected")(lang)
