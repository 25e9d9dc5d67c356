"""Everything about one unit-half that a screen, a workbook or a report shows, computed from plain data.

The store gathers the data (store.reports); what is derived from it, and how it is published, is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from desktop.core.catalog import Catalog
from desktop.core.checks import CheckInput, CheckResult, attainments, run_checks
from desktop.core.consolidation import Consolidated
from desktop.core.derived import Figures, compute
from desktop.core.fingerprint import fingerprint
from desktop.core.semester import Semester
from desktop.core.targets import Attainment, Target, TargetBook
from desktop.core.text import Text
from desktop.core.units import Unit, Units
from desktop.core.values import Value
from desktop.core.workflow import Status

NOT_ASSESSED = Text("暂不评价：初步合计数", "not assessed: provisional total")  # said of each target in `unassessed`
NOTHING_COUNTED = Text("暂不评价：尚无计入的数据", "not assessed: nothing counted yet")  # …that has no total at all


def not_assessed(figures: Figures, code: str) -> Text:
    """Why a target in `unassessed` is not judged: its total is provisional, or there is no total yet."""
    return NOTHING_COUNTED if figures.get(code) is None and not figures.is_not_applicable(code) else NOT_ASSESSED


@dataclass(frozen=True, slots=True)
class UnitHalf:
    """One unit's raw values of one half; for the city, sums of the counted districts plus its own entries."""

    unit: Unit
    semester: Semester
    raw: dict[str, Value]
    explanations: dict[str, str]
    consolidated: Consolidated | None = None
    versions: dict[str, tuple[int, str, object]] = field(default_factory=dict)  # code → (version, who, when)


@dataclass(frozen=True, slots=True)
class HalfReport:
    unit: Unit
    semester: Semester
    half: UnitHalf
    figures: Figures
    previous: Figures  # the half before (环比)
    last_year: Figures  # the same half a year before (同比)
    attainments: dict[str, Attainment]
    checks: list[CheckResult]
    status: Status
    version: int
    preparer: str | None  # who prepared the signed-off version (填表人), by full name
    approver: str | None  # who signed it off (审核人), by full name
    fingerprint: str
    # A provisional city total's targets, shown but not assessed: counting some districts, it would miss what is not missed.
    unassessed: dict[str, Target] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)  # the signed form's people: head, stats, phone, date …

    def count(self, severity: str, unexplained_only: bool = False) -> int:
        return sum(r.severity == severity and not (unexplained_only and r.explained) for r in self.checks)

    @property
    def coverage(self):
        """For the city: which districts its figures count (None for a district)."""
        return self.half.consolidated.coverage if self.half.consolidated else None


def build_half_report(catalog: Catalog, targets: TargetBook, half: UnitHalf, previous: UnitHalf, last_year: UnitHalf,
                      status: Status, version: int, preparer: str | None, approver: str | None,
                      people: dict[str, str] | None = None) -> HalfReport:  # fmt: skip
    unit, semester = half.unit, half.semester
    figures = compute(catalog, half.raw, semester)
    before, year_ago = previous.raw, last_year.raw
    provisional = half.consolidated is not None and half.consolidated.provisional
    if provisional:
        # A provisional total counts only some districts: beside a whole earlier half, or against the city's target,
        # it would show a fall or a miss that is not there. Only the city's own measurements are compared and assessed.
        before = {c: v for c, v in before.items() if c in catalog.indicators and catalog.city_measured(c)}
        year_ago = {c: v for c, v in year_ago.items() if c in catalog.indicators and catalog.city_measured(c)}
    before = compute(catalog, before, semester.previous())
    year_ago = compute(catalog, year_ago, semester.same_last_year())
    data = CheckInput(unit, semester, half.raw, half.explanations, last_year.raw, consolidated=unit.is_municipality,
                      provisional=provisional)
    checks = run_checks(catalog, targets, data, figures)
    assessed = attainments(catalog, targets, unit, semester, figures)
    goals = {a.code: a for a in assessed if not provisional or catalog.city_measured(a.code)}
    unassessed = {a.code: a.target for a in assessed if a.code not in goals}
    digest = fingerprint(unit.code, str(semester), catalog.version, half.raw, half.explanations)
    return HalfReport(unit, semester, half, figures, before, year_ago, goals, checks, status, version, preparer, approver,
                      digest, unassessed, dict(people or {}))  # fmt: skip


def partial_subject(report: HalfReport) -> Text | None:
    """Who a provisional city sum is about: the districts it counts, not 全市 (None once the figures are final)."""
    cov = report.coverage
    if cov is None or cov.final:
        return None
    n = len(cov.counted)
    if cov.include == "accepted":
        return Text(f"已审核通过的{n}个区县", f"the {n} accepted districts")
    return Text(f"已计入的{n}个区县", f"the {n} districts counted")


def _json(value: object) -> object:
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and value.as_tuple().exponent >= 0
            else float(value)
        )
    return value


def coverage_json(report: HalfReport, units: Units | None = None, lang: str = "zh") -> dict:
    cov = report.coverage
    if cov is None:
        return {}
    name = (lambda code: units.get(code).name(lang)) if units else (lambda code: code)  # noqa: E731
    return {
        "missing_units": [{"unit": u, "name": name(u), "status": s} for u, s in cov.excluded.items()],
        "coverage": {"include": cov.include, "expected": cov.expected, "accepted": cov.accepted,
                     "counted": len(cov.counted), "final": cov.final, "text": cov.describe(lang)},
    }  # fmt: skip


def half_json(report: HalfReport, catalog_version: str, lang: str = "zh", units: Units | None = None) -> dict:
    """The JSON of `show --json` (and of `consolidate --json` for the city): a contract other tools read."""
    figures, last_year = report.figures, report.last_year
    return {
        "unit": report.unit.code,
        "unit_name": report.unit.name(lang),
        "semester": str(report.semester),
        "status": str(report.status),
        "version": report.version,
        "catalog_version": catalog_version,
        "values": {c: _json(v) for c, v in report.half.raw.items()},
        "derived": {c: _json(figures.get(c)) for c in figures.derived},
        "not_applicable": [c for c in figures.derived if figures.is_not_applicable(c)],
        "explanations": report.half.explanations,
        "last_year": {c: _json(last_year.get(c)) for c in list(last_year.raw) + list(last_year.derived)},
        "targets": {
            c: {
                "op": a.target.op,
                "value": _json(a.target.value),
                "basis": a.target.basis(lang),
                "status": a.status,
                "margin": _json(a.margin),
                "example": a.target.example,
            }
            for c, a in report.attainments.items()
        },  # fmt: skip
        "missing_units": [],
        **coverage_json(report, units, lang),
        "fingerprint": report.fingerprint,
    }


def narrative(paragraphs, catalog: Catalog, report: HalfReport, lang: str = "zh") -> list[str]:
    """The published paragraphs of a unit-half; the city's open with their coverage while any district is not final."""
    from desktop.core.narrative import write_report

    text = write_report(paragraphs, catalog, report.unit, report.semester, report.figures, report.last_year,
                        report.attainments, lang, partial_subject(report))  # fmt: skip
    cov = report.coverage
    if cov is not None and not cov.final:
        text.insert(0, f"【{cov.describe(lang)}】" if lang == "zh" else f"[{cov.describe(lang)}]")
    return text
