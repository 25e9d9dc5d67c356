import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.loading import CatalogError, load_resources

REPO = Path(__file__).resolve().parents[2]

# The codes of ../shared/domain/README.md: other tools depend on them.
DOMAIN_CODES = ["water.sections_total", "water.sections_excellent", "water.sections_below_v", "water.excellent_ratio", "water.yangtze_class", "water.drinking_sources_total", "water.drinking_sources_compliant", "water.drinking_compliance_rate", "water.outlets_total", "water.outlets_remediated", "water.outlet_remediation_rate", "water.river_cases", "air.days_valid", "air.days_excellent", "air.days_good", "air.days_good_total", "air.good_ratio", "air.days_severe", "air.pm25", "air.ent_ultralow_new", "air.ent_exhaust_total", "air.ent_ab_new", "air.vehicles_retired", "air.nev_promoted", "soil.plots_surveyed", "soil.plots_risk_assessed", "soil.plots_delisted", "soil.soil_remediated_m2", "soil.clean_land_mu", "soil.key_plots_total", "soil.key_plots_safe", "soil.safe_use_rate", "waste.cells", "waste.hazardous_capacity_new_tpa", "waste.medical_capacity_tpa", "waste.plastic_recycled_t", "waste.green_packaging", "climate.finance_projects", "climate.carbon_volume_mt", "climate.carbon_rank", "gov.control_units", "gov.eia_approved", "gov.eia_investment_100m_yuan", "enf.penalties", "enf.major_cases", "enf.positive_list", "enf.credit_repaired", "enf.hazards_rectified", "insp.typical_cases", "insp.key_issues", "insp.complaints_received", "insp.complaints_closed", "insp.complaints_closed_stage"]


def test_every_indicator_of_the_seed_report_is_in_the_catalog(catalog):
    assert set(DOMAIN_CODES) <= set(catalog.indicators)
    for ind in catalog.indicators.values():
        assert ind.name.zh and ind.name.en and ind.unit.zh and ind.unit.en


def test_how_each_element_adds_up(catalog):
    entered = {"air.days_valid", "air.days_excellent", "air.days_good", "air.days_severe", "air.pm25"}
    municipal = {"water.yangtze_class", "climate.carbon_volume_mt", "climate.carbon_rank", "gov.control_units"}
    for ind in catalog.raw():
        expected = "entered" if ind.code in entered else "municipal" if ind.code in municipal else "sum"
        assert ind.aggregation == expected, ind.code
    assert catalog["air.ent_exhaust_total"].nature == "stock"
    assert catalog["waste.cells"].nature == "stock"
    assert catalog["enf.penalties"].nature == "flow"


def test_ratios_are_derived_from_counts(catalog):
    ratio = catalog["water.excellent_ratio"]
    assert ratio.derived and ratio.formula.codes == {"water.sections_excellent", "water.sections_total"}
    assert catalog["air.good_ratio"].formula.codes == {"air.days_excellent", "air.days_good", "air.days_valid"}


def test_units_are_the_municipality_and_38_districts(units):
    assert units.municipality.code == "500000"
    assert len(units.districts()) == 38
    assert units.find("万州区").code == "500101"
    assert units.find("wanzhou").code == "500101"
    assert units.find("Nan'an").code == "500108"
    assert units.find("石柱土家族自治县").code == "500240"


def test_the_national_target_of_2024h1(resources):
    from desktop.core.semester import Semester

    target = resources.targets.for_unit(Semester(2024, 1), resources.units.municipality)["water.excellent_ratio"]
    assert (target.op, str(target.value), target.basis.zh, target.example) == (">=", "97.3", "国家考核目标", False)


def test_per_district_override_wins(resources):
    from desktop.core.semester import Semester

    half = Semester(2024, 1)
    assert str(resources.targets.for_unit(half, resources.units.find("500101"))["water.excellent_ratio"].value) == "100.0"
    assert str(resources.targets.for_unit(half, resources.units.find("500102"))["water.excellent_ratio"].value) == "90.0"


def test_invented_targets_are_marked_as_examples():
    """The demo's invented targets carry the example mark (printed once, as a note), and only the report's own
    figures (the national 97.3 % for sections) go without it."""
    text = (REPO / "resources/demo/targets/2024H1.toml").read_text(encoding="utf-8")
    blocks = text.split("[[target]]")[1:]
    invented = [b for b in blocks if "\nexample = true" in b]
    assert len(invented) == 8 and "示例" not in text
    assert any("97.3" in b and "国家考核目标" in b for b in blocks if b not in invented)


@pytest.fixture
def broken(tmp_path):
    root = tmp_path / "resources"
    shutil.copytree(REPO / "resources", root)
    return root


@pytest.mark.parametrize(
    "file, old, new, key, problem",
    [
        ("catalog/water.toml", 'type = "integer"', 'type = "int"', "indicator[0] (water.sections_total).type", "must be one of"),
        ("catalog/air.toml", 'aggregation = "entered"', 'aggregation = "averaged"', "indicator[0] (air.days_valid).aggregation", "must be one of"),
        ("catalog/water.toml", "formula = \"100 * water.sections_excellent", "formula = \"100 * water.nope", "water.excellent_ratio.formula", "unknown indicator code water.nope"),
        ("catalog/water.toml", 'formula = "100 * water.sections_excellent / water.sections_total"', "formula = \"__import__('os')\"", "derived[0] (water.excellent_ratio).formula", "only numbers"),
        ("catalog/water.toml", 'unit_en = "sections"', 'unit_en = "sections"\nplaces_typo = 1', "indicator[0] (water.sections_total).places_typo", "unknown key"),
        ("catalog/water.toml", '[topic]', '[topic\n', "(syntax)", ""),
        ("demo/targets/2024H1.toml", "value = 97.3", 'value = "high"', "target[0].value", "must be"),
        ("demo/targets/2024H1.toml", 'code = "water.excellent_ratio"', 'code = "water.missing"', "target[0].code", "unknown indicator"),
        ("units.toml", 'code = "500101"', 'code = "5001"', "unit[1].code", "six-digit"),
        ("catalog/enf.toml", "max = 100000\n", "", "indicator[0] (enf.penalties).max", "is required"),
        ("catalog/air.toml", "max = 500\n", "max = 100000000000000\n", "indicator[4] (air.pm25).max", "15 significant digits"),
        ("catalog/air.toml", "max = 500\n", "max = 500\nposition = true\n", "indicator[4] (air.pm25).position", "only an entered integer"),
        ("catalog/catalog.toml", '"核实无误", ', '"。", ', "(top).boilerplate", "each with words in it"),
        # Formulas and rules are tried on sample values when the catalog loads, not first in a user's report.
        ("catalog/water.toml", 'formula = "100 * water.sections_excellent / water.sections_total"',
         'formula = "water.sections_excellent < water.sections_total"', "water.excellent_ratio.formula", "must give a number"),
        ("catalog/water.toml", 'formula = "100 * water.sections_excellent / water.sections_total"',
         'formula = "max() + water.sections_excellent / water.sections_total"', "water.excellent_ratio.formula", "cannot be evaluated"),
        ("catalog/water.toml", 'expr = "water.drinking_sources_compliant <= water.drinking_sources_total"',
         'expr = "water.drinking_sources_compliant + water.drinking_sources_total"', "rule water.compliant_within_total.expr",
         "must be a comparison"),
    ],
)
def test_a_broken_data_file_names_the_file_the_key_and_the_problem(broken, file, old, new, key, problem):
    path = broken / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_resources(broken, demo=True)
    assert info.value.file.endswith(file)
    assert info.value.key == key
    assert problem in info.value.problem


def test_a_missing_topic_file_is_reported(broken):
    (broken / "catalog/soil.toml").unlink()
    with pytest.raises(CatalogError, match="soil.toml.*file not found"):
        load_resources(broken)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**12))
def test_a_ratio_is_exact_in_any_order_of_operations(broken_once, part, whole):
    """`a / b * 100`, as an administrator may write it, gives exactly what `100 * a / b` gives."""
    from desktop.core.derived import compute

    catalogs = broken_once
    raw = {"water.sections_excellent": min(part, whole), "water.sections_total": whole}
    assert compute(catalogs[0], raw).get("water.excellent_ratio") == compute(catalogs[1], raw).get("water.excellent_ratio")


@pytest.fixture(scope="module")
def broken_once(tmp_path_factory):
    """The shipped catalog, and a copy with the ratio written the other way round."""
    root = tmp_path_factory.mktemp("reordered") / "resources"
    shutil.copytree(REPO / "resources", root)
    water = root / "catalog/water.toml"
    text = water.read_text(encoding="utf-8")
    old = 'formula = "100 * water.sections_excellent / water.sections_total"'
    assert old in text
    water.write_text(text.replace(old, 'formula = "water.sections_excellent / water.sections_total * 100"'), encoding="utf-8")
    return load_resources(REPO / "resources").catalog, load_resources(root).catalog


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_formula_and_rule_of_the_catalog_evaluates_on_any_values(catalog, data):
    """Whatever non-negative values are entered, each derived indicator gives a finite number (or does not exist,
    for a zero denominator) and each rule gives true or false."""
    from decimal import Decimal

    from desktop.core.formulas import NotApplicable

    def value(ind):
        if ind.type == "integer":
            return data.draw(st.integers(min_value=0, max_value=10**13))
        return data.draw(st.decimals(min_value=0, max_value=10**9, places=ind.places or 1, allow_nan=False, allow_infinity=False))

    raw = {ind.code: value(ind) for ind in catalog.raw() if ind.numeric}
    context = raw | {"semester.days": data.draw(st.sampled_from([181, 182, 184]))}
    for ind in catalog.derived():
        try:
            result = ind.formula.evaluate(context)
        except NotApplicable:
            continue
        assert isinstance(result, Decimal) and result.is_finite(), (ind.code, result)
    for rule in catalog.rules:
        assert isinstance(rule.formula.evaluate(context), bool), rule.id
