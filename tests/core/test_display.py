"""Axes on round numbers, as a chart in a report needs them."""

import pytest

from desktop.core.display import nice_scale


@pytest.mark.parametrize(("low", "high", "expected"), [
    (0, 98.6, (0, 100, 20)),  # a share in %: 0, 20 … 100, not 0, 50, 100, 150
    (0, 38.1, (0, 40, 10)),
    (30.2, 46.5, (30, 50, 5)),
    (0, 1234, (0, 1250, 250)),
    (-5, 12, (-5, 15, 5)),
])  # fmt: skip
def test_nice_scale_covers_the_values_on_round_steps(low, high, expected):
    start, end, step = nice_scale(low, high)
    assert (start, end, step) == pytest.approx(expected)
    assert start <= low and end >= high and 3 <= (end - start) / step <= 10


def test_a_targets_level_is_said_in_words_and_a_figure_with_its_sign(catalog):
    from decimal import Decimal

    from desktop.core.targets import Target
    from desktop.core.text import Text

    basis = Text("", "")
    water_class = catalog["water.yangtze_class"]
    assert Target("water.yangtze_class", "municipality", "<=", "Ⅱ", basis).shown(water_class) == "Ⅱ类及以上"
    assert Target("water.yangtze_class", "municipality", "<=", "Ⅱ", basis).shown(water_class, "en") == "class II or better"
    assert Target("water.yangtze_class", "municipality", ">=", "Ⅲ", basis).shown(water_class) == "Ⅲ类及以下"
    pm25 = catalog["air.pm25"]
    assert Target("air.pm25", "municipality", "<=", Decimal("37.0"), basis).shown(pm25) == "≤ 37.0"


def test_a_rankings_change_is_said_as_places_up_or_down(catalog):
    """4th last year, 3rd now: up one place (the catalog marks the ranking), never a bare −1."""
    from desktop.core.display import change
    from desktop.exchange.cells import yoy_change

    rank = catalog["climate.carbon_rank"]
    assert rank.position
    assert change(rank, 3, 4, "zh") == "上升1位" and change(rank, 3, 4, "en") == "up 1 place"
    assert change(rank, 5, 3, "zh") == "下降2位" and change(rank, 5, 3, "en") == "down 2 places"
    assert change(rank, 3, 3, "zh") == "持平" and yoy_change(rank, 3, 4, "zh") == "上升1位"
    assert change(catalog["air.days_good"], 3, 4, "zh") == "-1"  # a count keeps its sign


def test_what_an_import_changed_is_said_whole_in_catalog_order(catalog):
    """A change is shown as stored, not rounded to the indicator's places: 38.14 → 38.12 must not read 38.1 → 38.1."""
    from collections import namedtuple

    from desktop.core.display import change_lines

    Change = namedtuple("Change", "code old new what")
    changes = [Change("enf.penalties", "16", "12345", "value"), Change("air.pm25", None, "专项执法", "explanation"),
               Change("air.pm25", "38.14", "38.12", "value"), Change("water.yangtze_class", "Ⅲ", "Ⅱ", "value"),
               Change("", "returned", "submitted", "status")]  # fmt: skip
    zh = change_lines(catalog, changes, "zh")
    assert [(line.name, line.what, line.old, line.new) for line in zh] == [
        ("整份报表", "状态", "已退回", "已报送"),
        ("长江干流水质类别", "数值", "Ⅲ", "Ⅱ"),
        ("PM2.5平均浓度", "数值", "38.14", "38.12"),
        ("PM2.5平均浓度", "说明", "", "专项执法"),
        ("环境行政处罚案件", "数值", "16", "12,345"),
    ]  # fmt: skip
    assert zh[2].unit == "微克/立方米" and zh[3].unit == ""  # an explanation has no unit
    en = change_lines(catalog, changes, "en")
    assert (en[1].old, en[1].new, en[0].new) == ("III", "II", "submitted")


def test_no_change_reads_zero_as_the_workbooks_print_it(catalog):
    """show gave +0 and −0.0 where the city's workbook printed 0."""
    from decimal import Decimal

    from desktop.core.display import change

    assert change(catalog["air.days_good"], 91, 91, "zh") == "0"
    assert change(catalog["air.pm25"], Decimal("36.61"), Decimal("36.64"), "zh") == "0.0"  # −0.03 rounds to none
    assert change(catalog["air.good_ratio"], Decimal("89.6"), Decimal("89.6"), "zh") == "0.0个百分点"
    assert change(catalog["air.days_good"], 92, 91, "zh") == "+1"
