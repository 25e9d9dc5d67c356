from decimal import Decimal

import pytest

from desktop.core.semester import Semester
from desktop.core.values import ValueRefused, format_value, parse_value, round_half_up, to_storage


def test_round_half_up_as_statistics_are_published():
    assert round_half_up(Decimal("89.55"), 1) == Decimal("89.6")
    assert round_half_up(Decimal("0.125"), 2) == Decimal("0.13")  # banker's rounding would give 0.12
    assert round_half_up(Decimal(73) / Decimal(74) * 100, 1) == Decimal("98.6")


def test_integers_accept_separators_and_full_width_digits(catalog):
    ind = catalog["air.vehicles_retired"]
    assert parse_value(ind, "52,000") == 52000
    assert parse_value(ind, "５２０００") == 52000
    assert parse_value(ind, 52000.0) == 52000


@pytest.mark.parametrize(
    "raw, reason_zh",
    [("-1", "须为不小于0的整数"), ("1.5", "须为不小于0的整数"), ("abc", "须为不小于0的整数"), ("", "须为不小于0的整数"),
     (True, "须为不小于0的整数"), (float("nan"), "须为不小于0的整数")],
)
def test_integers_refuse_with_a_reason(catalog, raw, reason_zh):
    with pytest.raises(ValueRefused) as info:
        parse_value(catalog["water.sections_total"], raw)
    assert reason_zh in info.value.message("zh")


def test_decimals_keep_their_places_and_refuse_more(catalog):
    ind = catalog["waste.plastic_recycled_t"]
    assert parse_value(ind, "16.85") == Decimal("16.85")
    assert parse_value(ind, 16.85) == Decimal("16.85")  # an Excel float is not 16.850000000000001
    assert to_storage(parse_value(ind, "16.8")) == "16.80"
    with pytest.raises(ValueRefused, match="2 decimal places"):
        parse_value(ind, "16.851")


def test_days_cannot_exceed_the_days_of_the_half(catalog):
    ind = catalog["air.days_valid"]
    assert parse_value(ind, "182", Semester(2024, 1)) == 182
    with pytest.raises(ValueRefused) as info:
        parse_value(ind, "182", Semester(2023, 1))
    assert "181" in info.value.message("zh")


def test_categories_accept_levels_in_either_language(catalog):
    ind = catalog["water.yangtze_class"]
    assert parse_value(ind, "Ⅱ") == "Ⅱ"
    assert parse_value(ind, "II") == "Ⅱ"
    assert parse_value(ind, "Ⅱ类") == "Ⅱ"
    assert parse_value(ind, "worse than v") == "劣Ⅴ"
    with pytest.raises(ValueRefused, match="one of"):
        parse_value(ind, "Ⅶ")
    assert format_value(ind, "劣Ⅴ", "en") == "worse than V"


def test_rank_has_its_own_range(catalog):
    with pytest.raises(ValueRefused):
        parse_value(catalog["climate.carbon_rank"], "0")
    with pytest.raises(ValueRefused):
        parse_value(catalog["climate.carbon_rank"], "9")
