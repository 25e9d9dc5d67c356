"""The check engine on plain dictionaries: no Qt, no database."""

from decimal import Decimal

import pytest

from desktop.core.checks import CheckInput, attainments, run_checks
from desktop.core.consolidation import consolidate
from desktop.core.derived import NOT_APPLICABLE, compute
from desktop.core.semester import Semester
from desktop.core.targets import MET, MISSED, NO_VALUE
from desktop.core.targets import NOT_APPLICABLE as NA_STATUS

H1 = Semester(2024, 1)


@pytest.fixture
def complete(catalog):
    """A district half in which every raw element is filled in and consistent."""
    values = {}
    for ind in catalog.raw():
        if ind.aggregation == "municipal":
            continue
        values[ind.code] = Decimal("1.0") if ind.type == "decimal" else 2
    values.update({"air.days_valid": 182, "air.days_excellent": 70, "air.days_good": 90, "air.days_severe": 0,
                   "air.pm25": Decimal("30.0"), "water.sections_total": 4, "water.sections_excellent": 4,
                   "water.sections_below_v": 0, "insp.complaints_received": 10})  # fmt: skip
    return values


def checks(resources, unit, values, **kw):
    return run_checks(resources.catalog, resources.targets, CheckInput(resources.units.find(unit), H1, values, **kw))


def rules(results):
    return {r.rule for r in results}


def test_the_seed_city_figures_are_reproduced(catalog, resources):
    raw = {"water.sections_total": 74, "water.sections_excellent": 73, "air.days_valid": 182,
           "air.days_excellent": 72, "air.days_good": 91}  # fmt: skip
    figures = compute(catalog, raw, H1)
    assert figures.get("water.excellent_ratio") == Decimal("98.6")  # 73/74
    assert figures.get("air.days_good_total") == 163  # 72 + 91
    assert figures.get("air.good_ratio") == Decimal("89.6")  # 163/182
    city = resources.units.municipality
    att = {a.code: a for a in attainments(catalog, resources.targets, city, H1, figures)}
    assert att["water.excellent_ratio"].status == MET
    assert att["water.excellent_ratio"].margin == Decimal("1.3")  # 98.6 − 97.3, in percentage points
    assert att["water.excellent_ratio"].describe(catalog["water.excellent_ratio"]) == "达标，高于目标1.3个百分点"
    assert "1.3 percentage points above" in att["water.excellent_ratio"].describe(catalog["water.excellent_ratio"], "en")


def test_margins_are_taken_from_the_published_figures(catalog, resources):
    # 72/74 = 97.297… is published as 97.3 and so meets a 97.3 target exactly.
    figures = compute(catalog, {"water.sections_total": 74, "water.sections_excellent": 72}, H1)
    att = {a.code: a for a in attainments(catalog, resources.targets, resources.units.municipality, H1, figures)}
    assert figures.get("water.excellent_ratio") == Decimal("97.3")
    assert att["water.excellent_ratio"].status == MET and att["water.excellent_ratio"].margin == 0


def test_a_complete_consistent_half_has_no_errors(resources, complete):
    assert [r for r in checks(resources, "500102", complete) if r.severity == "error"] == []


def test_required_values(resources, complete):
    del complete["air.pm25"]
    results = checks(resources, "500102", complete)
    assert "required:air.pm25" in rules(results)
    result = next(r for r in results if r.rule == "required:air.pm25")
    assert result.severity == "error" and result.codes == ("air.pm25",)
    assert "PM2.5" in result.message.zh and "required" in result.message.en


def test_districts_are_not_asked_for_municipal_elements(resources, complete):
    assert not any("yangtze" in r for r in rules(checks(resources, "500102", complete)))


def test_consistency_rules(resources, complete):
    complete.update({"air.days_excellent": 100, "air.days_good": 90})  # 190 > 182
    complete.update({"insp.complaints_closed": 8, "insp.complaints_closed_stage": 5})  # 13 > 10
    results = {r.rule: r for r in checks(resources, "500102", complete)}
    assert results["air.days_within_valid"].severity == "error"
    assert set(results["air.days_within_valid"].codes) == {"air.days_excellent", "air.days_good", "air.days_severe", "air.days_valid"}
    assert results["insp.closed_within_received"].severity == "error"
    assert "不能超过" in results["insp.closed_within_received"].message.zh


def test_more_excellent_sections_than_sections_is_an_error_at_the_excellent_sections(resources, complete):
    """15 excellent of 12 sections: refused as soon as the two are entered (劣Ⅴ still blank), and shown at the
    figure the rule is about, the first it names, not at the first code in alphabetical order (劣Ⅴ, holding 0)."""
    complete.update({"water.sections_total": 12, "water.sections_excellent": 15})
    del complete["water.sections_below_v"]
    found = {r.rule: r for r in checks(resources, "500102", complete)}
    assert found["water.excellent_not_above_total"].severity == "error"
    assert found["water.excellent_not_above_total"].codes[0] == "water.sections_excellent"
    complete["water.sections_below_v"] = 0
    found = {r.rule: r for r in checks(resources, "500102", complete)}
    assert found["water.excellent_within_total"].codes == ("water.sections_excellent", "water.sections_below_v", "water.sections_total")
    complete.update({"water.sections_excellent": 2, "water.sections_below_v": 13})
    assert found_rules(resources, complete) >= {"water.below_v_not_above_total", "water.excellent_within_total"}
    complete.update({"water.sections_excellent": 12, "water.sections_below_v": 0})  # every section excellent: fine
    assert not {r for r in found_rules(resources, complete) if r.startswith("water.")}


def found_rules(resources, values):
    return rules(checks(resources, "500102", values))


def test_stored_value_out_of_range_is_an_error(resources, complete):
    complete["water.sections_total"] = -3
    assert "range:water.sections_total" in rules(checks(resources, "500102", complete))


def test_missed_target_is_a_warning_with_the_margin(resources, complete):
    complete.update({"water.sections_total": 10, "water.sections_excellent": 8})  # 80 % < 90 % (example target)
    result = next(r for r in checks(resources, "500102", complete) if r.rule == "target:water.excellent_ratio")
    assert result.severity == "warning"
    assert result.actual == "80.0" and result.expected == "≥ 90.0"
    assert "低于目标10.0个百分点" in result.message.zh
    assert "water.sections_total" in result.codes  # explaining an input counts


def test_zero_denominator_gives_no_ratio_and_no_target_verdict(resources, complete):
    complete.update({"water.sections_total": 0, "water.sections_excellent": 0})
    figures = compute(resources.catalog, complete, H1)
    assert figures.derived["water.excellent_ratio"] is NOT_APPLICABLE
    assert figures.get("water.excellent_ratio") is None
    unit = resources.units.find("500102")
    att = {a.code: a for a in attainments(resources.catalog, resources.targets, unit, H1, figures)}
    assert att["water.excellent_ratio"].status == NA_STATUS
    assert not any(r.startswith("target:water.excellent_ratio") for r in rules(checks(resources, "500102", complete)))


def test_no_value_and_no_target(resources, catalog):
    figures = compute(catalog, {}, H1)
    att = {a.code: a for a in attainments(catalog, resources.targets, resources.units.municipality, H1, figures)}
    assert att["water.excellent_ratio"].status == NO_VALUE
    assert "enf.penalties" not in att  # no target for it
    assert att["water.yangtze_class"].status == NO_VALUE


def test_category_target_uses_the_order_of_levels(resources, catalog):
    city = resources.units.municipality
    for level, status in (("Ⅰ", MET), ("Ⅱ", MET), ("Ⅲ", MISSED)):
        figures = compute(catalog, {"water.yangtze_class": level}, H1)
        att = {a.code: a for a in attainments(catalog, resources.targets, city, H1, figures)}
        assert att["water.yangtze_class"].status == status


def test_year_on_year_jump_needs_an_explanation(resources, complete):
    last_year = dict(complete, **{"enf.penalties": 20})
    complete["enf.penalties"] = 60  # +200 % and +40 cases: beyond 60 % and 10
    results = checks(resources, "500102", complete, last_year=last_year)
    jump = next(r for r in results if r.rule == "yoy:enf.penalties")
    assert jump.severity == "warning" and jump.blocking and not jump.explained
    assert "+200.0%" in jump.message.zh
    assert "同比变化+40件（+200.0%）" in jump.message.zh and "changed +40 cases (+200.0%)" in jump.message.en  # signed, in its unit
    explained = checks(resources, "500102", complete, last_year=last_year, explanations={"enf.penalties": "专项行动"})
    jump = next(r for r in explained if r.rule == "yoy:enf.penalties")
    assert jump.explained and not jump.blocking


@pytest.mark.parametrize("said", ["核实无误", "核实无误。", " 经核实，数据无误！", "OK", "N/A", "1", "95.0", "核实无误核实无误", "属实，属实"])
def test_boilerplate_is_not_an_explanation_and_the_warning_says_so(resources, complete, said):
    """Bureaus return "核实无误": it leaves the warning unexplained (and blocking), and the message says why."""
    last_year = dict(complete, **{"enf.penalties": 20})
    complete["enf.penalties"] = 60
    results = checks(resources, "500102", complete, last_year=last_year, explanations={"enf.penalties": said})
    jump = next(r for r in results if r.rule == "yoy:enf.penalties")
    assert jump.blocking and not jump.explained
    assert f"说明“{said.strip()}”未写明原因，请说明为什么" in jump.message.zh and "gives no reason" in jump.message.en


def test_a_reason_beside_the_boilerplate_explains(resources, complete):
    last_year = dict(complete, **{"enf.penalties": 20})
    complete["enf.penalties"] = 60
    said = {"enf.penalties": "核实无误：本期开展专项执法行动"}
    jump = next(r for r in checks(resources, "500102", complete, last_year=last_year, explanations=said)
                if r.rule == "yoy:enf.penalties")  # fmt: skip
    assert jump.explained and not jump.blocking and "未写明原因" not in jump.message.zh


def test_small_absolute_changes_do_not_count(resources, complete):
    last_year = dict(complete, **{"enf.penalties": 2})
    complete["enf.penalties"] = 8  # +300 % but only 6 cases: under the floor of 10
    assert "yoy:enf.penalties" not in rules(checks(resources, "500102", complete, last_year=last_year))


def test_ratio_year_on_year_is_in_percentage_points(resources, complete):
    last_year = dict(complete, **{"air.days_excellent": 40, "air.days_good": 80})  # 65.9 %
    results = checks(resources, "500102", complete, last_year=last_year)  # now 87.9 %: +22 points > 8
    result = next(r for r in results if r.rule == "yoy:air.good_ratio")
    assert "+22.0个百分点" in result.message.zh


def test_results_are_ordered_errors_first_and_serialise(resources, complete):
    del complete["air.pm25"]
    complete.update({"water.sections_total": 10, "water.sections_excellent": 8})
    results = checks(resources, "500102", complete)
    assert [r.severity for r in results] == sorted((r.severity for r in results), key=["error", "warning", "notice"].index)
    data = results[0].to_json("en")
    assert {"rule", "severity", "codes", "message", "actual", "expected"} <= data.keys()


def test_city_sums_come_from_districts_and_ratios_from_the_sums(catalog):
    districts = {"a": {"water.sections_total": 1, "water.sections_excellent": 0},
                 "b": {"water.sections_total": 73, "water.sections_excellent": 73}}  # fmt: skip
    merged = consolidate(catalog, districts, {"air.pm25": Decimal("36.6")}, ["a", "b", "c"])
    assert merged.values["water.sections_total"] == 74
    figures = compute(catalog, merged.values, H1)
    # One district at 0 % pulls the city by one section (98.6 %), not by a 38th of 100 % (or a half: 50 %).
    assert figures.get("water.excellent_ratio") == Decimal("98.6")
    assert merged.values["air.pm25"] == Decimal("36.6")  # the city's own measurement, not an average
    assert merged.missing_units == ["c"]
    assert merged.contributors["water.sections_total"] == 2


def test_city_is_not_asked_for_sums_nobody_reported(resources):
    results = checks(resources, "500000", {"air.days_valid": 182}, consolidated=True)
    assert "required:water.sections_total" not in rules(results)
    assert "required:air.pm25" in rules(results)
    assert "required:water.yangtze_class" in rules(results)


def test_a_missed_example_target_says_it_is_an_example_where_it_is_read(resources, complete):
    """The demo's invented targets are starred in workbooks; on screen and in messages they say 示例."""
    complete.update({"water.sections_total": 4, "water.sections_excellent": 3})  # 75 %, under the example 90
    missed = next(r for r in checks(resources, "500102", complete) if r.rule == "target:water.excellent_ratio")
    assert "未达到目标（≥ 90.0，区县考核目标，示例）" in missed.message.zh
    assert "(≥ 90.0, District assessment target, an example)" in missed.message.en
