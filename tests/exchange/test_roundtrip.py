"""Template → filled as a user would → import → check → export → read back by a second reader → consolidate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import openpyxl
import pytest
from conftest import accept_all, sign_off
from python_calamine import CalamineWorkbook

from desktop.core.semester import Semester
from desktop.core.workflow import Action
from desktop.exchange import printing
from desktop.exchange.importer import IMPORTED, REFUSED, UNCHANGED, import_file
from desktop.store.reports import half_report

from .conftest import H1, file_digest, snapshot
from .helpers import fill, make_submission, make_template


def test_template_layout_validation_protection_and_identity(ctx, tmp_path):
    path = make_template(ctx, "500101", H1, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["填报表"]
    assert ws.protection.sheet is True
    assert ws.column_dimensions["A"].hidden
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
    total = rows["water.sections_total"]
    assert total[4].protection.locked is False and total[7].protection.locked is False
    assert total[2].protection.locked is True  # the name cannot be edited
    assert total[4].value == 2  # prefilled with what the database holds
    assert total[5].value == 2 and total[6].value == 2  # previous half and last year beside it
    ratio = rows["water.excellent_ratio"][4].value
    assert ratio.startswith("=IF(COUNT(") and "ROUND(" in ratio and "不适用" in ratio  # a live formula
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"whole", "decimal"} <= kinds
    prompts = [dv.prompt for dv in ws.data_validations.dataValidation if dv.type == "whole"]
    assert any("不小于0的整数" in p for p in prompts)
    meta = wb["_ecoreport"]
    assert meta.sheet_state == "veryHidden"
    fields = {r[0].value: r[1].value for r in meta.iter_rows()}
    assert (fields["kind"], fields["unit"], fields["semester"], fields["catalog_version"]) == ("template", "500101", "2024H1", ctx.catalog.version)
    assert len(fields["template_id"]) == 32
    assert "yangtze" not in " ".join(rows)  # a district never sees the bureau's own elements


def test_template_in_english(ctx, tmp_path):
    wb = openpyxl.load_workbook(make_template(ctx, "500101", H1, tmp_path / "t.xlsx", lang="en"))
    ws = wb["Entry"]
    assert ws.cell(4, 3).value == "Indicator"
    assert any(c.value == "State-controlled sections" for c in ws["C"])


def test_full_round_trip(ctx, tmp_path):
    store = ctx.store
    template = make_template(ctx, "500101", H1, tmp_path / "t.xlsx")
    filled = fill(template, tmp_path / "filled.xlsx",
                  {"water.sections_total": 3, "water.sections_excellent": 2, "air.pm25": 35.4, "waste.plastic_recycled_t": 0.3},
                  {"water.sections_excellent": "新增1个断面，尚未达标"})  # fmt: skip
    result = import_file(store, filled, "wanzhou")
    assert result.status == IMPORTED and result.changes == 4, result.problems  # excellent was 2 already
    half = store.unit_half(ctx.units.find("500101"), H1)
    assert half.raw["air.pm25"] == Decimal("35.4") and half.raw["waste.plastic_recycled_t"] == Decimal("0.30")
    assert half.explanations["water.sections_excellent"] == "新增1个断面，尚未达标"
    imports = [e for e in store.audit_entries() if e.action == "import.template"]
    assert imports[-1].new == "filled.xlsx" and file_digest(filled) in imports[-1].reason
    # Re-importing the same file changes nothing, not even the audit log.
    before = snapshot(ctx)
    assert import_file(store, filled, "wanzhou").status == UNCHANGED
    assert snapshot(ctx) == before
    # The checks see the new values: 2 of 3 sections is 66.7 %, below the district's 100 % target.
    checks = {r.rule: r for r in store.checks(ctx.units.find("500101"), H1)}
    assert checks["target:water.excellent_ratio"].explained  # the explanation was typed in Excel
    sign_off(ctx)  # only a signed-off half leaves as a submission; a draft is marked 草稿
    submission = make_submission(ctx, "500101", H1, tmp_path / "submission.xlsx")
    book = CalamineWorkbook.from_path(str(submission))
    assert book.sheet_names[:3] == ["封面", "数据表", "审核结果"]
    rows = {r[0]: r for r in book.get_sheet_by_name("数据表").to_python() if r and r[0]}
    assert rows["water.excellent_ratio"][4] == pytest.approx(66.7)  # a derived value, written as a number
    assert rows["water.sections_total"][4] == 3
    assert rows["air.pm25"][4] == pytest.approx(35.4) and rows["air.pm25"][6] == pytest.approx(46.5)
    assert rows["water.excellent_ratio"][10] == "未达标，低于目标33.3个百分点"
    assert rows["water.sections_excellent"][11] == "新增1个断面，尚未达标"
    cover = {r[0]: r[1] for r in book.get_sheet_by_name("封面").to_python() if r and r[0]}
    assert cover["填报单位"] == "万州区（500101）" and cover["填表人"] == "万州区填报员"  # full names, not login IDs
    assert cover["签署审核人（系统）"] == "万州区审核人" and cover["状态"] == "已报送" and cover["报送版本"] == "1"
    assert cover["完整指纹（SHA-256）"] == half_report(store, ctx.units.find("500101"), H1).fingerprint
    checks_sheet = book.get_sheet_by_name("审核结果").to_python()
    target = next(r for r in checks_sheet if r[0] == "target:water.excellent_ratio")
    assert target[5:7] == ["66.7%", "目标 ≥ 100.0"]  # the figure with its unit
    yoy = next((r for r in checks_sheet if str(r[0]).startswith("yoy:")), None)
    assert yoy is None or ("上年同期 " in yoy[6] and yoy[6][-1] not in "0123456789")  # not a bare number
    # The bureau receives the submission; the city's figures move by one section, not by a 38th.
    result = import_file(store, submission, "reviewer")
    assert result.status == UNCHANGED or result.status == IMPORTED
    assert store.status(ctx.units.find("500101"), H1) == "submitted"
    assert store.figures(ctx.units.municipality, H1).get("water.sections_total") == 9  # received is not yet counted
    accept_all(store, H1)
    city = store.figures(ctx.units.municipality, H1)
    assert city.get("water.sections_total") == 75 and city.get("water.sections_excellent") == 73
    assert city.get("water.excellent_ratio") == Decimal("97.3")  # 73/75


def test_submission_print_setup_and_formula_safety(ctx, tmp_path):
    ctx.store.set_values("wanzhou", ctx.units.find("500101"), H1, {}, {"air.days_good": "=HYPERLINK(\"http://x\")", "air.pm25": "+1 -2 @3"})
    sign_off(ctx)
    path = make_submission(ctx, "500101", H1, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["数据表"]
    notes = {r[0].value: r[11] for r in ws.iter_rows(min_row=7) if r[0].value}
    assert notes["air.days_good"].data_type == "s" and notes["air.days_good"].value.startswith("=HYPERLINK")
    assert notes["air.pm25"].data_type == "s"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == "$7:$7"
    assert ws.oddFooter.center.text == "第&P页 共&N页" and ws.oddFooter.left.text == "万州区"
    assert ws.freeze_panes == "E8"
    # An official form: one font family, nothing printed under 9 pt once fitted to A4's width, the statutory marks
    # from the form's data, every row code from 01 to the last (the bureau's own rows kept, with nothing to report).
    fonts = {cell.font.name for sheet in wb.worksheets[:3] for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert fonts == {"SimSun"} and {part.font for part in (ws.oddFooter.left, ws.oddFooter.center)} == {"SimSun,Regular"}
    assert printing.smallest_printed_size(ws) >= 9 and ws.page_setup.fitToWidth == 1
    marks = [ws.cell(r, 11).value for r in range(2, 7)]
    assert marks == ["表　　号：生环半年1表", "制定机关：重庆市生态环境局", "批准机关：重庆市统计局", "批准文号：渝环统字〔2024〕1号（示例）",
                     "有效期至：2027年12月（示例）"]  # the set-up's placeholders say so, here and on the cover  # fmt: skip
    cover = {r[0].value: r[1].value for r in wb["封面"].iter_rows() if r[0].value}
    assert cover["批准文号"] == "渝环统字〔2024〕1号（示例）" and cover["有效期至"] == "2027年12月（示例）"
    codes = [r[1].value for r in ws.iter_rows(min_row=8) if isinstance(r[1].value, str) and r[1].value.isdigit()]
    assert codes == [f"{n:02d}" for n in range(1, len(ctx.catalog.indicators) + 1)]
    city_only = next(r for r in ws.iter_rows(min_row=8) if r[2].value == "长江干流水质类别")
    assert city_only[0].value is None and city_only[4].value == "—" and city_only[11].value == "由市局填报"
    assert ws.row_breaks.brk  # pages break between rows the layout chose, not wherever the printer likes
    assert ws.conditional_formatting  # 达标 / 未达标 colours
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "审核关系" in text and "单位负责人" in text and "≤" in text
    # calamine sees the typed text as text, not a formula result
    rows = {r[0]: r for r in CalamineWorkbook.from_path(str(path)).get_sheet_by_name("数据表").to_python() if r and r[0]}
    assert rows["air.days_good"][11] == '=HYPERLINK("http://x")'


def test_the_forms_signature_line_names_each_person_under_their_own_title(ctx, tmp_path):
    """统计负责人 (or 审核人): with no head of statistics given, the approver is printed as 审核人, not as 统计负责人."""
    unit = ctx.units.find("500101")

    def signature_line() -> str:
        path = make_submission(ctx, "500101", H1, tmp_path / "s.xlsx")
        ws = openpyxl.load_workbook(path)["数据表"]
        return next(str(c.value) for row in ws.iter_rows() for c in row if str(c.value or "").startswith("单位负责人："))

    sign_off(ctx)  # no people given: the approver's name only
    line = signature_line()
    assert "审核人：万州区审核人" in line and "统计负责人" not in line and "填表人：万州区填报员" in line
    ctx.submissions.act("wanzhou_approver", unit, H1, Action.WITHDRAW, "补充统计负责人")
    ctx.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1, {"head": "王局长", "stats": "李统计"})
    line = signature_line()
    assert "单位负责人：王局长" in line and "统计负责人：李统计" in line and "万州区审核人" not in line


def test_refusals_leave_database_and_file_untouched(ctx, tmp_path):
    store = ctx.store
    template = make_template(ctx, "500101", H1, tmp_path / "t.xlsx")
    bad = fill(template, tmp_path / "bad.xlsx", {"water.sections_total": 4, "enf.penalties": -1, "air.days_valid": 190, "air.pm25": "abc"})
    before, digest = snapshot(ctx), file_digest(bad)
    result = import_file(store, bad, "wanzhou")
    assert result.status == REFUSED
    where = {(p.sheet, p.cell): p.text.zh for p in result.problems}
    penalties_row = next(r[0].row for r in openpyxl.load_workbook(bad)["填报表"].iter_rows() if r[0].value == "enf.penalties")
    assert where[("填报表", f"E{penalties_row}")] == "“环境行政处罚案件”须为不小于0的整数（单元格中为“-1”）"  # which, and what
    assert any("不能大于182" in t for t in where.values()) and len(where) == 3
    assert snapshot(ctx) == before and file_digest(bad) == digest


@pytest.mark.parametrize("change, expect_zh", [
    (lambda ws: ws.insert_cols(6), "H列应为“说明（未达标或变化异常时填写）”，现为“上年同期”"),  # a 备注 column after the value
    (lambda ws: ws.delete_cols(6), "H列应为“说明（未达标或变化异常时填写）”，现为“填报要求”"),
    (lambda ws: ws.delete_cols(1), "找不到表头行"),  # the hidden code column
    (lambda ws: ws.move_range("E4:E70", cols=5), "E列应为“本期数值”，现为“空白”"),
])  # fmt: skip
def test_a_template_whose_columns_moved_is_refused_not_read_from_the_wrong_column(ctx, tmp_path, change, expect_zh):
    """A clerk's column inserted or deleted would have each 说明 read from last year's figures or the requirements,
    and count as the explanation of a warning: the file is refused, saying which column holds what."""
    template = fill(make_template(ctx, "500101", H1, tmp_path / "t.xlsx"), tmp_path / "f.xlsx", {"air.pm25": "37.5"},
                    {"air.good_ratio": "降水偏多"})  # fmt: skip
    wb = openpyxl.load_workbook(template)
    change(wb.worksheets[0])
    wb.save(tmp_path / "moved.xlsx")
    before, digest = snapshot(ctx), file_digest(tmp_path / "moved.xlsx")
    result = import_file(ctx.store, tmp_path / "moved.xlsx", "wanzhou")
    assert result.status == REFUSED and expect_zh in result.problems[0].text.zh, result.problems
    assert snapshot(ctx) == before and file_digest(tmp_path / "moved.xlsx") == digest


def test_a_template_whose_title_rows_were_deleted_is_read_from_its_headings(ctx, tmp_path):
    template = fill(make_template(ctx, "500101", H1, tmp_path / "t.xlsx"), tmp_path / "f.xlsx", {"air.pm25": "37.5"})
    wb = openpyxl.load_workbook(template)
    wb.worksheets[0].delete_rows(1, 3)
    wb.save(tmp_path / "short.xlsx")
    result = import_file(ctx.store, tmp_path / "short.xlsx", "wanzhou")
    assert result.status == IMPORTED and str(ctx.store.unit_half(ctx.units.find("500101"), H1).raw["air.pm25"]) == "37.5"


def test_a_template_filled_from_an_older_reading_undoes_no_newer_edit(ctx, tmp_path):
    """Exported, then PM2.5 corrected in the program: the file's PM2.5 as exported does not undo the correction (said),
    the clerk's own cells are taken; filled in further and imported again, the same file is no conflict with itself;
    a cell changed on both sides is refused, the database and the file untouched."""
    import time

    unit, store = ctx.units.find("500101"), ctx.store
    template = make_template(ctx, "500101", H1, tmp_path / "t.xlsx")
    time.sleep(1.01)  # the identity sheet says when, to the second
    store.set_values("wanzhou", unit, H1, {"air.pm25": "36.6"}, {"air.pm25": "监测点位调整"})
    first = import_file(store, fill(template, tmp_path / "1.xlsx", {"enf.penalties": 21}), "wanzhou")
    assert first.status == IMPORTED and [(c.code, c.new) for c in first.changed] == [("enf.penalties", "21")]
    assert any("文件中仍是导出模板时的“38.1”，此后程序中已由 wanzhou 改为“36.6”，保留后者" in n.zh for n in first.notes)
    assert not any("说明：文件中仍是导出模板时的" in n.zh for n in first.notes)  # the file had no explanation there
    half = store.unit_half(unit, H1)
    assert str(half.raw["air.pm25"]) == "36.6" and half.raw["enf.penalties"] == 21 and half.explanations["air.pm25"] == "监测点位调整"
    again = import_file(store, fill(tmp_path / "1.xlsx", tmp_path / "2.xlsx", {"enf.penalties": 22}), "wanzhou")
    assert again.status == IMPORTED and store.unit_half(unit, H1).raw["enf.penalties"] == 22
    store.set_values("wanzhou", unit, H1, {"enf.penalties": "30"})
    both = fill(tmp_path / "2.xlsx", tmp_path / "3.xlsx", {"enf.penalties": 23})
    before, digest = snapshot(ctx), file_digest(both)
    refused = import_file(store, both, "wanzhou")
    assert refused.status == REFUSED and "在程序中改为“30”，文件中为“23”；两处都改过" in refused.problems[0].text.zh
    assert refused.problems[0].cell.startswith("E") and snapshot(ctx) == before and file_digest(both) == digest


def test_figures_typed_where_nothing_is_imported_are_said_not_passed_over(ctx, tmp_path):
    """95 typed over a calculated row, 25 in the 上期 column: neither is taken, and the result says so rather than only
    that nothing changed."""
    template = make_template(ctx, "500101", H1, tmp_path / "t.xlsx")
    untouched = import_file(ctx.store, template, "wanzhou")
    assert untouched.status == UNCHANGED and not any("只供对照" in n.zh for n in untouched.notes)  # as exported: nothing to say
    wb = openpyxl.load_workbook(template)
    ws = wb.worksheets[0]
    rows = {r[0].value: r[0].row for r in ws.iter_rows(min_row=5) if r[0].value}
    ws.cell(rows["air.good_ratio"], 5).value = 95  # over the formula
    ws.cell(rows["enf.penalties"], 6).value = 25  # 上期
    wb.save(tmp_path / "typed.xlsx")
    before = snapshot(ctx)
    result = import_file(ctx.store, tmp_path / "typed.xlsx", "wanzhou")
    (said,) = [n.zh for n in result.notes if "只供对照" in n.zh]
    assert result.status == UNCHANGED and snapshot(ctx) == before
    assert f"第{rows['air.good_ratio']}行优良天数比例（计算行）为“95”，程序中为“94.5”" in said
    assert f"第{rows['enf.penalties']}行环境行政处罚案件（上期列）为“25”" in said and "以下2处" in said


def test_a_template_from_another_database_is_taken_as_it_stands(ctx, tmp_path):
    """Its reading is not this database's: nothing to tell the clerk's cells from the program's, so as before."""
    from .test_numbers import elsewhere

    template = fill(make_template(ctx, "500101", H1, tmp_path / "t.xlsx"), tmp_path / "f.xlsx", {"enf.penalties": 21})
    other = elsewhere(ctx, tmp_path)
    try:
        other.store.set_values("wanzhou", other.units.find("500101"), H1, {"air.pm25": "36.6"})
        assert import_file(other.store, template, "wanzhou").status == IMPORTED
        half = other.store.unit_half(other.units.find("500101"), H1)
        assert str(half.raw["air.pm25"]) == "38.1" and half.raw["enf.penalties"] == 21
    finally:
        other.store.db.dispose()


@pytest.mark.parametrize(
    "setup, expect_zh",
    [
        ("other_unit", "不属于万州区"),
        ("locked", "已锁定"),
        ("catalog", "指标目录 2023.9 版"),
    ],
)
def test_identity_and_lock_refusals(ctx, tmp_path, setup, expect_zh):
    store = ctx.store
    unit, user = "500101", "wanzhou"
    if setup == "locked":
        unit, user = "500101", "wanzhou"  # signed off: locked against changes
        sign_off(ctx)
    template = make_template(ctx, unit, H1, tmp_path / "t.xlsx")
    if setup == "other_unit":
        user = "yuzhong"
    if setup == "catalog":
        wb = openpyxl.load_workbook(template)
        meta = wb["_ecoreport"]
        for row in meta.iter_rows():
            if row[0].value == "catalog_version":
                row[1].value = "2023.9"
        wb.save(template)
    template = fill(template, tmp_path / "f.xlsx", {"water.river_cases": 9})
    before = snapshot(ctx)
    result = import_file(store, template, user)
    assert result.status == REFUSED and expect_zh in result.problems[0].text.zh
    assert snapshot(ctx) == before


def test_expected_unit_and_half(ctx, tmp_path):
    template = fill(make_template(ctx, "500101", H1, tmp_path / "t.xlsx"), tmp_path / "f.xlsx", {"water.river_cases": 9})
    result = import_file(ctx.store, template, "admin", expect_unit=ctx.units.find("500103"))
    assert "该文件属于万州区，而不是渝中区" in result.problems[0].text.zh
    result = import_file(ctx.store, template, "admin", expect_semester=Semester(2023, 2))
    assert "2024年上半年" in result.problems[0].text.zh


def test_a_submission_edited_after_export_is_refused(ctx, tmp_path):
    sign_off(ctx)
    path = make_submission(ctx, "500101", H1, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    for row in wb["数据表"].iter_rows(min_row=7):
        if row[0].value == "water.sections_total":
            row[4].value = 9
    wb.save(path)
    before = snapshot(ctx)
    result = import_file(ctx.store, path, "reviewer")
    assert result.status == REFUSED and "被修改" in result.problems[0].text.zh
    assert snapshot(ctx) == before


def test_consolidation_sums_counts_and_recomputes_ratios(ctx, tmp_path, demo_copy):
    from datetime import date

    from desktop.exchange.consolidation_book import Issued, build_consolidation, district_rows
    from desktop.exchange.save import save_workbook

    accept_all(ctx.store, H1)  # the seed's figures are the city's once all 38 are accepted
    city = half_report(ctx.store, ctx.units.municipality, H1)
    issued = Issued(ctx.resources.form.authority, "李审核", date(2024, 7, 30))
    path = save_workbook(build_consolidation(city, district_rows(ctx.store, H1), ctx.catalog, issued=issued), tmp_path / "city.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names[0] == "全市汇总" and "水环境" in book.sheet_names and "目标达标情况" in book.sheet_names
    sheet = book.get_sheet_by_name("全市汇总").to_python()
    assert sheet[1][0] == "38个区县中已审核通过38个" and "初步" not in sheet[0][0]
    assert sheet[-1][0] == "制表单位：重庆市生态环境局　　制表人：李审核　　制表日期：2024年7月30日"
    summary = {r[1]: r for r in sheet if len(r) > 3}
    assert summary["水质优良比例"][3] == pytest.approx(98.6)
    assert summary["水质优良比例"][8] == "达标，高于目标1.3个百分点"
    assert summary["国控断面数"][3] == 74 and summary["国控断面数"][9] == "38个区县合计（共38个）"
    assert summary["优良天数"][3] == 163
    # One 同比 format: 百分点 for ratios, a signed change in the row's unit for counts (as the report writes them).
    assert summary["水质优良比例"][5] == "+1.3个百分点" and summary["优良天数"][5] == 6
    ws = openpyxl.load_workbook(path)["全市汇总"]
    good_days = next(r for r in ws.iter_rows() if r[1].value == "优良天数")
    assert good_days[5].number_format == "+#,##0;-#,##0;0"
    sections = next(r for r in ws.iter_rows() if r[1].value == "国控断面数")  # one line: not printed twice as tall
    assert ws.row_dimensions[sections[0].row].height < 20
    pm25 = next(r for r in ws.iter_rows() if r[1].value == "PM2.5平均浓度")
    assert pm25[5].alignment.horizontal == "right" and pm25[6].alignment.horizontal == "center"  # apart, not "-4.3≤ 37.0"
    texts = [str(cell.value) for row in ws.iter_rows() for cell in row if cell.value]
    assert not any("（示例）" in t for t in texts) and sum("示例" in t for t in texts) == 1  # one note for the starred
    water = book.get_sheet_by_name("水环境").to_python()
    assert len(water) == 1 + 38 + 1 + 1 and water[-2][1] == "全市" and water[-1][1] == "红色粗体：未达到目标。"  # the legend
    # The final total row mixes the city's own monitoring with the districts' sums: the monitored ones say so.
    air = book.get_sheet_by_name("大气环境").to_python()
    marked = {h.replace("\n", "").rsplit("（", 1)[0] for h in air[0] if str(h).endswith("※")}
    assert {"优良天数", "PM2.5平均浓度"} <= marked and "淘汰治理老旧车辆" not in marked
    assert air[-1][1] == "※ 全市数为市级监测值，不是各区县的合计。"
    reporting = book.get_sheet_by_name("报送情况").to_python()
    assert len(reporting) == 39
    # --json gives the city's figures with the keys of `show --json`
    out = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_copy), "consolidate", "2024H1", "--json",
                          "--user", "reviewer"], capture_output=True, text=True, check=True,
                         env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    data = json.loads(out.stdout)
    assert data["derived"]["water.excellent_ratio"] == 98.6 and data["values"]["water.sections_total"] == 74
    assert data["coverage"]["final"] and data["missing_units"] == []


def test_the_english_city_workbook_breaks_a_heading_word_only_at_a_hyphen(ctx, tmp_path):
    """A district sheet too wide for portrait prints its headings in landscape's narrow columns: a word wider than its
    column is hyphenated by the workbook, never left for the spreadsheet to cut where the width runs out
    (Enterprise over s, monitorin over g)."""
    from desktop.core.text import display_width
    from desktop.exchange.consolidation_book import build_consolidation, district_rows
    from desktop.exchange.save import save_workbook

    city = half_report(ctx.store, ctx.units.municipality, H1)
    path = save_workbook(build_consolidation(city, district_rows(ctx.store, H1), ctx.catalog, "en"), tmp_path / "city-en.xlsx")
    book = openpyxl.load_workbook(path)
    hyphenated = []
    for ws in book.worksheets:
        if ws.cell(1, 2).value != "District" or "\n(" not in str(ws.cell(1, 4).value):  # a topic's sheet
            continue
        for col in range(4, ws.max_column + 1):
            heading = str(ws.cell(1, col).value)
            room = ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width - 1
            lines = heading.split("\n")
            assert all(display_width(line) <= room for line in lines), (ws.title, lines, room)
            hyphenated += [line for line in lines if line.endswith("-") and line[-2].isalpha()]
    assert "monitor-" in hyphenated and "Enter-" in hyphenated  # the air sheet, in landscape


def test_the_city_workbook_says_which_of_the_citys_own_figures_are_not_entered(ctx, tmp_path):
    """The city's own air figures and the bureau's rows left blank read as nothing missing under 已审核通过38个."""
    from desktop.exchange.consolidation_book import build_consolidation, district_rows
    from desktop.exchange.save import save_workbook

    accept_all(ctx.store, H1)
    city = ctx.units.municipality
    own = [code for code in ctx.catalog.indicators if ctx.catalog.city_measured(code) and not ctx.catalog[code].derived]
    ctx.store.set_values("city", city, H1, {code: "" for code in own if code.startswith("air.")})
    report = half_report(ctx.store, city, H1)
    path = save_workbook(build_consolidation(report, district_rows(ctx.store, H1), ctx.catalog), tmp_path / "city.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    summary = {r[1]: r for r in book.get_sheet_by_name("全市汇总").to_python()}
    assert summary["PM2.5平均浓度"][3] == "未填报" and summary["优良天数比例"][3] == "未填报"  # derived from the city's own
    assert summary["水质优良比例"][3] == pytest.approx(98.6) and summary["长江干流水质类别"][3] == "Ⅱ"  # entered: as they are
    air = book.get_sheet_by_name("大气环境").to_python()
    total = next(r for r in air if r[1] == "全市")
    assert total[air[0].index(next(h for h in air[0] if str(h).startswith("PM2.5")))] == "未填报"
    english = openpyxl.load_workbook(save_workbook(build_consolidation(report, district_rows(ctx.store, H1), ctx.catalog, "en"),
                                                   tmp_path / "city-en.xlsx"))["Air"]  # fmt: skip
    said = [cell for cell in next(r for r in english.iter_rows() if r[1].value == "City") if cell.value == "not entered"]
    assert said and all(cell.alignment.wrap_text for cell in said)  # within its narrow column, not over its border


def test_the_city_workbook_takes_nothing_from_a_district_that_has_sent_nothing(ctx, tmp_path):
    """The demo's 渝中区 has values here but has not submitted: it is 未报送, with nothing counted or called complete."""
    from datetime import date

    from desktop.exchange.consolidation_book import Issued, build_consolidation, district_rows
    from desktop.exchange.save import save_workbook

    city = half_report(ctx.store, ctx.units.municipality, H1, "received")
    rows = {row.unit.code: row for row in district_rows(ctx.store, H1)}
    assert rows["500103"].reported == 0 and rows["500105"].reported > 0
    assert all(a.actual is None for a in rows["500103"].attainments.values())  # no target met or missed on its draft
    issued = Issued(ctx.resources.form.authority, "李审核", date(2024, 7, 30))
    path = save_workbook(build_consolidation(city, list(rows.values()), ctx.catalog, issued=issued), tmp_path / "city.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    reporting = {r[1]: r for r in book.get_sheet_by_name("报送情况").to_python()[1:]}
    assert reporting["渝中区"][2:] == ["未报送", "否", "—", 43, "—"]
    assert reporting["江北区"][2] == "已通过" and reporting["江北区"][3] == "是" and reporting["江北区"][6] == "完整"
    water = {r[1]: r for r in book.get_sheet_by_name("水环境").to_python()}
    assert set(water["渝中区"][2:]) <= {"—", "", "未报送"}  # no figure
    # The provisional total row counts 35 districts; the air figures in it are the city's own monitoring, and say so.
    air = book.get_sheet_by_name("大气环境").to_python()
    marked = [h.replace("\n", "").rsplit("（", 1)[0] for h in air[0] if str(h).endswith("※")]  # a name over its lines
    assert "优良天数比例" in marked and "PM2.5平均浓度" in marked
    assert any(str(r[1]).startswith("※ 全市数为市级监测值") for r in air)
    assert not any(str(h).endswith("※") for h in book.get_sheet_by_name("水环境").to_python()[0])
    # A summed total's target is listed, as the dashboard lists it, and not judged; the city's own measurement is.
    sheet = book.get_sheet_by_name("全市汇总").to_python()
    assert sheet[2][3] == "全市\n（初步）"  # the heading broken before its parenthesis, as printed
    summary = {r[1]: r for r in sheet}
    sum_based, measured = summary["水质优良比例"], summary["PM2.5平均浓度"]
    assert sum_based[6] and sum_based[7] and sum_based[8] == "暂不评价：初步合计数" and sum_based[5] == "—"
    assert measured[6] and measured[8] not in ("—", "暂不评价：初步合计数")


def test_a_city_workbook_with_nothing_counted_says_so_beside_each_target(ctx, tmp_path):
    """Before any district of the half is in, a target stands beside no total: not called a provisional one."""
    from python_calamine import CalamineWorkbook

    from desktop.exchange.consolidation_book import build_consolidation, district_rows
    from desktop.exchange.save import save_workbook

    with ctx.store.db.engine.begin() as conn:  # the demo's accepted districts, reopened: none is accepted
        conn.exec_driver_sql("UPDATE submission SET status = 'reopened' WHERE semester = '2024H1' AND status = 'accepted'")
    city = half_report(ctx.store, ctx.units.municipality, H1, "accepted")
    assert not city.half.consolidated.coverage.counted
    path = save_workbook(build_consolidation(city, district_rows(ctx.store, H1), ctx.catalog), tmp_path / "city.xlsx")
    summary = {r[1]: r for r in CalamineWorkbook.from_path(str(path)).get_sheet_by_name("全市汇总").to_python()}
    assert summary["水质优良比例"][3] == "" and summary["水质优良比例"][6]
    assert summary["水质优良比例"][8] == "暂不评价：尚无计入的数据"


def test_a_district_without_data_is_listed_as_missing(ctx, tmp_path):
    accept_all(ctx.store, H1)
    with ctx.store.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM value WHERE unit_code = '500243' AND semester = '2024H1'")
    city = half_report(ctx.store, ctx.units.municipality, H1)
    assert city.half.consolidated.missing_units == ["500243"]
    assert city.half.consolidated.contributors["water.sections_total"] == 37


def test_a_filled_template_uses_the_same_number_parser(ctx, tmp_path):
    template = make_template(ctx, "500101", H1, tmp_path / "t.xlsx")
    filled = fill(template, tmp_path / "f.xlsx", {"air.pm25": "12,5", "enf.penalties": "1,234", "air.days_good": "１００"})
    before = snapshot(ctx)
    result = import_file(ctx.store, filled, "wanzhou")
    assert result.status == REFUSED and snapshot(ctx) == before
    assert [(p.code, "如为小数请用小数点" in p.text.zh) for p in result.problems] == [("air.pm25", True)]
    fixed = fill(template, tmp_path / "g.xlsx", {"air.pm25": "12.5", "enf.penalties": "1,234", "air.days_good": "１００"})
    assert import_file(ctx.store, fixed, "wanzhou").status == IMPORTED
    half = ctx.store.unit_half(ctx.units.find("500101"), H1)
    assert (half.raw["air.pm25"], half.raw["enf.penalties"], half.raw["air.days_good"]) == (Decimal("12.5"), 1234, 100)


def test_formulas_in_a_filled_template_are_never_taken_silently(ctx, tmp_path):
    from .helpers import with_saved_results

    template = make_template(ctx, "500101", H1, tmp_path / "t.xlsx")
    # What a generator without a calculation engine saves: a formula with no result; Excel saves its result.
    computed = fill(template, tmp_path / "computed.xlsx", {"enf.penalties": "=20+5"})
    wb = openpyxl.load_workbook(computed)
    cell = next(r for r in wb.worksheets[0].iter_rows(min_row=5) if r[0].value == "enf.penalties")[4].coordinate
    wb.close()
    before = snapshot(ctx)
    refused = import_file(ctx.store, computed, "wanzhou")  # no saved result: refused, naming the cell
    assert refused.status == REFUSED and refused.problems[0].cell == cell and "没有保存的计算结果" in refused.problems[0].text.zh
    assert snapshot(ctx) == before
    taken = import_file(ctx.store, with_saved_results(computed, tmp_path / "saved.xlsx", {"20+5": "25"}), "wanzhou")
    assert taken.status == IMPORTED
    assert any(cell in n.zh and "=20+5" in n.zh and "25" in n.zh for n in taken.notes)  # listed with formula and value
    assert ctx.store.unit_half(ctx.units.find("500101"), H1).raw["enf.penalties"] == 25


def test_the_targets_sheet_lists_the_citys_own_misses_first(ctx, tmp_path):
    from datetime import date

    from desktop.exchange.consolidation_book import Issued, build_consolidation, district_rows
    from desktop.exchange.save import save_workbook

    accept_all(ctx.store, H1)
    ctx.store.set_values("city", ctx.units.municipality, H1, {"air.pm25": "38.2"}, reason="复核后更正")  # above ≤ 37.0
    city = half_report(ctx.store, ctx.units.municipality, H1)
    issued = Issued(ctx.resources.form.authority, "李审核", date(2024, 7, 30))
    path = save_workbook(build_consolidation(city, district_rows(ctx.store, H1), ctx.catalog, issued=issued), tmp_path / "city.xlsx")
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("目标达标情况").to_python()
    assert sheet[0][:3] == ["指标", "区县", "状态"]
    assert sheet[1][:4] == ["PM2.5平均浓度", "重庆市", "全市", pytest.approx(38.2)] and sheet[1][5].startswith("未达标")


def test_a_missed_target_of_a_district_not_yet_counted_is_marked_too(ctx, tmp_path):
    """The legend said 红色粗体 = 未达到目标, and 忠县's PM2.5 of 45.0 against ≤ 40.0 stood in grey like any other."""
    from desktop.exchange.consolidation_book import build_consolidation, district_rows

    city = half_report(ctx.store, ctx.units.municipality, H1)  # five accepted: 忠县 received, not counted
    rows = district_rows(ctx.store, H1)
    zhong = next(r for r in rows if r.unit.name.zh == "忠县")
    assert zhong.attainments["air.pm25"].status == "missed" and zhong.status == "submitted"
    ws = build_consolidation(city, rows, ctx.catalog)["大气环境"]
    heads = [str(c.value or "").replace("\n", "") for c in ws[1]]
    col = next(i for i, h in enumerate(heads, start=1) if h.startswith("PM2.5平均浓度"))
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "忠县")
    font = ws.cell(row, col).font
    assert font.color.rgb.endswith("9C0006") and font.italic and not font.bold  # red, and still marked not counted
    legend = [str(ws.cell(r, 2).value) for r in range(row, ws.max_row + 1)]
    assert "灰色斜体：尚未审核通过的区县，不计入全市合计；其中红色斜体为未达到目标。" in legend
