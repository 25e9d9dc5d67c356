"""The 催报 notice as the bureau sends it: the late districts in a table, or, when none is late, the sentence alone."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from desktop.core.semester import Semester
from desktop.core.text import Text
from desktop.exchange.reminder_notice import build_reminder
from desktop.exchange.save import save_workbook

H1 = Semester(2024, 1)
BUREAU = Text("重庆市生态环境局", "Chongqing Ecological Environment Bureau")


def test_when_every_district_has_reported_the_notice_has_no_empty_table(tmp_path):
    book = build_reminder([], H1, date(2024, 7, 20), BUREAU, date(2024, 7, 25))
    rows = CalamineWorkbook.from_path(str(save_workbook(book, tmp_path / "r.xlsx"))).get_sheet_by_name("催报通知").to_python()
    text = [str(v) for row in rows for v in row if v not in ("", None)]
    assert "截至2024年7月25日，各区县2024年上半年生态环境指标均已报送。" in text
    assert "逾期天数" not in text and "区县" not in text  # no headings over nothing
    assert text[-1] == "制表单位：重庆市生态环境局　　日期：2024年7月25日"


def test_without_a_deadline_the_notice_names_none_and_counts_no_day_overdue(tmp_path):
    """It read 截止日期为（未设定） and 0 days overdue for every district."""
    from desktop.core.units import Unit
    from desktop.core.workflow import Status
    from desktop.store.review import InboxRow

    unit = Unit("500101", Text("万州区", "Wanzhou"), "district", "500000")
    row = InboxRow(unit, Status.DRAFT, 0, None, None, 0, 0, 0, 0)
    book = build_reminder([row], H1, None, BUREAU, date(2024, 7, 25))
    rows = CalamineWorkbook.from_path(str(save_workbook(book, tmp_path / "r.xlsx"))).get_sheet_by_name("催报通知").to_python()
    assert rows[1][0].startswith("截至2024年7月25日，下列1个区县尚未报送2024年上半年生态环境指标") and "截止日期" not in rows[1][0]
    listed = next(r for r in rows if r[1] == "万州区")
    assert listed[3:5] == ["—", "—"]
