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


@pytest.mark.parametrize("typed, stored", [
    ("1,234", 1234), ("1,234,567", 1234567), ("１２３４", 1234), ("1 234", 1234), ("1\u00a0234", 1234), ("+7", 7),
    ("2.0", 2), (" 12 ", 12),
])  # fmt: skip
def test_one_number_parser_accepts_what_is_unambiguous(catalog, typed, stored):
    assert parse_value(catalog["air.vehicles_retired"], typed) == stored


@pytest.mark.parametrize("typed", ["12,5", "1,2,3", "12,34", "1,2345", "1,234.5,6", "1.234,5", "1,234 567"])
def test_a_comma_that_is_not_a_thousands_separator_is_refused_with_what_to_type(catalog, typed):
    with pytest.raises(ValueRefused) as info:
        parse_value(catalog["air.pm25"], typed)
    assert "如为小数请用小数点，例如 12.5" in info.value.message("zh") and typed in info.value.message("zh")
    with pytest.raises(ValueRefused) as info:  # a count: no hint about decimals it could not take
        parse_value(catalog["enf.penalties"], typed)
    assert "不是有效的整数：逗号只能作千位分隔" in info.value.message("zh") and "12.5" not in info.value.message("zh")


def test_full_width_and_unicode_minus_are_normalised_and_nothing_is_rounded(catalog):
    pm25 = catalog["air.pm25"]
    assert parse_value(pm25, "１２．５") == Decimal("12.5")
    assert parse_value(catalog["waste.plastic_recycled_t"], "12,345.6") == Decimal("12345.60")
    with pytest.raises(ValueRefused, match="must not be less than 0"):
        parse_value(pm25, "−5")  # U+2212 is a minus, and a concentration cannot be negative
    with pytest.raises(ValueRefused) as info:
        parse_value(pm25, "12.345")
    assert "不会自动四舍五入" in info.value.message("zh")
    for text in ("nan", "NaN", "inf", "Infinity", "abc", "12abc", "1e3", "1_000"):
        with pytest.raises(ValueRefused):
            parse_value(pm25, text)
    with pytest.raises(ValueRefused, match="scientific notation"):
        parse_value(pm25, "1e3")


def test_a_point_that_may_separate_thousands_is_refused_where_it_would_be_read_smaller(catalog):
    """1.000 read as a decimal is 1 (and 12.500 is 12.5) where a European clerk meant a thousand: refused, naming both."""
    for code, typed, message in (("enf.penalties", "1.000", "不能确定是 1 还是 1000"), ("enf.penalties", "１．５００", "1.5 还是 1500"),
                                 ("air.pm25", "12.500", "不能确定是 12.5 还是 12500")):  # fmt: skip
        with pytest.raises(ValueRefused) as info:
            parse_value(catalog[code], typed)
        assert message in info.value.message("zh"), info.value.message("zh")
    assert parse_value(catalog["enf.penalties"], "17.0") == 17 and parse_value(catalog["enf.penalties"], "0.000") == 0
    with pytest.raises(ValueRefused, match="too many decimals"):  # its decimals say it is one: refused as such
        parse_value(catalog["air.pm25"], "12.345")


def test_only_full_width_forms_are_read_as_digits(catalog):
    """An input method's full-width digits are digits; a superscript, a circled digit or another script's are not (5³ is
    not 53, ① is not 1)."""
    assert parse_value(catalog["enf.penalties"], "１，２３４") == 1234 and parse_value(catalog["air.pm25"], "３５．２") == Decimal("35.2")
    for typed in ("5³", "①", "٣", "½", "１²"):
        with pytest.raises(ValueRefused, match="is not a number|has words or a unit after the number"):
            parse_value(catalog["air.pm25"], typed)
        with pytest.raises(ValueRefused, match="must be a whole number|has words or a unit after the number"):
            parse_value(catalog["enf.penalties"], typed)


def test_a_unit_typed_after_the_number_is_refused_saying_to_leave_it_out(catalog):
    for code, typed, number in (("air.pm25", "35.2微克", "35.2"), ("enf.penalties", "16件", "16"), ("air.pm25", "36.6 μg/m³", "36.6"),
                                ("enf.penalties", "1,234 件", "1,234")):  # fmt: skip
        with pytest.raises(ValueRefused) as info:
            parse_value(catalog[code], typed)
        assert info.value.message("zh") == f"“{typed}”带有文字或单位：请只填数字，例如 {number}（计量单位已在表中注明）"


def test_a_spreadsheets_binary_noise_is_not_a_typed_digit(catalog):
    """A formula's 35.3 saved by Excel as 35.300000000000004: Excel shows and keeps 15 significant digits, so that is
    what is read; a real extra decimal is still refused."""
    assert parse_value(catalog["air.pm25"], 33.1 + 2.2) == Decimal("35.3") and 33.1 + 2.2 == 35.300000000000004
    with pytest.raises(ValueRefused, match="too many decimals"):
        parse_value(catalog["air.pm25"], 35.35)


def test_the_command_line_uses_the_same_parser(demo_copy):
    import os
    import subprocess
    import sys

    env = dict(os.environ, ECOREPORT_PASSWORD="ecoreport")
    run = lambda *a: subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_copy), *a, "--user", "wanzhou"],  # noqa: E731
                                    capture_output=True, text=True, env=env)  # fmt: skip
    refused = run("set", "500101", "2024H1", "air.pm25=12,5")
    assert refused.returncode == 1 and "如为小数请用小数点" in refused.stderr
    shown = run("show", "500101", "2024H1", "--json").stdout
    assert '"air.pm25": 125' not in shown
    assert run("set", "500101", "2024H1", "air.pm25=１２．５").returncode == 0
    assert '"air.pm25": 12.5' in run("show", "500101", "2024H1", "--json").stdout
