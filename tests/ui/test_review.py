"""The bureau's screens, driven through their widgets: inbox import, queries, return, version diff, accept,
outliers, dashboard, audit viewer."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog, QInputDialog
from sqlmodel import select

from desktop.core.semester import Semester
from desktop.exchange.export import submission_workbook
from desktop.exchange.save import save_workbook
from desktop.store.review import Review
from desktop.ui.models.simple_table import ROW_ROLE

from .conftest import open_gui
from .modals import Modals, close


def accept_with(comment: str = "", expect: list[str] | None = None, excluded: list[str] | None = None):
    """The accept dialog answered: what it lists checked, a comment typed, Accept pressed."""

    def answer(dialog):
        from desktop.ui.dialogs.accept import AcceptDialog

        assert isinstance(dialog, AcceptDialog), type(dialog)
        if expect is not None:
            assert [dialog.accepted.item(i).text() for i in range(dialog.accepted.count())] == expect
        if excluded is not None:
            assert [dialog.excluded.item(i).text() for i in range(dialog.excluded.count())] == excluded
        dialog._comment.setPlainText(comment)
        dialog.ok_button.click()

    return answer

H1 = Semester(2024, 1)


def open_copy(source, tmp_path, resources):
    """A district's own installation: a copy of `source`, opened."""
    from desktop.context import open_context

    path = tmp_path / "district.sqlite3"
    shutil.copy(source, path)
    return open_context(str(path), resources=resources)


@pytest.fixture
def district(demo_db, tmp_path, resources):
    ctx = open_copy(demo_db, tmp_path, resources)
    yield ctx
    ctx.store.db.dispose()


@pytest.fixture(scope="session")
def signed_district_db(demo_db, tmp_path_factory, resources):
    """The demo with every district's 2024H1 signed off, and each one's submission exported: made once, for the tests
    that only send the bureau what the districts signed (signing 38 took 14 s a test)."""
    folder = tmp_path_factory.mktemp("signed")
    ctx = open_copy(demo_db, folder, resources)
    exported = export_all(ctx, folder)
    mark = ctx.store.change_mark()
    ctx.store.db.dispose()
    return folder / "district.sqlite3", mark, exported


_EXPORTED: dict[int, tuple] = {}  # id of a signed district's context → (its change mark then, its exported files)


@pytest.fixture
def signed_district(signed_district_db, tmp_path, resources):
    """A copy of the district with every 2024H1 signed off; export_all copies its files while it is unchanged."""
    source, mark, exported = signed_district_db
    ctx = open_copy(source, tmp_path, resources)
    _EXPORTED[id(ctx)] = (mark, exported)
    yield ctx
    del _EXPORTED[id(ctx)]
    ctx.store.db.dispose()


@pytest.fixture
def bureau_db(tmp_path, resources):
    """An empty bureau database with a reviewer: everything it knows arrives by file."""
    from desktop.context import open_context
    from desktop.store import demo, users

    path = tmp_path / "bureau.sqlite3"
    ctx = open_context(str(path), resources=resources)
    with ctx.store.session() as s:
        users.create(s, ctx.units, "admin", "admin", "ecoreport", "admin")
        users.create(s, ctx.units, "admin", "reviewer", "ecoreport", "reviewer")
        s.commit()
    demo.use_demo_setup(ctx.store)  # the demo's targets, as the districts have them
    ctx.store.db.dispose()
    return path


def export_all(ctx, folder, bureau=None) -> list:
    """Every district's signed submission; here one installation stands in for all 38 district PCs.

    With `bureau`, the bureau first registers each district's public key, as it would from their key files.
    """
    from conftest import sign_off_any

    from desktop.store import keys

    for unit in ctx.units.districts():
        if ctx.submissions.sign_off_of(unit, H1) is None:
            sign_off_any(ctx, unit)
        if bureau is not None:
            keys.register(bureau.context().store, "reviewer", unit, keys.own_public_key(ctx.store, unit)[0])
    mark, exported = _EXPORTED.get(id(ctx), (None, []))
    if exported and ctx.store.change_mark() == mark:  # what this district would write now: written already
        return [Path(shutil.copy(path, folder / path.name)) for path in exported]
    return [save_workbook(submission_workbook(ctx.store, unit, H1), folder / f"{unit.code}.xlsx") for unit in ctx.units.districts()]


@pytest.fixture
def reviewer(qapp, qtbot, bureau_db, settings, dialogs):
    from desktop.ui import i18n

    gui = open_gui(qapp, bureau_db, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    gui.window.select("", "2024H1")  # the half the districts' files are for (an empty bureau opens on today's)
    yield gui
    i18n.remove(qapp, gui.translators)
    gui.context().store.db.dispose()


def test_import_38_workbooks_into_the_inbox(reviewer, signed_district, tmp_path):
    window = reviewer.window
    assert window.inbox.model.rowCount() == 38
    assert all(r.status == "draft" for r in window.inbox.model.rows())
    results = window.inbox.import_paths(export_all(signed_district, tmp_path, reviewer))
    assert len(results) == 38 and all(r.status == "imported" for r in results)
    assert window.inbox.results.count() == 39  # a line for each, under the count of each outcome
    assert window.inbox.results.item(0).text() == "共 38 个文件：已导入 38 个，无变化 0 个，被拒绝 0 个"
    assert all(r.status == "submitted" for r in window.inbox.model.rows())
    assert "38" in window.inbox.summary.text()
    # A refused file says why and changes nothing.
    (tmp_path / "broken.xlsx").write_text("不是工作簿")
    window.inbox.import_paths([tmp_path / "broken.xlsx"])
    assert "不是有效的 Excel 工作簿" in window.inbox.results.item(1).text()


def test_files_for_another_half_are_offered_to_be_imported_there(reviewer, signed_district, tmp_path, monkeypatch):
    """The bureau opened on the current half; every file was for 2024年上半年 and each was refused alone, with no
    word of what to do."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.core.semester import Semester

    window = reviewer.window
    files = [p for p in export_all(signed_district, tmp_path, reviewer) if p.stem in ("500101", "500102")]
    window.half_box.setCurrentIndex(window.half_box.findData(str(H1.next())))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    window.inbox.import_paths(files)
    assert asked == ["这 2 个文件的报告期为2024年上半年，而不是当前的2024年下半年。切换到2024年上半年并导入这些文件？"]
    assert window.controller.semester == H1 and window.half_box.currentData() == "2024H1"
    assert window.inbox.results.item(0).text() == "共 2 个文件：已导入 2 个，无变化 0 个，被拒绝 0 个"
    rows = {r.unit.code: r.status for r in window.inbox.model.rows()}
    assert rows["500101"] == rows["500102"] == "submitted"
    assert isinstance(window.controller.semester, Semester)


def test_a_bureau_without_the_history_sees_the_checks_the_district_signed(reviewer, district, tmp_path):
    """The bureau's first half in the program holds no earlier year: its own checks find no year-on-year change, and
    the district's 说明 stood beside 审核结果 — with nothing to say what it answered. The file carries the district's."""
    window = reviewer.window
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    window.inbox.import_paths([p for p in export_all(district, tmp_path, reviewer) if p.stem == "500101"])
    assert not [r for r in reviewer.context().store.checks(unit, H1) if r.kind == "yoy"]  # the bureau's own: none
    window.open_unit("500101")
    page = window.review
    good = {r.code: r for r in page.model.rows()}["air.good_ratio"]
    assert good.findings.startswith("区县报送时警告：“优良天数比例”同比变化") and good.findings.endswith("（说明：降水偏多）")
    assert good.severity == "warning" and good.large_change
    page.select_code("air.good_ratio")
    assert "区县报送时警告" in page.detail.toPlainText()
    # …and in the findings across districts (it listed none: the bureau's own checks found nothing).
    window.findings.refresh()
    found = [r for r in window.findings.model.rows() if r.unit_code == "500101"]
    assert [(r.code, r.severity, r.explained, r.unexplained) for r in found] == [("air.good_ratio", "warning", "降水偏多", False)]
    assert found[0].message.startswith("区县报送时：“优良天数比例”同比变化")


def test_query_return_answer_version_two_diff_and_accept(reviewer, district, tmp_path, monkeypatch):
    window = reviewer.window
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1,
                                  {"head": "王局长", "stats": "李统计", "phone": "023-58123456", "date": "2024-07-15"})  # fmt: skip
    first = tmp_path / "v1"
    first.mkdir()
    window.inbox.import_paths([p for p in export_all(district, first, reviewer) if p.stem == "500101"])
    window.open_unit("500101")
    page = window.review
    assert page.accept_button.isEnabled()
    # Who answers for the figures, by name, and how to reach them, as the signed form says.
    assert "填表人 万州区填报员，审核人 万州区审核人，单位负责人 王局长，统计负责人 李统计，联系电话 023-58123456，报出日期 2024-07-15" \
        in page.title.text()  # fmt: skip
    page.select_code("air.pm25")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("请核实PM2.5", True)))
    page.raise_query()
    assert page.queries.model.rowCount() == 1
    assert "审核中" in page.title.text()
    asked, answers = [], iter([("  ", True), ("PM2.5需核实", True)])  # a blank reason first: asked again
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a: asked.append(a[2]) or next(answers)))
    page.return_half()
    assert len(asked) == 2 and "原因" in asked[1] and asked[1] != asked[0]
    assert "已退回" in page.title.text() and not page.accept_button.isEnabled()
    assert "原因：PM2.5需核实" in page.title.text()
    review_file = tmp_path / "review.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(review_file), "")))
    page.export()
    assert review_file.exists()
    # The district answers and resubmits as version 2.
    from desktop.exchange.importer import import_file

    assert import_file(district.store, review_file, "wanzhou").status == "imported"
    thread = Review(district.store).threads(unit, H1)[0]
    Review(district.store).reply("wanzhou", thread.uid, "已核实，更正为37.0")
    district.store.set_values("wanzhou", unit, H1, {"air.pm25": "37.0"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    second = tmp_path / "v2"
    second.mkdir()
    window.inbox.import_paths([p for p in export_all(district, second) if p.stem == "500101"])
    rows = {r.code: r for r in page.model.rows()}
    assert rows["air.pm25"].changed and rows["air.pm25"].previous_version == "38.1" and rows["air.pm25"].value == "37.0"
    assert not rows["air.days_valid"].changed
    assert "第 2 版" in page.title.text() or "version 2" in page.title.text()
    page.queries.table.selectRow(0)
    assert "37.0" in page.queries.thread.toPlainText()
    page.queries.resolve_button.click()
    modals = Modals()
    modals.run(page.accept_button.click, close())  # asked, and cancelled: nothing happens
    assert reviewer.context().store.status(unit, H1) != "accepted"
    modals.run(page.accept_button.click, accept_with("数据已核实"))
    assert "已通过" in page.title.text() and "意见：数据已核实" in page.title.text()  # a comment, not a reason
    assert window.statusBar().currentMessage().startswith("已通过。请导出审核意见")  # how the district learns of it
    assert reviewer.context().store.status(unit, H1) == "accepted"
    assert Review(reviewer.context().store).decision(unit, H1) == ("accepted", "数据已核实")  # the comment, with the decision


def test_a_planted_outlier_is_flagged(reviewer, signed_district, tmp_path):
    from PySide6.QtWidgets import QApplication

    window = reviewer.window
    window.inbox.import_paths(export_all(signed_district, tmp_path, reviewer))
    store = reviewer.context().store
    with store.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE value SET value = '380.5' WHERE unit_code = '500110' AND code = 'air.pm25'")
    window.open_unit("500110")
    rows = {r.code: r for r in window.review.model.rows()}
    assert rows["air.pm25"].outlier.startswith("离群：远高于各区县（中位数")  # in words, not a z-score
    assert rows["air.days_valid"].outlier == ""
    # Three lines under the grid read whole, as Chinese is laid out: the third (离群…) was cut off.
    page = window.review
    window.resize(1366, 740)
    window.show()
    page.detail.setHtml("<b>PM2.5平均浓度</b> 审核结果：—<br>说明：—<br>" + rows["air.pm25"].outlier)
    QApplication.processEvents()
    assert page.detail.verticalScrollBar().maximum() == 0
    window.open_unit("500101")
    assert {r.code: r for r in window.review.model.rows()}["air.pm25"].outlier == ""


def test_the_dashboard_says_what_the_city_figures_count(qapp, qtbot, demo_copy, settings, dialogs, monkeypatch):
    from PySide6.QtCore import Qt

    from desktop.ui import i18n

    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    gui.window.tabs.setCurrentWidget(gui.window.dashboard)
    board = gui.window.dashboard
    assert board.coverage.text() == "初步数据：38个区县中已审核通过5个"
    assert board.narrative.toPlainText().startswith("【初步数据：38个区县中已审核通过5个】")
    headline = {r[0]: r for r in board.headline.rows()}
    assert headline["水质优良比例"][1] != "98.6"  # 5 accepted districts are not the city
    assert headline["水质优良比例"][3] == "暂不评价：初步合计数"  # nor judged against the city's target
    heading = lambda c: board.headline.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)  # noqa: E731
    row_of = {board.headline.row(i)[0]: i for i in range(board.headline.rowCount())}
    assert heading(2) == "计量单位" and board.headline.index(row_of["水质优良比例"], 2).data() == "%"  # each figure's unit
    assert headline["优良天数比例 ※"][3].startswith("达标")  # the city's own monitoring is, marked and said so
    assert not board.measured_note.isHidden() and board.measured_note.text().startswith("※ 市局直接填报或监测的指标")
    # The trend marks the provisional half; the earlier halves, every district accepted, are not marked.

    halves = board.trend.chart().axes(Qt.Orientation.Horizontal)[0].categories()
    assert halves == ["2023年上半年", "2023年下半年", "2024年上半年（初步）"]
    # …drawn on its own (not joined to the whole halves, not under the target line), and no city line on the bars.
    series = {s.name(): s for s in board.trend.chart().series()}
    assert series["全市"].count() == 2 and series["初步：未全部审核通过"].count() == 1
    assert not any("目标" in name for name in series)
    assert not any(s.name().startswith("全市") for s in board.bars.chart().series())
    assert "全市初步合计未画出：尚有区县未审核通过" in board.missing.text()
    board.include.setCurrentIndex(board.include.findData("received"))
    assert "计入35个（含已报送未审核）" in board.coverage.text()
    # The trend's point for this half is the table's figure, counting what was chosen, not the accepted-only total.
    board.indicator.setCurrentIndex(board.indicator.findData("water.excellent_ratio"))
    early = {s.name(): s for s in board.trend.chart().series()}["初步：未全部审核通过"]
    shown = {r[0]: r[1] for r in board.headline.rows()}["水质优良比例"]
    assert f"{early.at(0).y():.1f}" == shown
    # 万州区, 涪陵区 and 渝中区 have sent nothing: whatever this database holds for them is not drawn or compared.
    assert len(board.figures) == 35 and not {"500101", "500102", "500103"} & set(board.figures)
    drawn = board.bars.chart().axes(Qt.Orientation.Vertical)[0].categories()
    assert not {"万州区", "涪陵区", "渝中区"} & set(drawn)
    assert "九龙坡区（0.0）" in drawn and "九龙坡区" not in drawn  # a real zero, said: a bar of no length looks like no data
    assert "未计入：万州区（未报送）、涪陵区（未报送）、渝中区（未报送）" in board.missing.text()
    heat = {board.heat.index(r, 0).data(): r for r in range(board.heat.rowCount())}
    row = heat["渝中区（未计入：未报送）"]
    assert all(board.heat.index(row, col).data() in ("", "—", None) for col in range(1, board.heat.columnCount()))
    # The district's label reads whole; a heading cut short by its column reads whole on hover.
    from PySide6.QtCore import Qt

    view = board.heat_view
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance("渝中区（未计入：未报送）") + 20
    for column in range(1, board.heat.columnCount()):
        heading = board.heat.headerData(column, Qt.Orientation.Horizontal)
        assert heading and board.heat.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == heading
    # No target for the half: the table is empty for that reason, said so (it said the districts held no figures).
    targets = gui.context().resources.targets
    monkeypatch.setattr(targets, "by_semester", {k: v for k, v in targets.by_semester.items() if k != H1})
    board.refresh()
    assert board.headline.rowCount() == 0 and board.headline_hint.text().startswith("本半年度未设定全市目标，无从对照")
    i18n.remove(qapp, gui.translators)
    gui.context().store.db.dispose()


def test_a_report_written_without_the_citys_air_figures_says_so_when_saved(qapp, qtbot, demo_copy, settings, dialogs, tmp_path):
    """The city's own air figures never entered: the report was saved without its air paragraph, and no word of it."""
    from desktop.context import open_context
    from desktop.ui import i18n

    ctx = open_context(str(demo_copy))
    own = {c: None for c in ctx.catalog.indicators if c.startswith("air.") and ctx.catalog.city_measured(c) and not ctx.catalog[c].derived}
    ctx.store.set_values("admin", ctx.units.municipality, H1, own)
    ctx.store.db.dispose()
    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    try:
        gui.window.tabs.setCurrentWidget(gui.window.dashboard)
        saved = gui.window.dashboard.save_report(str(tmp_path / "report.docx"))
        assert saved is not None and saved.exists() and not dialogs["info"]
        assert "报告中没有以下内容，因为缺少数据（尚未填报，或所计区县尚未审核通过）：大气环境（缺" in dialogs["warning"][0]
        assert "初步数据：38个区县中已审核通过5个" in dialogs["warning"][0]  # what it counts, as ever
    finally:
        i18n.remove(qapp, gui.translators)
        gui.context().store.db.dispose()


def test_before_anything_arrives_the_city_says_it_has_nothing_counted(reviewer, signed_district, tmp_path):
    """A target beside no total is not "a provisional total": it says there is nothing counted yet."""
    window = reviewer.window
    window.tabs.setCurrentWidget(window.review)
    assert window.review.model.rowCount() == 0
    assert window.review.empty_hint.text() == "在收件箱中双击一个区县，即在此审核其报送。"
    window.tabs.setCurrentWidget(window.dashboard)
    board = window.dashboard
    headline = {r[0]: r for r in board.headline.rows()}
    assert headline["水质优良比例"][1:4] == ("", "≥ 97.3", "暂不评价：尚无计入的数据")
    board.include.setCurrentIndex(board.include.findData("received"))
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem == "500101"])
    window.tabs.setCurrentWidget(window.inbox)
    window.tabs.setCurrentWidget(window.dashboard)  # counting 万州区, received: a provisional total
    headline = {r[0]: r for r in board.headline.rows()}
    assert headline["水质优良比例"][1] != "" and headline["水质优良比例"][3] == "暂不评价：初步合计数"
    window.open_unit("500101")
    assert window.review.model.rowCount() > 0 and window.review.empty_hint.text() == ""
    assert window.review.queries.empty_hint.text() == "尚无问题。选中数值即可提出问题。"


def test_a_city_without_targets_or_districts_says_why_its_table_is_empty(qapp, qtbot, tmp_path, settings, dialogs,
                                                                       resources):  # fmt: skip
    from desktop.context import open_context
    from desktop.store import users
    from desktop.ui import i18n

    path = tmp_path / "bare.sqlite3"  # no setup package: no city targets, nothing received
    ctx = open_context(str(path), resources=resources)
    with ctx.store.session() as s:
        users.create(s, ctx.units, "admin", "reviewer", "ecoreport", "reviewer")
        s.commit()
    ctx.store.db.dispose()
    gui = open_gui(qapp, path, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    try:
        gui.window.tabs.setCurrentWidget(gui.window.dashboard)
        board = gui.window.dashboard
        assert board.headline.rowCount() == 0
        assert board.headline_hint.text().startswith("尚无审核通过的区县，全市暂无数字。如需初步合计，请在上方“全市数据计入”中")
        assert board.headline_hint.label.geometry().width() == board.headline_view.viewport().width()
        board.include.setCurrentIndex(board.include.findData("received"))
        assert board.headline_hint.text() == "尚无区县报送，全市暂无数字。"
    finally:
        i18n.remove(qapp, gui.translators)
        gui.context().store.db.dispose()


def test_every_district_compared_has_room_for_its_name(qapp, qtbot, demo_copy, settings, dialogs):
    """QtCharts hides a district's name that would touch the next one's: each bar's band has a line and a half."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    from desktop.context import open_context
    from desktop.core.workflow import Status
    from desktop.ui import i18n

    ctx = open_context(str(demo_copy))
    received = [u for u in ctx.units.districts() if ctx.submissions.status(u, H1) == Status.SUBMITTED]
    for unit in received[:7]:  # twelve accepted: enough bars for the old height to crowd them
        ctx.submissions.accept("reviewer", unit, H1)
    ctx.store.db.dispose()
    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    window, board = gui.window, gui.window.dashboard
    try:
        window.resize(1366, 728)
        window.show()
        qtbot.waitExposed(window)
        window.tabs.setCurrentWidget(board)
        qtbot.waitUntil(lambda: board.bars.height() >= board.bars.minimumHeight())
        qapp.processEvents()
        chart = board.bars.chart()
        names = chart.axes(Qt.Orientation.Vertical)[0]
        assert names.count() >= 10
        band = chart.plotArea().height() / names.count()
        assert band >= QFontMetrics(names.labelsFont()).height() * 1.5, band
    finally:
        i18n.remove(qapp, gui.translators)
        gui.context().store.db.dispose()


def test_dashboard_shows_the_seed_figures_and_saves_charts(qapp, qtbot, demo_copy, settings, dialogs, tmp_path):
    from conftest import accept_all
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from desktop.context import open_context
    from desktop.ui import i18n

    ctx = open_context(str(demo_copy))
    accept_all(ctx.store, H1)  # once all 38 are accepted, the city's figures are the seed report's
    ctx.store.db.dispose()
    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    window = gui.window
    window.tabs.setCurrentWidget(window.dashboard)
    board = window.dashboard
    assert board.coverage.text() == "38个区县中已审核通过38个"
    headline = {r[0]: r for r in board.headline.rows()}
    assert headline["水质优良比例"][1] == "98.6" and headline["水质优良比例"][3] == "达标，高于目标1.3个百分点"
    assert "优良天数比例" in headline and board.measured_note.isHidden()  # final: nothing set apart
    assert "全市74个国控断面水质优良比例为98.6%" in board.narrative.toPlainText()
    assert board.heat.rowCount() == 38 and board.heat.columnCount() > 3
    chart = board.bars.chart()
    assert [s.name() for s in chart.series()][1:] == ["目标 ≥ 90.0", "全市 98.6"]  # the target and the city, named
    names = chart.axes(Qt.Orientation.Vertical)[0].categories()
    apart = board.missing.text().removeprefix("不适用：").split("、")  # districts without national sections
    assert len(names) + len(apart) == 38 and "万州区" in names and "⋮" not in names  # every district by name
    bars = chart.series()[0].barSets()[0]
    shown_values = [bars.at(i) for i in range(bars.count())]
    assert shown_values == sorted(shown_values) and "无数据" not in board.missing.text()  # sorted; the largest on top
    ticks = chart.axes(Qt.Orientation.Horizontal)[0]
    assert ticks.min() == 0 and ticks.max() in (100, 120)  # nice numbers
    assert "2024年上半年" in chart.title() and "水质优良比例（%）" in chart.title()
    trend = board.trend.chart()
    halves = trend.axes(Qt.Orientation.Horizontal)[0].categories()
    assert halves and all(h.endswith("半年") for h in halves) and "水质优良比例" in trend.title()
    for widget, name in ((board.bars, "bars"), (board.trend, "trend"), (board.heat_view, "heat")):
        saved = board.save_png(widget, name, str(tmp_path / f"{name}.png"))
        image = QImage(str(saved))
        assert image.width() >= 2 * widget.width() and image.dotsPerMeterX() == 11811  # 2× pixels, 300 dpi
    heat = QImage(str(tmp_path / "heat.png"))
    from desktop.ui.widget_image import _Lines

    band = 2 * _Lines(board.heat_view, "各区县目标达成情况", "").top  # the caption's band, in the image's pixels
    assert all(heat.pixelColor(x, band - 3).lightness() > 240 for x in range(0, heat.width(), 2))  # the caption within it
    assert heat.height() >= 2 * (38 * board.heat_view.verticalHeader().defaultSectionSize())  # every row, not the visible ones
    svg = board.save_png(board.bars, "bars", str(tmp_path / "bars.svg"))
    assert "<svg" in svg.read_text(encoding="utf-8")[:2000]
    import re

    heat_svg = board.save_png(board.heat_view, "heat", str(tmp_path / "heat.svg")).read_text(encoding="utf-8")
    said = "".join(re.findall(r">([^<>]+)</text>", heat_svg))  # text runs split where the font changes
    assert said.startswith("各区县目标达成情况 · 2024年上半年 · 38个区县中已审核通过38个")  # what it is, how final
    assert said.endswith("红色并标 ✗：未达到目标；灰色：无数据或不适用。各格为该区县的数值，计量单位同指标。")  # its colours
    pdf = board.save_png(board.trend, "trend", str(tmp_path / "trend.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF") and b"/Title" in pdf.read_bytes()
    if shutil.which("pdftoppm"):  # drawn as a page, with the chart on it
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "trend-page")], check=True)
        page = QImage(str(tmp_path / "trend-page-1.png"))
        samples = [page.pixelColor(x, y).lightness() < 200 for x in range(0, page.width(), 3) for y in range(0, page.height(), 3)]
        assert page.width() > 100 and sum(samples) / len(samples) > 0.02
    # A file that cannot be written says so; nothing claims to be saved.
    assert board.save_png(board.bars, "bars", str(tmp_path / "missing-folder" / "bars.png")) is None
    assert board.save_png(board.bars, "bars", str(tmp_path / "missing-folder" / "bars.pdf")) is None
    assert len(dialogs["warning"]) == 2 and "不能写入" in dialogs["warning"][0]
    # A district without a value is listed, never drawn as zero.
    board.figures = {code: f for code, f in board.figures.items() if code != "500101"}
    board.refresh_charts()
    assert "无数据：万州区" in board.missing.text() and "万州区" not in board.bars.chart().axes(Qt.Orientation.Vertical)[0].categories()
    # The narrative report as a Word document, from the button beside it.
    from docx import Document

    qtbot.mouseClick(board.report_button, Qt.MouseButton.LeftButton)
    report = Document(str(dialogs["save"][-1]))
    assert report.paragraphs[0].text == "重庆市2024年上半年\n生态环境质量状况及重点工作情况"
    assert any("全市74个国控断面水质优良比例为98.6%" in p.text for p in report.paragraphs)
    assert "38个区县中已审核通过38个" in dialogs["info"][-1]
    i18n.remove(qapp, gui.translators)
    gui.context().store.db.dispose()


def test_audit_viewer_filters_and_exports(qapp, qtbot, demo_copy, settings, dialogs, tmp_path):
    from python_calamine import CalamineWorkbook

    from desktop.ui import i18n

    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    window = gui.window
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.audit)
    audit = window.audit
    assert audit.chain.text().startswith("哈希链完整")
    everything = audit.model.rowCount()
    audit.unit.setCurrentIndex(audit.unit.findData("500101"))
    audit.code.setText("air.pm25")
    assert 0 < audit.model.rowCount() < everything
    assert all(r.unit_code == "500101" and r.code == "air.pm25" for r in audit.model.rows())
    by_code = audit.model.rowCount()
    audit.code.setText("PM2.5平均")  # by the name people read, too
    assert audit.model.rowCount() == by_code
    path = audit.export(str(tmp_path / "audit.xlsx"))
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(sheet) == audit.model.rowCount() + 1
    # Words, not codes: the action, the unit, the half and the indicator with its unit, in the table and the workbook.
    first = [audit.model.index(0, c).data() for c in range(6)]
    assert first[2:6] == ["修改数值", "万州区", first[4], "PM2.5平均浓度（微克/立方米）"] and first[4].endswith("半年")
    assert sheet[1][2:6] == first[2:6]
    i18n.remove(qapp, gui.translators)
    gui.context().store.db.dispose()


def test_the_audit_log_reads_newest_first_by_when_things_happened(reviewer, signed_district, tmp_path):
    """A district's change log arrives with its submission, recorded after the bureau's receipt of it: shown where it
    happened, below the receipt, not above it."""
    window = reviewer.window
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem == "500101"])
    window.tabs.setCurrentWidget(window.audit)
    window.audit.refresh()
    rows = window.audit.model.rows()
    shown = [(r.at, r.id) for r in rows]
    assert shown == sorted(shown, reverse=True)
    receipt = next(i for i, r in enumerate(rows) if r.action == "status.receive")
    brought = [i for i, r in enumerate(rows) if r.id > rows[receipt].id and r.action == "value.set"]  # the district's log
    assert brought and min(brought) > receipt
    # Who brought an entry in reads whole, and finds it: the user filter matches what the column shows.
    page = window.audit
    who = "wanzhou（reviewer 导入）"
    assert page.table.columnWidth(1) >= page.table.fontMetrics().horizontalAdvance(who)
    page.user.setText("reviewer 导入")
    assert page.model.rows() and all(r.imported_by == "reviewer" for r in page.model.rows())


def test_every_bureau_model_passes_the_model_tester(reviewer, signed_district, tmp_path, qtmodeltester):
    window = reviewer.window
    window.inbox.import_paths(export_all(signed_district, tmp_path, reviewer))
    window.open_unit("500112")
    window.findings.refresh()
    for model in (window.inbox.model, window.review.model, window.review.queries.model, window.review.shown_rows,
                  window.findings.model, window.findings.proxy):  # fmt: skip
        qtmodeltester.check(model)


def test_the_bureau_registers_a_district_key_from_its_file(reviewer, district, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.store import keys
    from desktop.ui.key_actions import register_key

    unit = district.units.find("500112")
    from conftest import sign_off_any

    sign_off_any(district, unit)  # the first sign-off makes the unit's key
    (tmp_path / "k.pub").write_text(keys.key_file(district.store, unit), encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    printed = register_key(reviewer.window, reviewer.controller, str(tmp_path / "k.pub"))
    assert printed and printed in asked[0] and "渝北区" in asked[0]
    assert [k.unit_code for k in keys.registered(reviewer.context().store)] == ["500112"]


def test_the_reviewer_window_fits_1366x768_at_100_and_125_percent(reviewer, qtbot):
    window = reviewer.window
    for width, height in ((1366, 728), (1093, 582)):
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        for page in (window.inbox, window.review, window.queries, window.findings, window.dashboard, window.audit):
            window.tabs.setCurrentWidget(page)
            assert window.width() <= width and window.height() <= height, (page, window.size())
        for button in (window.review.return_button, window.review.accept_button):
            window.tabs.setCurrentWidget(window.review)
            bottom = button.mapTo(window, button.rect().bottomLeft()).y()
            assert bottom <= window.height(), (width, button.text())


def test_fingerprints_can_be_compared_on_both_sides(reviewer, signed_district, tmp_path):
    from desktop.store import keys
    from desktop.ui.key_actions import show_keys

    export_all(signed_district, tmp_path, reviewer)
    dialog = show_keys(reviewer.window, reviewer.controller, modal=False)
    registered = {(r.unit_code, r.fingerprint) for r in dialog.registered.rows()}
    assert registered == {(k.unit_code, k.fingerprint) for k in keys.own_keys(signed_district.store) if k.unit_code != "500000"}
    wanzhou = next(i for i, r in enumerate(dialog.registered.rows()) if r.unit_code == "500101")
    cells = [dialog.registered.index(wanzhou, c).data() for c in range(4)]
    assert "万州区" in cells[0] and cells[2] == "reviewer" and cells[3][:2] == "20"  # with its date


@pytest.mark.timing
def test_the_window_keeps_responding_while_38_workbooks_are_imported(reviewer, signed_district, tmp_path, qtbot):
    """The import runs off the UI thread: the longest gap between two ticks of a 10 ms timer stays under 100 ms."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    paths = export_all(signed_district, tmp_path, reviewer)
    ticks, labels = [], set()

    def tick():
        ticks.append(time.perf_counter())
        labels.update(d.labelText() for d in reviewer.window.inbox.findChildren(QProgressDialog))

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    results = reviewer.window.inbox.import_paths(paths)
    end = time.perf_counter()
    timer.stop()
    assert len(results) == 38 and all(r.status == "imported" for r in results)
    shown = [line for label in labels for line in label.splitlines()[1:]]  # under the title: the file, and its count
    assert shown and all(re.fullmatch(r"5\d{5}\.xlsx  (\d+)/38", line) for line in shown), shown
    # Ticks from the start of the import to its end, none further apart than 100 ms (however fast the import).
    gaps = [b - a for a, b in zip([start, *ticks], [*ticks, end], strict=True)]
    assert len(ticks) >= 2 and max(gaps) < 0.1, f"longest gap {max(gaps) * 1000:.0f} ms in {(end - start) * 1000:.0f} ms"


def test_after_an_import_the_inbox_and_the_open_review_are_read_again_off_the_ui_thread(reviewer, signed_district, tmp_path):
    """38 districts' checks, counted again on the UI thread after the files went in, held the window still for most
    of 100 ms: the worker reads them, and the window only shows them."""
    import threading

    from desktop.store.review import Review

    paths = export_all(signed_district, tmp_path, reviewer)
    window = reviewer.window
    window.inbox.import_paths([p for p in paths if p.stem == "500101"])
    window.open_unit("500101")
    read_on, real_inbox, real_threads = [], Review.inbox, Review.threads

    def inbox(self, *args, **kwargs):
        read_on.append(("inbox", threading.current_thread() is threading.main_thread()))
        return real_inbox(self, *args, **kwargs)

    def threads(self, *args, **kwargs):
        read_on.append(("review", threading.current_thread() is threading.main_thread()))
        return real_threads(self, *args, **kwargs)

    Review.inbox, Review.threads = inbox, threads
    try:
        results = window.inbox.import_paths([p for p in paths if p.stem != "500101"])
    finally:
        Review.inbox, Review.threads = real_inbox, real_threads
    assert len(results) == 37 and all(r.status == "imported" for r in results)
    assert ("inbox", False) in read_on and ("review", False) in read_on and not any(on_ui for _, on_ui in read_on), read_on
    shown = {row.unit.code: row.status for row in window.inbox.model.rows()}  # and what the worker read is shown
    assert len(shown) == 38 and all(status == "submitted" for status in shown.values())
    assert window.review.title.text().startswith("500101")


def test_stop_during_an_import_keeps_nothing_and_says_so(reviewer, signed_district, tmp_path, monkeypatch):
    """Stop, pressed while the third of five files is read, leaves the database as it was: no file half-taken,
    none of the first two kept, the log as long as before, and the list says so."""
    import sqlite3

    from desktop.ui import background

    paths = export_all(signed_district, tmp_path, reviewer)[:5]
    before = {r.unit.code: r.status for r in reviewer.window.inbox.model.rows()}
    db = reviewer.context().store.db.path
    count = lambda table: sqlite3.connect(db).execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    logged = (count("audit"), count("audit_anchor"), count("value"), count("submission_version"))
    real = background.run_in_background

    def stop_at_the_third(parent, text, work, total=0, cancel=None):
        return real(parent, text, lambda progress: work(lambda done, label: progress(done, label) and done < 2), total, cancel)

    monkeypatch.setattr(background, "run_in_background", stop_at_the_third)
    assert reviewer.window.inbox.import_paths(paths) is None
    listed = [reviewer.window.inbox.results.item(i).text() for i in range(reviewer.window.inbox.results.count())]
    assert listed == ["已停止：未导入任何文件，数据库未改变"]
    assert {r.unit.code: r.status for r in reviewer.window.inbox.model.rows()} == before
    assert (count("audit"), count("audit_anchor"), count("value"), count("submission_version")) == logged
    monkeypatch.setattr(background, "run_in_background", real)  # and the same files go in afterwards
    assert [r.status for r in reviewer.window.inbox.import_paths(paths)] == ["imported"] * 5


def test_the_inbox_finds_sorts_filters_and_opens_with_the_keyboard(reviewer, signed_district, tmp_path, qtbot):
    """Five districts received: find 万州区 by typing wz and open it with Enter; filter by status; sort by a heading;
    Enter on a row opens that district; the header line counts each status."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = reviewer.window
    inbox = window.inbox
    received = ["500101", "500103", "500105", "500115", "500110"]  # 万州, 渝中, 江北, 长寿, 綦江
    inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem in received])
    assert "未报送 33 · 已报送 5" in inbox.summary.text()
    inbox.search.setFocus()
    qtbot.keyClicks(inbox.search, "wz")
    assert inbox.ordered_units() == ["500101"] and inbox.shown.text() == "显示 1 个"
    QTest.keyClick(inbox.search, Qt.Key.Key_Return)
    assert window.controller.unit.code == "500101" and window.tabs.currentWidget() is window.review
    window.tabs.setCurrentWidget(inbox)
    inbox.search.clear()
    qtbot.keyClicks(inbox.search, "changshou")  # whole pinyin: 长寿 is cháng, not zhǎng
    assert inbox.ordered_units() == ["500115"]
    inbox.search.clear()
    inbox.status_filter.setCurrentIndex(inbox.status_filter.findText("已报送"))
    assert sorted(inbox.ordered_units()) == sorted(received)
    header = inbox.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().topLeft() + QPoint(header.sectionViewportPosition(0) + 5, 5))
    assert inbox.ordered_units() == sorted(received, reverse=True)  # the unit column again: the other way
    inbox.table.setFocus()
    inbox.table.selectRow(1)
    QTest.keyClick(inbox.table, Qt.Key.Key_Return)
    order = sorted(received, reverse=True)
    assert window.controller.unit.code == order[1]
    ctrl = Qt.KeyboardModifier.ControlModifier  # next and previous district, in the order the inbox shows
    QTest.keyClick(window.review.table, Qt.Key.Key_PageDown, ctrl)
    assert window.controller.unit.code == order[2]
    QTest.keyClick(window.review.table, Qt.Key.Key_PageUp, ctrl)
    QTest.keyClick(window.review.table, Qt.Key.Key_PageUp, ctrl)
    QTest.keyClick(window.review.table, Qt.Key.Key_PageUp, ctrl)
    assert window.controller.unit.code == order[0] and window.statusBar().currentMessage() == "已是列表中的第一个区县"
    assert "Ctrl+R" in window.review.return_button.toolTip()
    window.tabs.setCurrentWidget(inbox)
    inbox.status_filter.setCurrentIndex(0)
    inbox.flag_filter.setCurrentIndex(inbox.flag_filter.findText("逾期"))
    assert all(r.days_overdue > 0 for r in (inbox.proxy.row(i) for i in range(inbox.proxy.rowCount())))


def test_accepting_several_takes_only_the_ready_ones_and_says_why_not(reviewer, signed_district, tmp_path, dialogs):
    """Three selected: two ready, one with an open query. The confirmation lists both groups; only the two are
    accepted, each with the comment."""
    from PySide6.QtCore import QItemSelectionModel

    window = reviewer.window
    inbox = window.inbox
    codes = ["500101", "500103", "500105"]
    inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem in codes])
    store = reviewer.context().store
    unit = store.units.get("500105")
    Review(store).open_query("reviewer", unit, H1, "air.pm25", "请核实")
    window.select("", "2024H1")
    inbox.status_filter.setCurrentIndex(inbox.status_filter.findText("已报送"))
    inbox.status_filter.setCurrentIndex(0)  # every status again
    selection = inbox.table.selectionModel()
    for row in range(inbox.proxy.rowCount()):
        if inbox.proxy.row(row).unit.code in codes:
            selection.select(inbox.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    Modals().run(inbox.accept_selected, accept_with("批量审核通过", expect=["万州区  第 1 版", "渝中区  第 1 版"],
                                                    excluded=["江北区：有1个未解决的问题"]))  # fmt: skip
    assert [store.status(store.units.get(c), H1) for c in codes] == ["accepted", "accepted", "in_review"]
    assert Review(store).decision(store.units.get("500103"), H1) == ("accepted", "批量审核通过")
    listed = [inbox.results.item(i).text() for i in range(inbox.results.count())]
    assert listed == ["万州区：已审核通过", "渝中区：已审核通过"] and inbox.results_heading.text() == "审核通过结果"
    # Only the one that is not ready: no confirmation to accept nothing, but why not.
    selection.clearSelection()
    for row in range(inbox.proxy.rowCount()):
        if inbox.proxy.row(row).unit.code == "500105":
            selection.select(inbox.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    shown = dialogs["info"]
    Modals().run(inbox.accept_selected)
    assert "所选区县都不能审核通过" in shown[-1] and "江北区：有1个未解决的问题" in shown[-1]
    assert store.status(unit, H1) == "in_review"


def test_the_reviewer_opens_on_the_newest_half_with_submissions(qapp, qtbot, demo_copy, settings, dialogs):
    """Even when the half last looked at (or today's) is empty."""
    from desktop.ui import i18n

    settings.set("semester", "2025H1")  # shown in the list (targets reach it), and empty
    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    try:
        assert str(gui.window.controller.semester) == "2024H1"
        assert gui.window.half_box.currentText() == "2024年上半年"
    finally:
        i18n.remove(qapp, gui.translators)
        gui.context().store.db.dispose()


def test_the_query_list_spans_districts_oldest_first_and_exports(reviewer, signed_district, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from python_calamine import CalamineWorkbook

    from desktop.store.models import QueryMessage, QueryThread

    window = reviewer.window
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem in ("500101", "500103", "500105")])
    store = reviewer.context().store
    review = Review(store)
    first = review.open_query("reviewer", store.units.get("500101"), H1, "air.pm25", "请核实PM2.5")
    second = review.open_query("reviewer", store.units.get("500103"), H1, "air.days_valid", "有效天数？")
    with store.session() as s:  # 渝中区's answer, as its next submission would bring it
        thread = s.exec(select(QueryThread).where(QueryThread.uid == second)).one()
        s.add(QueryMessage(uid="a" * 32, thread_id=thread.id, author="yuzhong", side="district", text="已核实，属实"))
        s.commit()
    window.tabs.setCurrentWidget(window.queries)
    page = window.queries
    rows = page.model.rows()
    assert [(r.unit.code, r.state, r.days_open) for r in rows] == [("500101", "open", 0), ("500103", "answered", 0)]
    assert page.count.text() == "2 个未解决：1 个待区县答复，1 个已答复待处理"
    assert [page.model.index(1, c).data() for c in (0, 2)] == ["渝中区", "已答复"]
    path = page.export(str(tmp_path / "queries.xlsx"))
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert sheet[0][0] == "未解决问题清单：2024年上半年" and [r[1] for r in sheet[2:4]] == ["万州区", "渝中区"]
    assert [r[0] for r in sheet[2:4]] == [first[:8], second[:8]]  # the id the command line takes
    assert sheet[-1][0].startswith("制表单位：重庆市生态环境局　　制表日期：")  # who sends it round, and when
    assert sheet[3][3] == "已答复" and sheet[3][7] == "有效天数？" and sheet[3][10] == "已核实，属实"  # the question kept
    page.table.setFocus()
    page.table.selectRow(1)
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert window.controller.unit.code == "500103" and window.tabs.currentWidget() is window.review
    assert window.review.current_row().code == "air.days_valid"  # at the value asked about, not the first row
    review.resolve("reviewer", first)
    window.tabs.setCurrentWidget(window.queries)
    assert [r.unit.code for r in page.model.rows()] == ["500103"]
    # A closed query is looked up again on request, greyed, and the list that holds it says so in its title.
    page.closed.click()
    assert [(r.unit.code, r.state) for r in page.model.rows()] == [("500101", "closed"), ("500103", "answered")]
    assert page.count.text() == "1 个未解决：0 个待区县答复，1 个已答复待处理；1 个已关闭"
    assert page.model.index(0, 2).data() == "已关闭" and page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.model.index(0, 6).data() == "reviewer：请核实PM2.5"  # the last word said, not the closing's silence
    sheet = CalamineWorkbook.from_path(str(page.export(str(tmp_path / "all.xlsx")))).get_sheet_by_index(0).to_python()
    assert window.statusBar().currentMessage() == f"已保存 {tmp_path / 'all.xlsx'}"  # said where the person is looking
    assert sheet[0][0] == "问题清单（含已关闭）：2024年上半年" and [r[3] for r in sheet[2:4]] == ["已关闭", "已答复"]
    page.closed.click()
    assert [r.unit.code for r in page.model.rows()] == ["500103"]


def test_the_review_shows_checks_marks_large_changes_and_diffs_derived_figures(qapp, qtbot, demo_copy, settings, dialogs,
                                                                               district, tmp_path):  # fmt: skip
    """On a bureau that holds last year's figures (the demo), so that year-on-year checks apply."""
    from conftest import sign_off_any
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.core.workflow import Action
    from desktop.store import keys
    from desktop.ui import i18n
    from desktop.ui.models.simple_table import ROW_ROLE
    from desktop.ui.review.review_page import FINDINGS, OUTLIER, VALUE

    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    window, unit = gui.window, district.units.find("500101")

    def send(version):
        if version == 1:
            sign_off_any(district, unit)
            keys.register(gui.context().store, "reviewer", unit, keys.own_public_key(district.store, unit)[0])
        path = save_workbook(submission_workbook(district.store, unit, H1), tmp_path / f"v{version}.xlsx")
        assert [r.status for r in window.inbox.import_paths([path])] == ["imported"]

    try:
        send(1)
        assert window.review.detail.toPlainText() == "选中一行，在此阅读其审核结果和说明全文。"  # no district open yet
        window.open_unit("500101")
        page = window.review
        rows = {r.code: r for r in page.model.rows()}
        good = rows["air.good_ratio"]  # +12.2 points on last year: the district's warning, with its explanation
        assert good.severity == "warning" and good.large_change and "同比" in good.findings and "（说明：" in good.findings
        # The grid cuts long words short; under it, the chosen row's checks and explanation are read whole.
        page.table.setFocus()
        page.select_code("air.good_ratio")
        assert page.detail.toPlainText() == f"{good.name} 审核结果：{good.findings}\n说明：{good.explanation}"
        assert len(good.explanation) > 4
        QTest.keyClick(page.table, Qt.Key.Key_Down)  # the keys move the reading on with the row
        assert page.detail.toPlainText().startswith(f"{page.current_row().name} 审核结果：—\n说明：")
        row_of = {page.model.row(i).code: i for i in range(page.model.rowCount())}
        icon = lambda code, column: page.model.index(row_of[code], column).data(Qt.ItemDataRole.DecorationRole)  # noqa: E731
        assert icon("air.good_ratio", VALUE) is not None and icon("air.good_ratio", FINDINGS) is not None
        assert icon("air.days_valid", VALUE) is None and icon("air.days_valid", FINDINGS) is None
        assert icon("air.days_valid", OUTLIER) is None
        # The marks in words, where the reviewer points: the icon's tooltip says what it marks.
        tip = lambda code, column: page.model.index(row_of[code], column).data(Qt.ItemDataRole.ToolTipRole)  # noqa: E731
        assert tip("air.good_ratio", VALUE).startswith(good.value + "\n") and "同比" in tip("air.good_ratio", VALUE)
        assert good.last_year in tip("air.good_ratio", VALUE) and "上一版" not in tip("air.good_ratio", VALUE)
        assert tip("air.days_valid", VALUE) == rows["air.days_valid"].value
        assert not page.changed_only.isEnabled()  # one version: nothing to compare with
        # Version 2 changes one count; the ratio calculated from it changes with it.
        district.submissions.act("wanzhou_approver", unit, H1, Action.WITHDRAW, "断面数有误")
        district.store.set_values("wanzhou", unit, H1, {"water.sections_excellent": "1"}, {"water.sections_excellent": "一处断面受施工影响"})
        district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
        send(2)
        rows = {r.code: r for r in page.model.rows()}
        ratio = rows["water.excellent_ratio"]
        assert ratio.changed and ratio.previous_version == "100.0" and ratio.value == "50.0"
        row_of = {page.model.row(i).code: i for i in range(page.model.rowCount())}
        assert ratio.missed and tip("water.excellent_ratio", VALUE).split("\n") == [
            "50.0", "与上一版不同，上一版为 100.0", "同比变化超出常规范围，去年同期为 100.0", "未达到目标：≥ 100.0"]
        assert page.changed_only.isEnabled()
        page.changed_only.setFocus()
        QTest.keyClick(page.changed_only, Qt.Key.Key_Space)
        shown = [page.table.model().index(i, 0).data(ROW_ROLE).code for i in range(page.table.model().rowCount())]
        assert shown == ["water.sections_excellent", "water.excellent_ratio"]
        page.select_code("air.pm25")  # a query's value, hidden by the filter: every row comes back, that one selected
        assert not page.changed_only.isChecked() and page.current_code() == "air.pm25"
        # Version 3 rewrites only an explanation: the district's answer, shown among the changes, marked and said.
        from desktop.ui.review.review_page import EXPLANATION

        district.submissions.act("wanzhou_approver", unit, H1, Action.WITHDRAW, "补充说明")
        district.store.set_values("wanzhou", unit, H1, {}, {"water.sections_excellent": "一处断面受上游施工影响，已整改"})
        district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
        send(3)
        row_of = {page.model.row(i).code: i for i in range(page.model.rowCount())}
        rewritten = page.model.row(row_of["water.sections_excellent"])
        assert rewritten.explanation_changed and not rewritten.changed
        page.changed_only.setChecked(True)
        shown = [page.table.model().index(i, 0).data(ROW_ROLE).code for i in range(page.table.model().rowCount())]
        assert shown == ["water.sections_excellent"]
        assert tip("water.sections_excellent", EXPLANATION) == "一处断面受上游施工影响，已整改\n与上一版不同，上一版为 一处断面受施工影响"
        explanation = page.model.index(row_of["water.sections_excellent"], EXPLANATION)
        assert explanation.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#ffe08a"
    finally:
        i18n.remove(qapp, gui.translators)
        gui.context().store.db.dispose()


def test_a_shortcut_the_state_does_not_allow_says_why_before_any_dialog(reviewer, signed_district, tmp_path, dialogs):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window, ctrl = reviewer.window, Qt.KeyboardModifier.ControlModifier
    window.open_unit("500101")  # nothing received from it yet
    window.review.table.setFocus()
    window.review.table.selectRow(0)
    shift = Qt.KeyboardModifier.ShiftModifier
    from PySide6.QtGui import QAction

    # Ctrl+Q quits here as in the district's window; a query is Ctrl+Shift+Q.
    by_keys = {a.shortcut().toString(): a.text() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    assert by_keys["Ctrl+Q"] == "退出" and by_keys["Ctrl+Shift+Q"].startswith("对此数值")
    Modals().run(lambda: QTest.keyClick(window.review.table, Qt.Key.Key_Q, ctrl | shift))  # no query box to type into first
    assert "未报送" in dialogs["info"][-1]
    assert "以下数值未报送" in window.review.title.text() and "第 0 版" not in window.review.title.text()
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem == "500101"])
    store = reviewer.context().store
    Review(store).open_query("reviewer", store.units.get("500101"), H1, "air.pm25", "请核实")
    window.open_unit("500101")
    Modals().run(lambda: QTest.keyClick(window.review.table, Qt.Key.Key_A, ctrl | Qt.KeyboardModifier.ShiftModifier))
    assert "1个问题尚未解决" in dialogs["info"][-1]  # refused before the comment is typed
    assert store.status(store.units.get("500101"), H1) == "in_review"


def test_a_closed_query_is_reopened_with_a_reason_and_each_step_shows_who_and_when(reviewer, signed_district, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from .modals import type_text

    window = reviewer.window
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem == "500101"])
    store = reviewer.context().store
    Review(store).open_query("reviewer", store.units.get("500101"), H1, "air.pm25", "请核实")
    window.open_unit("500101")
    panel = window.review.queries
    panel.table.selectRow(0)
    assert panel.model.index(0, 1).data() == "待答复" and not panel.reopen_button.isEnabled()
    QTest.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    panel.table.selectRow(0)
    assert panel.model.index(0, 1).data() == "已关闭" and panel.reopen_button.isEnabled()
    assert "关闭了问题" in panel.thread.toPlainText() and "reviewer" in panel.thread.toPlainText()
    Modals().run(lambda: QTest.mouseClick(panel.reopen_button, Qt.MouseButton.LeftButton), type_text("答复未附监测报告"))
    panel.table.selectRow(0)
    assert panel.model.index(0, 1).data() == "重新打开"
    assert "重新打开了问题" in panel.thread.toPlainText() and "答复未附监测报告" in panel.thread.toPlainText()
    assert Review(store).threads(store.units.get("500101"), H1)[0].open
    # Closed again and the submission accepted: reopening the query is not offered (the review is reopened first).
    QTest.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    Review(store).accept("reviewer", store.units.get("500101"), H1)
    window.open_unit("500101")
    panel.table.selectRow(0)
    assert panel.model.index(0, 1).data() == "已关闭" and not panel.reopen_button.isEnabled()


def test_completeness_and_the_reminder_notice(reviewer, signed_district, tmp_path, dialogs, qtbot, monkeypatch):
    """Three received after the deadline, one of them returned: the counts, and a 催报 notice of the rest."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from python_calamine import CalamineWorkbook

    window = reviewer.window
    inbox = window.inbox
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem in ("500101", "500103", "500105")])
    store = reviewer.context().store
    Review(store).return_half("reviewer", store.units.get("500105"), H1, "请补充")
    window.controller.refresh_inbox()
    assert inbox.completeness.text() == "报送完成情况：按时 0 个，逾期 2 个，未报送 35 个，已退回 1 个"  # each counted once
    QTest.mouseClick(inbox.remind_button, Qt.MouseButton.LeftButton)  # the button itself, as a user clicks it
    (saved,) = dialogs["save"]
    qtbot.waitUntil(lambda: saved.exists())
    sheet = CalamineWorkbook.from_path(str(saved)).get_sheet_by_index(0).to_python()
    assert sheet[0][0] == "催报通知" and "下列36个区县" in sheet[1][0]
    numbered = [row for row in sheet[4:] if isinstance(row[0], (int, float))]
    listed = [row[1] for row in numbered]
    assert len(listed) == 36 and "江北区" in listed and "万州区" not in listed
    assert {row[2] for row in numbered} == {"未报送", "已退回"} and [row[0] for row in numbered] == list(range(1, 37))
    assert "制表单位：重庆市生态环境局" in sheet[-1][0]
    # Without a deadline nothing is on time or late: the line says what came in, and that timeliness is not judged.
    monkeypatch.setattr(store.resources.targets, "deadlines", {})
    window.controller.refresh_inbox()
    assert inbox.completeness.text() == "报送完成情况：已报送 2 个（未设截止日期，不评价是否按时），未报送 35 个，已退回 1 个"


def test_the_reminder_and_f5_read_what_the_database_holds_now(reviewer, signed_district, tmp_path, dialogs, qtbot):
    """Another reviewer, or the command line, moves on while the inbox is shown: the 催报 notice never names a district
    that has since reported, F5 shows what changed, and the chosen district stays chosen."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from python_calamine import CalamineWorkbook

    from desktop.context import open_context
    from desktop.exchange.importer import import_file

    window, inbox = reviewer.window, reviewer.window.inbox
    files = {p.stem: p for p in export_all(signed_district, tmp_path, reviewer)}
    inbox.import_paths([files["500101"]])
    status = lambda code: next(r.status for r in inbox.model.rows() if r.unit.code == code)  # noqa: E731
    assert status("500102") == "draft"
    other = open_context(str(reviewer.context().store.db.url).removeprefix("sqlite:///"))  # behind the inbox's back
    try:
        assert import_file(other.store, files["500102"], "reviewer").status == "imported"
        assert status("500102") == "draft"  # the inbox as last read
        QTest.mouseClick(inbox.remind_button, Qt.MouseButton.LeftButton)
        (saved,) = dialogs["save"]
        qtbot.waitUntil(lambda: saved.exists())
        listed = [row[1] for row in CalamineWorkbook.from_path(str(saved)).get_sheet_by_index(0).to_python()[4:]
                  if isinstance(row[0], (int, float))]  # fmt: skip
        assert len(listed) == 36 and "涪陵区" not in listed and "万州区" not in listed
        assert status("500102") == "submitted"  # and the inbox shows what the notice says
        inbox.table.setCurrentIndex(inbox.proxy.mapFromSource(inbox.model.index(
            next(i for i, r in enumerate(inbox.model.rows()) if r.unit.code == "500101"), 0)))  # fmt: skip
        Review(other.store).return_half("reviewer", other.units.get("500101"), H1, "请补充")
        inbox.table.setFocus()
        QTest.keyClick(window, Qt.Key.Key_F5)
        assert status("500101") == "returned" and inbox.table.currentIndex().data(ROW_ROLE).unit.code == "500101"
    finally:
        other.store.db.dispose()


def test_findings_across_districts_filter_by_rule_and_severity_and_open_at_the_value(qapp, qtbot, demo_copy, settings, dialogs):
    import sqlite3

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.ui import i18n
    from desktop.ui.models.simple_table import ROW_ROLE

    con = sqlite3.connect(demo_copy)  # the received halves without their 说明 (the demo's explain every warning)
    con.execute("UPDATE value SET explanation = NULL WHERE semester = ? AND unit_code IN "
                "(SELECT unit_code FROM submission WHERE semester = ? AND status = 'submitted')", (str(H1), str(H1)))  # fmt: skip
    con.commit()
    con.close()
    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    try:
        window = gui.window
        page = window.findings
        window.tabs.setCurrentWidget(page)
        shown = lambda: [page.proxy.index(i, 0).data(ROW_ROLE) for i in range(page.proxy.rowCount())]  # noqa: E731
        everything = shown()
        received = {c for c, r in gui.context().store.statuses(H1).items() if r.status != "draft"}
        assert everything and {f.unit_code for f in everything} <= received  # a district's draft is not the bureau's to check
        assert any(f.unit_code == "500101" for f in everything) is ("500101" in received)
        # The inbox counts the same unexplained warnings: none for a district that has sent nothing (渝中区's draft).
        inbox = {r.unit.code: r for r in Review(gui.context().store).inbox(H1)}
        assert inbox["500103"].status == "draft" and inbox["500103"].warnings == 0
        assert sum(r.warnings for r in inbox.values()) == sum(f.unexplained for f in everything)
        drafts = [window.inbox.model.index(i, 7).data() for i, r in enumerate(window.inbox.model.rows()) if r.status == "draft"]
        assert drafts and set(drafts) == {"—"}
        page.severity_filter.setCurrentIndex(page.severity_filter.findData("warning"))
        assert shown() and {f.severity for f in shown()} == {"warning"}
        counted = [int(page.rule_filter.itemText(i).rsplit("（", 1)[1].rstrip("）")) for i in range(1, page.rule_filter.count())]
        assert sum(counted) == len(shown())  # each rule's count is of the severity chosen
        yoy = page.rule_filter.findData("yoy:air.good_ratio")
        assert yoy > 0 and page.rule_filter.itemText(yoy).startswith("同比变化：优良天数比例")
        page.rule_filter.setCurrentIndex(yoy)
        found = shown()
        assert found and {f.rule for f in found} == {"yoy:air.good_ratio"}
        assert page.count.text() == f"{len(found)} 条，涉及 {len({f.unit_code for f in found})} 个区县"
        page.table.setFocus()
        page.table.selectRow(0)
        QTest.keyClick(page.table, Qt.Key.Key_Return)
        assert window.tabs.currentWidget() is window.review
        assert window.controller.unit.code == found[0].unit_code and window.review.current_code() == "air.good_ratio"
        # Accepted one at a time, a submission with unexplained warnings says so before the decision.
        window.open_unit("500112")  # 渝北区: received, two warnings without a 说明
        told = []

        def read_and_cancel(dialog):
            told.append(dialog.caution.text())
            dialog.reject()

        Modals().run(window.review.accept, read_and_cancel)
        assert told[0] == "注意：本报送中有2个未说明的警告。"  # as the inbox counts them
        assert gui.context().store.status(gui.context().units.get("500112"), H1) == "submitted"
        # The warnings still waiting for a 说明, across districts, with each submission's status beside them.
        catalog = gui.context().catalog
        explained = next(f for f in everything if f.severity == "warning" and f.unit_code != "500112" and f.status == "已报送"
                         and not catalog[f.code].derived)  # fmt: skip
        with gui.context().store.db.engine.begin() as conn:  # as a received version brings a district's 说明
            conn.exec_driver_sql("UPDATE value SET explanation = '已与监测站核实' WHERE unit_code = ? AND semester = ? AND code = ?",
                                 (explained.unit_code, str(H1), explained.code))  # fmt: skip
        page.refresh()
        page.severity_filter.setCurrentIndex(0)
        page.rule_filter.setCurrentIndex(0)
        everything = shown()
        page.unexplained_only.click()
        waiting = shown()
        assert waiting and all(f.severity == "warning" and not f.explained for f in waiting)
        assert len([f for f in waiting if f.unit_code == "500112"]) == 2  # as the accept dialog said
        assert len(waiting) == sum(f.unexplained for f in everything) < len([f for f in everything if f.severity == "warning"])
        assert not any(f.unit_code == explained.unit_code and f.code == explained.code for f in waiting)
        yubei = next(page.proxy.index(i, 0) for i in range(page.proxy.rowCount()) if waiting[i].unit_code == "500112")
        assert yubei.siblingAtColumn(1).data() == "已报送" and yubei.siblingAtColumn(6).data() == "（未说明）"
        page.unexplained_only.click()
        assert len(shown()) == len(everything)
    finally:
        i18n.remove(qapp, gui.translators)
        gui.context().store.db.dispose()


def test_the_chosen_finding_and_the_districts_explanation_read_whole_under_the_grid(qapp, qtbot, demo_copy, settings, dialogs):
    """At 1366 px the grid cuts the finding and the 说明 short: the pane under it holds the chosen row's whole."""
    import sqlite3

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.ui import i18n
    from desktop.ui.models.simple_table import ROW_ROLE

    long_reason = "受上半年降水偏少、静稳天气多及区域传输影响，" * 4 + "已与监测站核对原始数据。"
    con = sqlite3.connect(demo_copy)  # one district's 说明 longer than any column shows
    con.execute("UPDATE value SET explanation = ? WHERE semester = ? AND unit_code = '500105' AND explanation IS NOT NULL",
                (long_reason, str(H1)))  # fmt: skip
    con.commit()
    con.close()
    gui = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(gui.window)
    try:
        window = gui.window
        window.resize(1366, 728)
        window.show()
        qtbot.waitExposed(window)
        page = window.findings
        window.tabs.setCurrentWidget(page)
        assert page.detail.isVisible() and "选择一条审核发现" in page.detail.toPlainText()
        rows = [page.proxy.index(i, 0).data(ROW_ROLE) for i in range(page.proxy.rowCount())]
        at = next(i for i, r in enumerate(rows) if r.unit_code == "500105" and r.explained)
        page.table.setFocus()
        page.table.setCurrentIndex(page.proxy.index(0, 0))
        for _ in range(at):
            QTest.keyClick(page.table, Qt.Key.Key_Down)
        row = rows[at]
        text = page.detail.toPlainText()
        assert f"{row.district} · {row.indicator}" in text and row.rule_words in text
        assert f"审核发现：{row.message}" in text and f"区县说明：{long_reason}" in text  # whole, as stored
        cell = page.table.visualRect(page.proxy.index(at, 6))
        assert page.table.fontMetrics().horizontalAdvance(long_reason) > cell.width()  # the grid could not show it
        # Sized for three Chinese lines as the document lays them out: this one is read without scrolling.
        assert page.detail.document().size().height() <= page.detail.viewport().height()
        page.severity_filter.setCurrentIndex(page.severity_filter.findData("error"))  # no such row shown any more
        if page.proxy.rowCount() == 0 or not page.table.currentIndex().isValid():
            assert "选择一条审核发现" in page.detail.toPlainText()
    finally:
        i18n.remove(qapp, gui.translators)  # the next test starts without this window's language
        gui.context().store.db.dispose()


def test_the_indicator_name_and_this_half_stay_in_view_when_the_review_scrolls_sideways(reviewer, signed_district, tmp_path, qtbot):
    from PySide6.QtWidgets import QAbstractSlider

    from desktop.ui.review.review_page import EXPLANATION, PREVIOUS_VERSION, VALUE

    window = reviewer.window
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem == "500101"])
    window.open_unit("500101")
    table = window.review.table
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0  # the columns are wider than the page at 1366×768
    bar.setValue(bar.maximum())
    qtbot.wait(50)
    frozen, kept = table.frozen, VALUE + 1  # the name, its unit and this half's figure
    edge = sum(table.columnWidth(c) for c in range(kept))
    assert frozen.isVisible() and frozen.width() == edge and frozen.x() <= table.frameWidth() + 1
    assert [frozen.isColumnHidden(c) for c in range(table.model().columnCount())] == [False] * kept + [True] * (table.model().columnCount() - kept)
    assert edge < table.viewport().width() // 2  # room is left for the figures it is read against
    window.review.select_code("air.pm25")  # one selection: the name and its figures light up together
    row = table.currentIndex().row()
    assert frozen.selectionModel() is table.selectionModel() and frozen.model().index(row, 0).data() == "PM2.5平均浓度"
    value = frozen.model().index(row, VALUE)
    assert frozen.visualRect(value).right() <= edge and value.data() == table.model().index(row, VALUE).data()
    # beside the last columns, the reviewer reads this half's figure against the district's explanation
    assert table.columnViewportPosition(EXPLANATION) >= edge or table.columnViewportPosition(EXPLANATION) + table.columnWidth(EXPLANATION) <= edge
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value()  # the names scroll with the rows
    # Wherever a sideways scroll rests, no column lies half under the frozen ones (177 would read as 77 beside them).
    columns = range(kept, table.model().columnCount())

    def whole_or_hidden() -> bool:
        return all(table.columnViewportPosition(c) >= edge or table.columnViewportPosition(c) + table.columnWidth(c) <= edge
                   for c in columns)  # fmt: skip

    for offset in (1, 37, 150, bar.maximum() // 2, bar.maximum() - 1, bar.maximum()):
        bar.setValue(offset)
        assert whole_or_hidden(), offset
    bar.setValue(bar.maximum())
    last = table.model().columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()  # the last, whole too
    bar.setValue(0)
    assert table.columnViewportPosition(PREVIOUS_VERSION) == edge  # the first that scrolls starts at their edge
    bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)  # one step: one whole column
    assert table.columnViewportPosition(PREVIOUS_VERSION + 1) == edge and whole_or_hidden()
    bar.setValue(0)
    table.setCurrentIndex(table.model().index(row, EXPLANATION))  # a cell out of view comes out whole
    x = table.columnViewportPosition(EXPLANATION)
    assert x >= edge and x + table.columnWidth(EXPLANATION) <= table.viewport().width() and whole_or_hidden()
    offset = bar.value()
    table.setCurrentIndex(table.model().index(row, VALUE))  # a frozen one is in view as it is: nothing scrolls
    assert bar.value() == offset
    table.setCurrentIndex(table.model().index(row, PREVIOUS_VERSION))  # one under the frozen ones, to their edge
    assert table.columnViewportPosition(PREVIOUS_VERSION) == edge and whole_or_hidden()


def test_the_file_menu_imports_workbooks_into_the_inbox(reviewer, signed_district, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = reviewer.window
    paths = [p for p in export_all(signed_district, tmp_path, reviewer) if p.stem == "500101"]
    window.tabs.setCurrentWidget(window.dashboard)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in file_menu.actions() and window.import_action.text() == "导入报送文件…"
    window.import_action.trigger()
    assert window.tabs.currentWidget() is window.inbox  # where the results are listed
    assert reviewer.context().store.status(reviewer.context().units.find("500101"), H1) == "submitted"



def test_a_change_made_elsewhere_is_shown_when_the_reviewer_comes_back_to_the_window(reviewer, signed_district, bureau_db,
                                                                                     tmp_path, qtbot):  # fmt: skip
    """A second reviewer on the same database (or the command line) raised a query while this window was open: coming
    back to the window shows it in the inbox and under review, and says so; an answer being typed is kept."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.context import open_context
    from desktop.store import users
    from desktop.store.review import Review

    window = reviewer.window
    window.inbox.import_paths([p for p in export_all(signed_district, tmp_path, reviewer) if p.stem in ("500101", "500102")])
    window.open_unit("500101")
    row = next(r for r in window.inbox.model.rows() if r.unit.code == "500101")
    assert row.open_queries == 0 and window.review.queries.model.rowCount() == 0
    window.review.queries.answer.setPlainText("正在写的说明")
    window.statusBar().clearMessage()
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))  # nothing new: nothing said
    assert window.statusBar().currentMessage() == ""
    elsewhere = open_context(str(bureau_db))
    Review(elsewhere.store).open_query("reviewer", elsewhere.units.find("500101"), H1, "air.pm25", "请核实PM2.5")
    elsewhere.store.db.dispose()
    window.activateWindow()
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    row = next(r for r in window.inbox.model.rows() if r.unit.code == "500101")
    assert row.open_queries == 1
    assert window.review.queries.model.rowCount() == 1
    assert "别处" in window.statusBar().currentMessage()
    assert window.review.queries.answer.toPlainText() == "正在写的说明"
    window.statusBar().clearMessage()
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert window.statusBar().currentMessage() == ""
    elsewhere = open_context(str(bureau_db))  # written to, but not to what this window shows: read, and nothing said
    with elsewhere.store.session() as s:  # a colleague's account
        users.create(s, elsewhere.units, "admin", "reviewer2", "ecoreport-2", "reviewer")
        s.commit()
    elsewhere.store.db.dispose()
    window.review.table.setCurrentIndex(window.review.table.model().index(3, 0))
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert window.statusBar().currentMessage() == ""
    assert window.review.table.currentIndex().row() == 3  # nothing shown changed: the row chosen stays chosen
