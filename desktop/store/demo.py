"""A demo database: the 38 districts and the city for 2023H1–2024H1.

District figures are invented but plausible, and split so that the city's totals reproduce the
Chongqing bureau's report on 2024H1: 73 of 74 sections excellent (98.6 %), 163 good-air days
(72 excellent + 91 good, 89.6 %), PM2.5 36.6 μg/m³, 4012 outfalls with 94 % remediated, and so on.
"""

from __future__ import annotations

import random
from decimal import Decimal

from desktop.core.semester import Semester
from desktop.core.workflow import Status
from desktop.store.service import Store
from desktop.store.submissions import Submissions
from desktop.store.users import create

DEMO_PASSWORD = "ecoreport"
DEMO_USERS = [  # name, role, unit, display name
    ("reviewer", "reviewer", None, "市局审核员"),
    ("city", "clerk", "500000", "市局填报员"),
    ("wanzhou", "clerk", "500101", "万州区填报员"),
    ("wanzhou_approver", "approver", "500101", "万州区审核人"),
    ("yuzhong", "clerk", "500103", "渝中区填报员"),
    ("yuzhong_approver", "approver", "500103", "渝中区审核人"),
]
SEMESTERS = [Semester(2023, 1), Semester(2023, 2), Semester(2024, 1)]

# The city's summed totals for 2024H1, from the report (invented where it gives none: marked *).
TOTALS_2024H1 = {
    "water.sections_total": 74, "water.sections_excellent": 73, "water.sections_below_v": 0,
    "water.drinking_sources_total": 60, "water.drinking_sources_compliant": 60,  # *
    "water.outlets_total": 4012, "water.outlets_remediated": 3772, "water.river_cases": 5,
    "air.ent_ultralow_new": 31, "air.ent_exhaust_total": 577, "air.ent_ab_new": 27,
    "air.vehicles_retired": 52000, "air.nev_promoted": 106000,
    "soil.plots_surveyed": 84, "soil.plots_risk_assessed": 17, "soil.plots_delisted": 8,
    "soil.soil_remediated_m2": 336000, "soil.clean_land_mu": Decimal("695.0"),
    "soil.key_plots_total": 120, "soil.key_plots_safe": 120,  # *
    "waste.cells": 1600, "waste.hazardous_capacity_new_tpa": 295000, "waste.medical_capacity_tpa": 77700,
    "waste.plastic_recycled_t": Decimal("16.85"), "waste.green_packaging": Decimal("332.00"),
    "climate.finance_projects": 482, "gov.eia_approved": 1136, "gov.eia_investment_100m_yuan": Decimal("3136.0"),
    "enf.penalties": 576, "enf.major_cases": 30, "enf.positive_list": 3027, "enf.credit_repaired": 239,
    "enf.hazards_rectified": 332, "insp.typical_cases": 4, "insp.key_issues": 24,
    "insp.complaints_received": 3421, "insp.complaints_closed": 492, "insp.complaints_closed_stage": 1572,
}  # fmt: skip
# Earlier halves (invented): counts that only grow are a little lower, the inspection had not started.
FIXED_EARLIER = {
    Semester(2023, 1): {"water.sections_excellent": 72, "water.outlets_remediated": 2850, "soil.key_plots_total": 112,
                        "soil.key_plots_safe": 112, "insp.typical_cases": 0, "insp.key_issues": 0,
                        "insp.complaints_received": 0, "insp.complaints_closed": 0, "insp.complaints_closed_stage": 0},
    Semester(2023, 2): {"water.sections_excellent": 73, "water.outlets_remediated": 3400, "soil.key_plots_total": 116,
                        "soil.key_plots_safe": 116, "insp.typical_cases": 0, "insp.key_issues": 0,
                        "insp.complaints_received": 0, "insp.complaints_closed": 0, "insp.complaints_closed_stage": 0},
}  # fmt: skip
CITY_OWN = {
    Semester(2024, 1): {"air.days_valid": 182, "air.days_excellent": 72, "air.days_good": 91, "air.days_severe": 0,
                        "air.pm25": "36.6", "water.yangtze_class": "Ⅱ", "climate.carbon_volume_mt": "5109.00",
                        "climate.carbon_rank": 3, "gov.control_units": 818},
    Semester(2023, 2): {"air.days_valid": 184, "air.days_excellent": 88, "air.days_good": 78, "air.days_severe": 0,
                        "air.pm25": "37.9", "water.yangtze_class": "Ⅱ", "climate.carbon_volume_mt": "2210.75",
                        "climate.carbon_rank": 5, "gov.control_units": 785},
    Semester(2023, 1): {"air.days_valid": 181, "air.days_excellent": 65, "air.days_good": 92, "air.days_severe": 0,
                        "air.pm25": "40.9", "water.yangtze_class": "Ⅱ", "climate.carbon_volume_mt": "3520.40",
                        "climate.carbon_rank": 4, "gov.control_units": 785},
}  # fmt: skip
# Demo statuses of 2024H1: these districts are still entering, the first few are already accepted.
DRAFT_2024H1 = ("500101", "500102", "500103")
ACCEPTED_2024H1 = ("500104", "500105", "500106", "500107", "500108")


def split(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of a whole number: the parts add up to `total` exactly."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    parts = [int(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: shares[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _split_value(total: int | Decimal, weights: list[float]) -> list[int | Decimal]:
    if isinstance(total, Decimal):
        places = -total.as_tuple().exponent
        scale = 10**places
        return [Decimal(p) / scale for p in split(int(total * scale), weights)]
    return split(total, weights)


def _totals(semester: Semester, rng: random.Random) -> dict[str, int | Decimal]:
    if semester == Semester(2024, 1):
        return dict(TOTALS_2024H1)
    factor_stock = 0.88 if semester == Semester(2023, 1) else 0.94
    out: dict[str, int | Decimal] = {}
    for code, value in TOTALS_2024H1.items():
        factor = factor_stock if code in _STOCKS else rng.uniform(0.85, 1.08)
        if code.startswith("water.") and code not in ("water.outlets_remediated", "water.river_cases"):
            factor = 1.0
        if isinstance(value, Decimal):
            out[code] = (value * Decimal(str(factor))).quantize(value)
        else:
            out[code] = round(value * factor)
    out.update(FIXED_EARLIER[semester])
    return out


_STOCKS = {"air.ent_exhaust_total", "waste.cells", "waste.medical_capacity_tpa", "climate.finance_projects",
           "enf.positive_list"}  # fmt: skip
# Shares that follow another element, so that parts never exceed their whole in any district.
_FOLLOWS = {"water.drinking_sources_compliant": "water.drinking_sources_total",
            "water.outlets_remediated": "water.outlets_total", "soil.key_plots_safe": "soil.key_plots_total",
            "insp.complaints_closed": "insp.complaints_received",
            "insp.complaints_closed_stage": "insp.complaints_received"}  # fmt: skip


def district_values(
    store: Store, semester: Semester, rng: random.Random, weights: dict[str, list[float]]
) -> dict[str, dict]:
    districts = [u.code for u in store.units.districts()]
    totals = _totals(semester, rng)
    per_unit: dict[str, dict] = {u: {} for u in districts}
    for code, total in totals.items():
        if code == "water.sections_excellent":
            continue
        base = _FOLLOWS.get(code)
        w = [float(per_unit[u][base]) + 1e-9 for u in districts] if base else weights[code]
        for unit, part in zip(districts, _split_value(total, w), strict=True):
            per_unit[unit][code] = part
    _excellent_sections(
        per_unit, districts, totals["water.sections_total"] - totals["water.sections_excellent"]
    )
    _fix_closed(per_unit)
    _air(per_unit, semester, rng)
    return per_unit


def _excellent_sections(per_unit: dict, districts: list[str], not_excellent: int) -> None:
    """Every section excellent except `not_excellent` of them; one in a district with a single section."""
    for u in districts:
        per_unit[u]["water.sections_excellent"] = per_unit[u]["water.sections_total"]
    singles = [u for u in districts if per_unit[u]["water.sections_total"] == 1]
    larger = sorted(districts, key=lambda u: -per_unit[u]["water.sections_total"])
    for u in (singles[:1] + larger)[:not_excellent]:
        per_unit[u]["water.sections_excellent"] -= 1


def _fix_closed(per_unit: dict) -> None:
    for values in per_unit.values():
        excess = (
            values["insp.complaints_closed"]
            + values["insp.complaints_closed_stage"]
            - values["insp.complaints_received"]
        )
        if excess > 0:
            values["insp.complaints_closed_stage"] -= excess


def _air(per_unit: dict, semester: Semester, rng: random.Random) -> None:
    city = CITY_OWN[semester]
    city_ratio = (city["air.days_excellent"] + city["air.days_good"]) / city["air.days_valid"]
    for values in per_unit.values():
        valid = semester.days - rng.choice((0, 0, 0, 1, 2))
        good_total = min(valid, round(valid * min(0.99, max(0.7, rng.gauss(city_ratio, 0.04)))))
        excellent = round(good_total * rng.uniform(0.36, 0.52))
        values.update({
            "air.days_valid": valid, "air.days_excellent": excellent, "air.days_good": good_total - excellent,
            "air.days_severe": 0, "air.pm25": f"{max(15.0, rng.gauss(float(city['air.pm25']), 4.0)):.1f}",
        })  # fmt: skip


def use_demo_setup(store: Store, actor: str = "admin") -> str:
    """The demo's set-up package (the shipped data files with example targets) becomes the active one, and the
    store checks with it from now on (its example targets)."""
    from desktop.store import packages

    version = packages.activate(store, actor, packages.demo_content(), "demo", f"demo-{store.catalog.version}", demo=True)
    store.use(packages.validate(packages.demo_content(), demo=True))
    return version


def fill(store: Store, actor: str = "admin") -> None:
    """Makes the demo's set-up (example targets) the active one, then creates the demo users and values."""
    use_demo_setup(store, actor)
    rng = random.Random(20240630)
    districts = store.units.districts()
    weights = {code: [rng.lognormvariate(0, 0.6) for _ in districts] for code in TOTALS_2024H1}
    with store.session() as s:
        for name, role, unit, display in DEMO_USERS:
            create(s, store.units, actor, name, DEMO_PASSWORD, role, unit, display)
        s.commit()
    for semester in SEMESTERS:
        per_unit = district_values(store, semester, rng, weights)
        for unit in districts:
            store.set_values(actor, unit, semester, per_unit[unit.code], reason="演示数据 demo data")
        store.set_values(
            actor, store.units.municipality, semester, CITY_OWN[semester], reason="演示数据 demo data"
        )
        submissions = Submissions(store)
        for unit in districts:
            if semester != SEMESTERS[-1] or unit.code not in DRAFT_2024H1:
                _explain_warnings(store, actor, unit, semester)  # as its sign-off required
                accepted = semester != SEMESTERS[-1] or unit.code in ACCEPTED_2024H1
                submissions.record_demo(actor, unit, semester, accepted)
    _plausible_dates(store, rng)


# What a district writes when a figure misses its target or moves unusually, by the kind of check and topic.
_EXPLANATIONS = {
    ("target", "air"): "受上半年降水偏少、静稳天气多及区域传输影响未达目标；已加密监测，落实扬尘和机动车管控措施",
    ("target", "water"): "枯水期流量减少，个别断面受上游来水影响水质下降；已开展溯源排查并制定整改方案",
    ("yoy", "air"): "已与监测站核对原始数据，变化属实：本期气象条件与上年同期差异较大，管控措施见效",
    ("yoy", "water"): "已与监测站核对原始数据，变化属实：本期断面水量与上年同期差异较大",
}
_EXPLANATION = "已核对原始台账，数据属实，变化原因见半年工作总结"


def _explain_warnings(store: Store, actor: str, unit, semester: Semester) -> None:
    """A submitted half has an explanation for each warning: sign-off refuses one without."""
    notes = {}
    for r in store.checks(unit, semester):
        if r.severity == "warning" and r.blocking:
            kind, topic = r.rule.split(":")[0], r.codes[0].split(".")[0]
            notes.setdefault(r.codes[0], _EXPLANATIONS.get((kind, topic), _EXPLANATION))
    if notes:
        store.set_values(actor, unit, semester, {}, notes, reason="演示数据 demo data")


def _plausible_dates(store: Store, rng: random.Random) -> None:
    """Submissions arrived around each half's deadline (a few late), not on the day the demo was made."""
    from datetime import UTC, datetime, time, timedelta

    from sqlalchemy import text


    deadlines = {str(s): d for s, d in store.resources.targets.deadlines.items()}  # the demo's own set-up, in use
    with store.db.engine.begin() as conn:
        rows = conn.execute(text("SELECT id, unit_code, semester FROM submission WHERE status != :draft"), {"draft": Status.DRAFT}).all()
        for row_id, unit_code, semester in rows:
            deadline = deadlines.get(semester)
            if deadline is None:
                continue
            day = deadline - timedelta(days=rng.randint(-3, 12))
            at = datetime.combine(day, time(9 + rng.randint(0, 8), rng.randint(0, 59)), UTC)
            conn.execute(text("UPDATE submission SET updated_at = :at, received_at = :at WHERE id = :id"), {"at": at, "id": row_id})
            conn.execute(text("UPDATE submission_version SET received_at = :at WHERE unit_code = :unit AND semester = :half"),
                         {"at": at, "unit": unit_code, "half": semester})  # what the inbox shows as received
