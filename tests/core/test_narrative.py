from decimal import Decimal
from pathlib import Path

import pytest

from desktop.core.checks import attainments
from desktop.core.derived import compute
from desktop.core.narrative import _wan, load_narrative, unwritten, write_report
from desktop.core.semester import Semester

REPO = Path(__file__).resolve().parents[2]
H1 = Semester(2024, 1)


@pytest.fixture(scope="module")
def paragraphs(catalog):
    return load_narrative(REPO / "resources/narrative.toml", catalog)


def report(resources, paragraphs, unit, raw, last_year=None, lang="zh"):
    catalog = resources.catalog
    figures = compute(catalog, raw, H1)
    before = compute(catalog, last_year or {}, H1.same_last_year())
    goals = {a.code: a for a in attainments(catalog, resources.targets, unit, H1, figures)}
    return write_report(paragraphs, catalog, unit, H1, figures, before, goals, lang)


CITY = {"water.sections_total": 74, "water.sections_excellent": 73, "air.days_valid": 182, "air.days_excellent": 72,
        "air.days_good": 91, "air.days_severe": 0, "air.pm25": Decimal("36.6")}  # fmt: skip
LAST = {"air.days_valid": 181, "air.days_excellent": 65, "air.days_good": 92, "air.pm25": Decimal("40.9")}


def test_the_seed_sentences(resources, paragraphs):
    text = report(resources, paragraphs, resources.units.municipality, CITY, LAST)
    assert text[0] == "上半年，全市74个国控断面水质优良比例为98.6%，高于国家考核目标1.3个百分点。"
    assert text[1] == ("上半年，全市空气质量优良天数163天（优72天、良91天），同比增加6天；优良天数比例为89.6%；"
                       "PM2.5平均浓度为36.6微克/立方米，同比下降4.3微克/立方米；未出现重度及以上污染天气。")  # fmt: skip


def test_in_english(resources, paragraphs):
    text = report(resources, paragraphs, resources.units.municipality, CITY, LAST, lang="en")
    assert text[0].startswith("In the first half of 2024, the share of the city's 74 state-controlled sections")
    assert "1.3 percentage points above the national assessment target" in text[0]
    assert "down 4.3 μg/m³ year on year" in text[1]


def test_only_figures_that_exist(resources, paragraphs):
    text = report(resources, paragraphs, resources.units.municipality, {"air.pm25": Decimal("36.6")})
    assert text == ["上半年，PM2.5平均浓度为36.6微克/立方米。"]  # no year-on-year figure: the figure alone, no hole
    text = report(resources, paragraphs, resources.units.find("万州区"), {"air.days_severe": 2})
    assert text == ["上半年，出现重度及以上污染天气2天。"]


def test_a_figure_without_its_comparison_is_still_said(resources, paragraphs):
    """A first half with no figure last year (or a total not judged against its target): the headline figures stay,
    without the 同比 or the target they lack."""
    text = report(resources, paragraphs, resources.units.municipality, CITY)  # nothing last year
    assert text[1] == ("上半年，全市空气质量优良天数163天（优72天、良91天）；优良天数比例为89.6%；"
                       "PM2.5平均浓度为36.6微克/立方米；未出现重度及以上污染天气。")  # fmt: skip


def test_an_alternative_clause_is_checked_like_any(tmp_path, catalog):
    from desktop.core.loading import CatalogError

    bad = tmp_path / "narrative.toml"
    bad.write_text('[[paragraph]]\ntopic = "air"\n[[paragraph.clause]]\nzh = "{air.pm25:yoy}"\nen = "{air.pm25:yoy}"\n'
                   '[[paragraph.clause.otherwise]]\nzh = "{air.nonexistent}"\nen = "x"\n', encoding="utf-8")  # fmt: skip
    with pytest.raises(CatalogError, match="otherwise.0..*unknown indicator code air.nonexistent"):
        load_narrative(bad, catalog)


def test_large_numbers_in_wan():
    assert _wan(336000) == "33.6万" and _wan(77700) == "7.77万" and _wan(52000) == "5.2万" and _wan(695) == "695"


@pytest.mark.parametrize(("cases", "issues", "said"), [
    (3, 5, "中央生态环境保护督察组交办典型案例3个、重点问题5个"),
    (0, 5, "中央生态环境保护督察组交办重点问题5个"),
    (3, 0, "中央生态环境保护督察组交办典型案例3个"),
    (0, 0, None),
])  # fmt: skip
def test_a_zero_count_is_left_out_not_printed(resources, paragraphs, cases, issues, said):
    """"典型案例0个" reads as a finding; a count of none is not named at all."""
    text = " ".join(report(resources, paragraphs, resources.units.find("万州区"),
                           {"insp.typical_cases": cases, "insp.key_issues": issues}))  # fmt: skip
    assert "0个" not in text
    assert (said in text) if said else "督察组" not in text


def test_a_topic_left_out_for_want_of_figures_is_named(resources, paragraphs):
    """The city's air figures never entered: the report had no air paragraph, and nobody was told."""
    catalog = resources.catalog
    water = {k: v for k, v in CITY.items() if k.startswith("water.")}
    note = unwritten(paragraphs, catalog, compute(catalog, water, H1))
    assert note.startswith("报告中没有以下内容，因为缺少数据（尚未填报，或所计区县尚未审核通过）：") and "大气环境（缺" in note and "优良天数" in note
    assert "国控断面数" not in note  # written: the water paragraph has its figures
    everything = {code: 1 for code in catalog.indicators if not catalog[code].derived}
    assert unwritten(paragraphs, catalog, compute(catalog, {**everything, **CITY}, H1)) is None
    # A clause of a paragraph written all the same: the Yangtze's class, the bureau's to enter, is named too.
    without = {k: v for k, v in {**everything, **CITY}.items() if k != "water.yangtze_class"}
    assert unwritten(paragraphs, catalog, compute(catalog, without, H1)) == "报告中没有以下内容，因为缺少数据（尚未填报，或所计区县尚未审核通过）：水环境（缺长江干流水质类别）。"



def test_a_provisional_subject_takes_the_plural_possessive(resources, paragraphs):
    from desktop.core.text import Text

    catalog = resources.catalog
    figures = compute(catalog, CITY, H1)
    text = write_report(paragraphs, catalog, resources.units.municipality, H1, figures, compute(catalog, {}, H1), {}, "en",
                        Text("已审核通过的5个区县", "the 5 accepted districts"))  # fmt: skip
    assert "the 5 accepted districts' 74 state-controlled sections" in text[0] and "districts's" not in " ".join(text)
