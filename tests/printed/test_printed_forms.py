"""What the bureau prints: each workbook through LibreOffice to PDF and PNG, read back page by page."""

from __future__ import annotations

import re

import pytest

from desktop.core.semester import Semester

from .pages import ink, pdftoppm, read_pages, soffice, to_pdf, to_png

pytestmark = [pytest.mark.skipif(soffice is None or pdftoppm is None, reason="LibreOffice or poppler is not installed"),
              pytest.mark.slow]  # fmt: skip
H1 = Semester(2024, 1)
PEOPLE = {"head": "张立军", "stats": "李红梅", "preparer": "王小琴", "phone": "023-58231234", "date": "2024年7月12日"}


@pytest.fixture
def ctx(demo_copy, resources):
    from desktop.context import open_context

    context = open_context(str(demo_copy), resources=resources)
    yield context
    context.store.db.dispose()


def signed_submission(ctx, path):
    from desktop.exchange.export import submission_workbook
    from desktop.exchange.save import save_workbook

    unit = ctx.units.find("500101")
    for r in ctx.store.checks(unit, H1):
        if r.blocking and r.severity == "warning":
            ctx.store.set_values("wanzhou", unit, H1, {}, {r.codes[0]: "新增两个监测点位，已与市监测站核实"})
    ctx.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1, PEOPLE)
    return save_workbook(submission_workbook(ctx.store, unit, H1, "zh"), path)


def test_the_signed_submission_prints_as_an_official_form(ctx, tmp_path):
    pdf = to_pdf(signed_submission(ctx, tmp_path / "submission.xlsx"), tmp_path)
    pages = read_pages(pdf)
    count = len(pages)
    # Every page: 宋体's family only, nothing under 9 pt, and 第x页 共y页 in its footer.
    for page in pages:
        assert min(page.sizes) >= 9, (page.number, sorted(page.sizes))
        assert len(page.fonts) == 1 and page.fonts <= {"NotoSerifCJKjp", "SimSun"}, page.fonts
        assert f"第{page.number}页 共{count}页" in page.text
    values = [p for p in pages if "数据表" in p.text and "行号" in p.text]
    assert all("万州区　2024年上半年" in p.text for p in values[1:])  # later pages say whose form they are
    assert len(values) == 3, [p.number for p in values]  # A4 landscape, fitted to the width
    # The statutory marks at the top, the people of the sign-off at the bottom, beside at least three rows of
    # figures: the last page is never only the signatures.
    assert all(mark in values[0].text for mark in ("表　　号：生环半年1表", "批准机关：重庆市统计局", "有效期至：2027年12月"))
    last = values[-1].text
    assert all(f"{label}：{PEOPLE[key]}" in last for label, key in (("单位负责人", "head"), ("填表人", "preparer"),
                                                                     ("联系电话", "phone"), ("报出日期", "date")))  # fmt: skip
    assert sum(f"\n{n} " in "\n" + last or f"{n}\n" in last for n in range(45, 54)) >= 3
    assert "53" in last and "信访举报阶段性办结" in last
    # The checks in words, with the district's explanation; no rule ids.
    checks = next(p for p in pages if "审核结果（万州区" in p.text).text
    assert "新增两个监测点位，已与市监测站核实" in checks and "yoy:" not in checks and "target:" not in checks
    # Each page draws as a page with something on it.
    assert len(to_png(pdf, tmp_path)) == count
    assert all(share > 0.004 for share in ink(pdf, tmp_path))


def test_the_city_workbook_prints_readably_and_says_how_final_it_is(ctx, tmp_path):
    from datetime import date

    from desktop.exchange.consolidation_book import Issued, build_consolidation, district_rows
    from desktop.exchange.save import save_workbook
    from desktop.store.reports import half_report

    city = half_report(ctx.store, ctx.units.municipality, H1)  # five of 38 accepted: provisional
    issued = Issued(ctx.resources.form.authority, "李审核", date(2024, 7, 30))
    path = save_workbook(build_consolidation(city, district_rows(ctx.store, H1), ctx.catalog, "zh", issued), tmp_path / "city.xlsx")
    from python_calamine import CalamineWorkbook

    water = {r[0]: r for r in CalamineWorkbook.from_path(str(path)).get_sheet_by_name("水环境").to_python()}
    assert water["500101"][2] == "未报送" and set(water["500101"][3:]) == {"—"}  # a district's unsent draft is not printed
    assert water["500104"][2] == "已通过" and water["500104"][3] == 2
    pages = read_pages(to_pdf(path, tmp_path))
    count = len(pages)
    for page in pages:
        assert min(page.sizes) >= 9, (page.number, sorted(page.sizes))
        assert len(page.fonts) == 1, page.fonts
        assert f"第{page.number}页 共{count}页" in page.text
    text = "".join(p.text for p in pages)
    assert "初步数据：38个区县中已审核通过5个" in pages[0].text and "（初步）" in pages[0].text
    assert "制表单位：重庆市生态环境局" in text and "制表人：李审核" in text and "制表日期：2024年7月30日" in text
    assert "示例）" not in text and "（示例" not in text
    # A provisional total is not compared with last year's whole city; ratios compare in 百分点 once final.
    assert "暂不与上年同期比较（—），目标照列，暂不评价达标情况" in text and "全市（初步，计入5个区县）" in text
    # Each topic's districts with their names whole; a topic of up to eight indicators on one portrait page.
    for topic in ("土壤环境", "固体废物", "应对气候变化", "环评与分区管控", "执法监管", "中央生态环境保护督察"):
        shown = [p for p in pages if topic in p.text and "各区县数据" in p.text]
        assert len(shown) == 1 and "彭水苗族土家族自治县" in shown[0].text and "全市（初步" in shown[0].text, topic
    assert count <= 15
    # A heading breaks where Chinese typesetting allows: not "水质优良（" over "Ⅰ～Ⅲ类）", nor "有效监测天" over "数".
    for page in pages:
        if "各区县数据" in page.text:
            lines = [line.strip() for line in page.text.split("\n")]
            assert not [line for line in lines if line.endswith("（") or line.startswith("）") or re.fullmatch("[\u4e00-\u9fff]", line)], page.number
    summary = pages[0].text + pages[1].text
    assert "微克/立方米" in summary  # the unit on one line, not 微克/立方 over 米


def test_the_city_workbook_in_english_prints_at_nine_points_or_more(ctx, tmp_path):
    """Its notes ran past the table unwrapped, and the page shrank to hold them: 8.7 pt."""
    from datetime import date

    from desktop.exchange.consolidation_book import Issued, build_consolidation, district_rows
    from desktop.exchange.save import save_workbook
    from desktop.store.reports import half_report

    city = half_report(ctx.store, ctx.units.municipality, H1)
    issued = Issued(ctx.resources.form.authority, "Li", date(2024, 7, 30))
    book = build_consolidation(city, district_rows(ctx.store, H1), ctx.catalog, "en", issued)
    pages = read_pages(to_pdf(save_workbook(book, tmp_path / "city-en.xlsx"), tmp_path))
    assert all(min(p.sizes) >= 9 for p in pages), [(p.number, min(p.sizes)) for p in pages]
    assert len(pages) <= 24  # 33 before its columns were sized to their words
    inspection = [p.text for p in pages if "Central environmental inspection" in p.text]  # whole, not cut at 31
    assert inspection and all("inspectio:" not in t and "inspectio\n" not in t for t in inspection)


def test_the_report_is_a_word_document_in_the_bureaus_layout(ctx, tmp_path, demo_copy):
    import os
    import subprocess
    import sys

    from conftest import accept_all
    from docx import Document
    from docx.shared import Pt

    accept_all(ctx.store, H1)  # final figures: the seed report's own
    path = tmp_path / "report.docx"
    subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_copy), "--user", "reviewer", "report", "2024H1",
                    "-o", str(path)], check=True, env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    doc = Document(str(path))
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    fonts = {p.text: (p.runs[0].font.name, p.runs[0].font.size) for p in paragraphs}
    title = paragraphs[0].text
    assert title == "重庆市2024年上半年\n生态环境质量状况及重点工作情况" and fonts[title][1] == Pt(22)  # broken after the period
    headings = [p.text for p in paragraphs if fonts[p.text][0] == "黑体"]
    assert headings == ["一、生态环境质量状况", "二、重点工作推进情况"]
    subheadings = [p.text for p in paragraphs if fonts[p.text][0] == "楷体"]
    assert subheadings[:3] == ["（一）水环境", "（二）大气环境", "（三）土壤环境"] and subheadings[3] == "（一）大气环境"
    body = [p for p in paragraphs if fonts[p.text][0] == "仿宋" and p.text.startswith("上半年")]
    assert body and all(fonts[p.text][1] == Pt(16) and p.paragraph_format.first_line_indent == Pt(32) for p in body)
    assert "74个国控断面水质优良比例为98.6%，高于国家考核目标1.3个百分点" in body[0].text
    assert paragraphs[-1].text.endswith("日") and paragraphs[-2].text == "重庆市生态环境局"
    # The 落款 is kept with the last paragraph: never a page of its own (the English report's fourth page was).
    assert paragraphs[-3].paragraph_format.keep_with_next and paragraphs[-2].paragraph_format.keep_with_next
    section = doc.sections[0]
    assert [round(x.mm) for x in (section.page_width, section.page_height, section.top_margin, section.left_margin)] == [210, 297, 37, 28]
    assert "PAGE" in section.footer.paragraphs[0]._element.xml and "PAGE" in section.even_page_footer.paragraphs[0]._element.xml
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    # 公文: an odd page's number on the right, an even page's on the left.
    assert doc.settings.odd_and_even_pages_header_footer
    assert section.footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert section.even_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    from datetime import UTC, datetime, timedelta

    props = doc.core_properties  # its maker and day, not python-docx's template's
    assert props.author == props.last_modified_by == "重庆市生态环境局" and props.comments.startswith("EcoReport ")
    assert datetime.now(UTC) - props.created < timedelta(minutes=10) and props.title.startswith("重庆市2024年上半年")
    # Printed: numbered pages (— 1 —), the 三号 body, and nothing from a provisional line.
    pages = read_pages(to_pdf(path, tmp_path))
    assert all(f"{p.number} " in p.text.replace("—", " ").replace("–", " ") for p in pages)
    assert all(16.0 in p.sizes for p in pages[:-1]) and "初步数据" not in "".join(p.text for p in pages)


def test_the_query_list_prints_at_nine_points_or_more(ctx, tmp_path):
    """Its long texts wrap in their columns: fitted to A4's width, it printed at six points."""
    from desktop.exchange.query_list import build_query_list
    from desktop.exchange.save import save_workbook
    from desktop.store.review import QUERY_STATES, Review

    review = Review(ctx.store)
    review.open_query("reviewer", ctx.units.find("500109"), H1, "air.pm25",
                      "PM2.5同比变化较大，请核实监测点位是否调整，并提供监测站的月度报告和相关说明材料，以便市局复核。")  # fmt: skip
    from datetime import date

    book = build_query_list(review.unresolved(H1), ctx.catalog, H1, QUERY_STATES, issued=(ctx.resources.form.authority, date(2024, 7, 30)))
    pages = read_pages(to_pdf(save_workbook(book, tmp_path / "queries.xlsx"), tmp_path))
    assert len(pages) == 1 and min(pages[0].sizes) >= 9, [(p.number, min(p.sizes)) for p in pages]
    assert "制表单位：重庆市生态环境局　　制表日期：2024年7月30日" in pages[0].text  # who sends it round, and when
    assert "以便市局复核" in pages[0].text.replace("\n", "")  # the question whole


def test_the_english_submission_prints_at_nine_points_or_more(ctx, tmp_path):
    from desktop.exchange.export import submission_workbook
    from desktop.exchange.save import save_workbook

    path = save_workbook(submission_workbook(ctx.store, ctx.units.find("500104"), H1, "en"), tmp_path / "en.xlsx")
    pages = read_pages(to_pdf(path, tmp_path))
    assert all(min(p.sizes) >= 9 and len(p.fonts) == 1 for p in pages), [(p.number, min(p.sizes)) for p in pages]
    assert "Approved by: Chongqing Municipal Bureau of Statistics" in " ".join(pages[1].text.split())  # wrapped, whole
    checks = next(p.text for p in pages if "Explanation given" in p.text)
    assert "Severity" in checks.split()  # its column as wide as its heading's word: not Severit over y


def test_the_template_prints_legibly_its_topics_kept_with_their_rows(ctx, tmp_path):
    """Printed for filling on paper, it came out at 7 pt (Calibri's column widths), its requirements running over
    the next rows, and a topic's heading could end a page."""
    from openpyxl import load_workbook

    from desktop.exchange.save import save_workbook
    from desktop.exchange.template import build_template

    unit, store = ctx.units.find("500101"), ctx.store
    book = build_template(ctx.catalog, unit, H1, store.figures(unit, H1), store.figures(unit, H1.previous()),
                          store.figures(unit, H1.same_last_year()), {}, "zh")  # fmt: skip
    path = save_workbook(book, tmp_path / "template.xlsx")
    pages = read_pages(to_pdf(path, tmp_path))
    assert len(pages) <= 3 and all(min(p.sizes) >= 9 for p in pages), [(p.number, min(p.sizes)) for p in pages]
    ws = load_workbook(path).worksheets[0]
    topics = {r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value and ws.cell(r, 1).value is None}
    assert topics and ws.row_breaks.brk and not [b.id for b in ws.row_breaks.brk if b.id in topics]
    long_rule = next(r for r in range(5, ws.max_row + 1) if len(str(ws.cell(r, 9).value or "")) > 20)
    assert ws.row_dimensions[long_rule].height > 20  # as tall as its wrapped requirement
