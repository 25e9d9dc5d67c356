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
from desktop.exchange.meta import head_text, heads_text, write_meta
from desktop.exchange.queries_sheet import write_queries

COVER, VALUES, CHECKS = Text("封面", "Cover"), Text("数据表", "Values"), Text("审核结果", "Checks")
HEADERS = Text("指标代码|行号|指标名称|计量单位|本期|上期|上年同期|同比增减|目标|目标依据|达标情况|说明",
               "Code|Row|Indicator|Unit|This half|Previous half|Same half last year|Change y/y|Target|Basis|Attainment|Explanation")  # fmt: skip
HEADER_ROW = 6
VALUE_COL, NOTE_COL = 5, 12
MISSED_FILL = PatternFill("solid", fgColor="F8D7DA")
MET_FILL = PatternFill("solid", fgColor="D4EDDA")
SEVERITY = {
    "error": Text("错误", "Error"),
    "warning": Text("警告", "Warning"),
    "notice": Text("提示", "Notice"),
}


DRAFT = Text("草稿", "DRAFT")
DRAFT_NOTE = Text("草稿：未经审核人签署，不是报送件", "DRAFT: not signed off by an approver; not a submission")
CHANGELOG_CHUNK = 30000  # characters per meta cell (Excel holds at most 32,767)


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
    _cover(wb.active, report, catalog, form, people, lang, signed)
    values = wb.create_sheet(VALUES(lang))
    _values(values, report, catalog, form, people, lang)
    _checks(wb.create_sheet(CHECKS(lang)), report, lang)
    queries = write_queries(wb, threads, catalog, report.unit.code, str(report.semester), lang) if threads else None
    if signed is None:
        _mark_draft(wb, lang)
    fields = {"status": "draft", "version": "0"}
    if signed is not None:
        fields = {"status": "submitted", "version": str(signed.version), "prepared_by": signed.prepared_by,
                  "signed_by": signed.signed_by, "people": signed.people, "signature": signed.signature.signature,
                  "public_key": signed.signature.public_key, "key_fingerprint": signed.signature.fingerprint,
                  "changelog_parts": str(-(-len(signed.changelog) // CHANGELOG_CHUNK))}  # fmt: skip
        for i in range(0, len(signed.changelog), CHANGELOG_CHUNK):
            fields[f"changelog.{i // CHANGELOG_CHUNK}"] = signed.changelog[i : i + CHANGELOG_CHUNK]
        # The signed content itself: it hashes to the signed fingerprint, so a receiver can name each cell changed since.
        copy = json.dumps({"values": stored(report.half.raw), "explanations": dict(report.half.explanations)},
                          ensure_ascii=False, separators=(",", ":"), sort_keys=True)  # fmt: skip
        fields["signed_copy_parts"] = str(-(-len(copy) // CHANGELOG_CHUNK))
        for i in range(0, len(copy), CHANGELOG_CHUNK):
            fields[f"signed_copy.{i // CHANGELOG_CHUNK}"] = copy[i : i + CHANGELOG_CHUNK]
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
        ws.oddHeader.center.text = DRAFT_NOTE(lang)
        ws.oddHeader.center.size = 14
        ws.oddHeader.center.color = "C0392B"
        ws.evenHeader.center.text = DRAFT_NOTE(lang)


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
        (t("批准文号", "Approval"), form.approval_no(lang)),
        (t("有效期至", "Valid until"), form.valid_until(lang)),
        (t("状态", "Status"), STATUS_NAMES[report.status](lang) if signed else DRAFT_NOTE(lang)),
        (t("报送版本", "Submission version"), str(signed.version) if signed else "—"),
        (t("指标目录版本", "Catalog version"), catalog.version),
        (t("错误", "Errors"), str(report.count("error"))),
        (
            t("警告（未说明）", "Warnings (unexplained)"),
            f"{report.count('warning')}（{report.count('warning', True)}）",
        ),
        (t("提示", "Notices"), str(report.count("notice"))),
        (t("内容指纹", "Content fingerprint"), short(report.fingerprint)),
        (t("完整指纹（SHA-256）", "Full fingerprint (SHA-256)"), report.fingerprint),
        (t("导出时间", "Exported"), datetime.now().strftime("%Y-%m-%d %H:%M")),
        (t("系统版本", "Made with"), f"EcoReport {__version__}"),
        (t("填表人", "Prepared by"), people.get("preparer", "")),
        (t("审核人", "Checked by"), people.get("approver", "")),
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
    c.widths(ws, [24, 30, 30, 30])
    c.print_setup(ws, lang, unit.name(lang))
    ws.page_setup.orientation = "portrait"


def _values(
    ws, report: HalfReport, catalog: Catalog, form: FormInfo, people: dict[str, str], lang: str
) -> None:
    headers = HEADERS(lang).split("|")
    last_col = len(headers)
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=last_col - 3)
    c.put(ws.cell(1, 2), form.title(lang)).font = c.TITLE
    ws.cell(1, 2).alignment = c.CENTER
    ws.row_dimensions[1].height = 30
    corner = [(Text("表　　号：", "Form: "), form.form_no), (Text("制定机关：", "Issued by: "), form.authority),
              (Text("批准文号：", "Approval: "), form.approval_no), (Text("有效期至：", "Valid until: "), form.valid_until)]  # fmt: skip
    for i, (label, value) in enumerate(corner, start=1):
        c.put(ws.cell(i, last_col - 1), label(lang) + value(lang)).font = c.SMALL
    unit, semester = report.unit, report.semester
    line = Text(f"填报单位（盖章）：{unit.name.zh}　　　报告期：{semester.label('zh')}",
                f"Unit (seal): {unit.name.en}      Period: {semester.label('en')}")  # fmt: skip
    c.put(ws.cell(5, 2), line(lang)).font = c.BOLD
    for col, title in enumerate(headers, start=1):
        c.boxed(c.put(ws.cell(HEADER_ROW, col), title), c.BOLD, c.CENTER, c.HEADER_FILL)
    rows = row_codes(catalog)
    layout = c.topic_rows(ws, catalog, report.unit.is_municipality, lang, HEADER_ROW + 1, last_col)
    for row, ind in layout:
        _value_row(ws, row, ind, rows[ind.code], report, lang)
    last_data = layout[-1][0]
    row = last_data + 1
    status_range = f"K{HEADER_ROW + 1}:K{last_data}"
    missed, met = Text("未达标", "missed")(lang), Text("达标", "met")(lang)
    ws.conditional_formatting.add(status_range, FormulaRule(formula=[f'ISNUMBER(SEARCH("{missed}",K{HEADER_ROW + 1}))'],
                                                            fill=MISSED_FILL, font=Font(color="9C0006"), stopIfTrue=True))  # fmt: skip
    ws.conditional_formatting.add(status_range, FormulaRule(formula=[f'ISNUMBER(SEARCH("{met}",K{HEADER_ROW + 1}))'],
                                                            fill=MET_FILL, font=Font(color="006100")))  # fmt: skip
    row = _footnotes(ws, row + 1, report, catalog, rows, lang, last_col)
    sign = Text(f"单位负责人：{people.get('head') or '＿＿＿＿'}　　统计负责人（审核人）：{people.get('stats') or people.get('approver') or '＿＿＿＿'}　　"
                f"填表人：{people.get('preparer') or '＿＿＿＿'}　　联系电话：{people.get('phone') or '＿＿＿＿'}　　"
                f"报出日期：{people.get('date') or '＿＿＿＿年＿＿月＿＿日'}",
                f"Head of unit: {people.get('head') or '________'}    Checked by: {people.get('stats') or people.get('approver') or '________'}    "
                f"Prepared by: {people.get('preparer') or '________'}    Telephone: {people.get('phone') or '________'}    "
                f"Date sent: {people.get('date') or '____-__-__'}")  # fmt: skip
    ws.merge_cells(start_row=row + 1, start_column=2, end_row=row + 1, end_column=last_col)
    c.put(ws.cell(row + 1, 2), sign(lang)).font = c.NORMAL
    ws.row_dimensions[row + 2].height = 60  # room for signatures and the seal
    c.widths(ws, [18, 6, 40, 11, 13, 13, 13, 13, 11, 22, 30, 32])
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = f"E{HEADER_ROW + 1}"
    c.print_setup(ws, lang, unit.name(lang), f"{HEADER_ROW}:{HEADER_ROW}")


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
    c.boxed(change, alignment=c.RIGHT).number_format = "+#,##0" + ("." + "0" * ind.places if ind.places else "") + ";-#,##0" + ("." + "0" * ind.places if ind.places else "")  # fmt: skip
    c.boxed(c.put(ws.cell(row, 9), att.target.shown(ind, lang) if att else None), alignment=c.CENTER)
    c.boxed(c.put(ws.cell(row, 10), att.target.basis(lang) if att else None), c.SMALL)
    status = c.boxed(c.put(ws.cell(row, 11), att.describe(ind, lang) if att else None))
    if att and att.status == MISSED:
        status.font = Font(name=c.FONT, color="9C0006")
    c.boxed(c.put(ws.cell(row, NOTE_COL), report.half.explanations.get(ind.code)))


def _footnotes(
    ws, row: int, report: HalfReport, catalog: Catalog, rows: dict[str, str], lang: str, last_col: int
) -> int:
    visible = {i.code for i in catalog.applicable(report.unit.is_municipality)}
    relations = [
        in_row_codes(r.formula, rows) for r in catalog.rules if r.codes <= visible and r.severity == "error"
    ]
    formulas = [
        f"{rows[i.code]} = {in_row_codes(i.formula, rows)}" for i in catalog.derived() if i.code in visible
    ]
    lines = [Text("审核关系：", "Checks between rows: ")(lang) + "；".join(relations),
             Text("计算关系：", "Calculated rows: ")(lang) + "；".join(formulas)]  # fmt: skip
    bases = sorted({f"{a.target.basis(lang)}" + (Text("（示例值）", " (example value)")(lang) if a.target.example else "")
                    for a in report.attainments.values()})  # fmt: skip
    if bases:
        lines.append(Text("说明：目标依据为", "Notes: targets follow ")(lang) + "；".join(bases))
    for line in lines:
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last_col)
        cell = c.put(ws.cell(row, 2), line)
        cell.font, cell.alignment = c.SMALL, c.LEFT
        ws.row_dimensions[row].height = 30
        row += 1
    return row


def _checks(ws, report: HalfReport, lang: str) -> None:
    headers = Text(
        "严重程度|规则|涉及指标|说明|实际|期望|已说明",
        "Severity|Rule|Codes|Message|Actual|Expected|Explained",
    )(lang).split("|")
    for col, title in enumerate(headers, start=1):
        c.boxed(c.put(ws.cell(1, col), title), c.BOLD, c.CENTER, c.HEADER_FILL)
    for row, result in enumerate(report.checks, start=2):
        values = [SEVERITY[result.severity](lang), result.rule, ", ".join(result.codes), result.message(lang),
                  result.actual, result.expected, Text("是", "yes")(lang) if result.explained else ""]  # fmt: skip
        for col, value in enumerate(values, start=1):
            c.boxed(c.put(ws.cell(row, col), value))
    if not report.checks:
        c.put(
            ws.cell(2, 1),
            Text("全部审核通过，无错误、警告或提示。", "Every check passed: no errors, warnings or notices.")(
                lang
            ),
        )
    c.widths(ws, [10, 34, 40, 80, 24, 24, 8])
    ws.freeze_panes = "A2"
    c.print_setup(ws, lang, report.unit.name(lang), "1:1")
