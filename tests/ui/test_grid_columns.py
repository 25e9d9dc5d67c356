"""The entry grid sizes the name, unit and status columns to their text when the rows first arrive (names read whole at
1366×768), and leaves the explanation column room."""

from __future__ import annotations

import pytest

from desktop.ui.models.indicators import EXPLANATION, NAME, STATUS, UNIT


def test_names_and_attainments_read_whole(gui, qtbot):
    window = gui.window
    window.resize(1366, 740)
    grid, model = window.grid, window.grid.model()
    metrics = grid.fontMetrics()
    texts = {col: [str(model.index(r, col).data() or "") for r in range(model.rowCount())] for col in (NAME, UNIT, STATUS)}
    attainments = [t for t in texts[STATUS] if t.startswith(("达标", "未达标"))]  # a check's message reads in the panel
    assert max(map(metrics.horizontalAdvance, texts[NAME])) > 210 and max(map(metrics.horizontalAdvance, attainments)) > 150
    assert "微克/立方米" in texts[UNIT]
    for col, shown in ((NAME, texts[NAME]), (UNIT, texts[UNIT]), (STATUS, attainments)):
        widest = max(map(metrics.horizontalAdvance, shown))
        assert grid.columnWidth(col) >= widest + 20, (col, grid.columnWidth(col), widest)
    assert grid.columnWidth(EXPLANATION) >= 200


def test_a_width_the_person_dragged_is_kept_when_other_rows_arrive(qapp, qtbot, demo_copy, settings, dialogs):
    from desktop.ui import i18n

    from .conftest import open_gui

    admin = open_gui(qapp, demo_copy, settings, user="admin")  # who may open the city as well as a district
    qtbot.addWidget(admin.window)
    try:
        window = admin.window
        window.select("500101", "2024H1")
        window.grid.setColumnWidth(NAME, 400)
        rows = window.model.rowCount()
        window.select("500000", "2024H1")  # the city's form: other rows
        assert window.model.rowCount() != rows and window.grid.columnWidth(NAME) == 400
    finally:
        i18n.remove(qapp, admin.translators)
        admin.close()


def test_the_bureaus_tables_name_every_district_whole(qapp, qtbot, demo_copy, settings, dialogs):
    """The inbox, 问题清单 and 审核发现 name 秀山土家族苗族自治县 whole, not 石柱土家族…"""
    from desktop.ui import i18n

    from .conftest import open_gui

    reviewer = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(reviewer.window)
    try:
        window = reviewer.window
        units = reviewer.context().units
        longest = max((u for u in units.districts()), key=lambda u: len(u.name("zh")))
        assert longest.name("zh").endswith("土家族苗族自治县")
        for table, text in ((window.inbox.table, longest.label("zh")), (window.queries.table, longest.name("zh")),
                            (window.findings.table, longest.name("zh"))):  # fmt: skip
            assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(text) + 20, (table, text)
    finally:
        i18n.remove(qapp, reviewer.translators)
        reviewer.context().store.db.dispose()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_review_and_inbox_headings_and_units_read_whole_and_figures_line_up(qapp, qtbot, demo_copy, settings, dialogs,
                                                                               lang):  # fmt: skip
    """English headings run longer: "Previous version", not "evious versio"; 微克/立方米 whole; digits right-aligned."""
    from PySide6.QtCore import Qt

    from desktop.ui import i18n
    from desktop.ui.review.review_page import VALUE as REVIEW_VALUE

    from .conftest import open_gui

    reviewer = open_gui(qapp, demo_copy, settings, lang=lang, user="reviewer")
    qtbot.addWidget(reviewer.window)
    try:
        window = reviewer.window
        window.open_unit("500104")
        for table in (window.review.table, window.inbox.table, window.findings.table, window.queries.table):
            header, model = table.horizontalHeader(), table.model()
            for column in range(model.columnCount() - 1):  # the last stretches to what is left
                text = model.headerData(column, Qt.Orientation.Horizontal)
                assert table.columnWidth(column) >= header.fontMetrics().horizontalAdvance(text) + 10, (text, table)
        review = window.review
        units = [review.model.index(r, 1).data() for r in range(review.model.rowCount())]
        widest = max(units, key=review.table.fontMetrics().horizontalAdvance)
        assert review.table.columnWidth(1) >= review.table.fontMetrics().horizontalAdvance(widest) + 20, widest
        aligned = review.model.index(0, REVIEW_VALUE).data(Qt.ItemDataRole.TextAlignmentRole)
        assert aligned is not None and Qt.AlignmentFlag(aligned) & Qt.AlignmentFlag.AlignRight
    finally:
        i18n.remove(qapp, reviewer.translators)
        reviewer.context().store.db.dispose()


def test_the_bureaus_query_panel_keeps_its_headings_whole(qapp, qtbot, demo_copy, settings, dialogs):
    """The panel beside the review is narrow: the state and message count keep their headings; the name takes the rest."""
    from PySide6.QtCore import Qt

    from desktop.ui import i18n

    from .conftest import open_gui

    reviewer = open_gui(qapp, demo_copy, settings, user="reviewer")
    qtbot.addWidget(reviewer.window)
    try:
        window = reviewer.window
        window.resize(1366, 740)
        window.open_unit("500104")
        table = window.review.queries.table
        header = table.horizontalHeader()
        for column in (1, 2):
            text = table.model().headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text) + 2, text
        assert sum(header.sectionSize(c) for c in range(3)) <= table.viewport().width() + 1  # no scrolling sideways
    finally:
        i18n.remove(qapp, reviewer.translators)
        reviewer.context().store.db.dispose()
