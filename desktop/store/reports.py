"""Everything about one unit-half that a screen, a workbook or a report shows, gathered once."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from desktop.core.checks import CheckInput, CheckResult, attainments, run_checks
from desktop.core.derived import Figures, compute
from desktop.core.fingerprint import fingerprint
from desktop.core.semester import Semester
from desktop.core.targets import Attainment
from desktop.core.units import Unit
from desktop.store.models import AuditRow, SubmissionRow
from desktop.store.service import Store, UnitHalf


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
    status: str
    version: int
    preparer: str | None  # who entered the values (填表人)
    approver: str | None  # who signed off the submission (审核人)
    fingerprint: str

    def count(self, severity: str, unexplained_only: bool = False) -> int:
        return sum(r.severity == severity and not (unexplained_only and r.explained) for r in self.checks)


def half_report(store: Store, unit: Unit, semester: Semester) -> HalfReport:
    catalog, targets = store.catalog, store.resources.targets
    half = store.unit_half(unit, semester)
    before = store.unit_half(unit, semester.same_last_year())
    figures = compute(catalog, half.raw, semester)
    previous = compute(catalog, store.unit_half(unit, semester.previous()).raw, semester.previous())
    last_year = compute(catalog, before.raw, semester.same_last_year())
    data = CheckInput(
        unit, semester, half.raw, half.explanations, before.raw, consolidated=unit.is_municipality
    )
    checks = run_checks(catalog, targets, data, figures)
    goals = {a.code: a for a in attainments(catalog, targets, unit, semester, figures)}
    with store.session() as s:
        sub = s.exec(
            select(SubmissionRow).where(
                SubmissionRow.unit_code == unit.code, SubmissionRow.semester == str(semester)
            )
        ).first()
        people = s.exec(
            select(AuditRow.user, AuditRow.action, AuditRow.new)
            .where(AuditRow.unit_code == unit.code, AuditRow.semester == str(semester))
            .order_by(col(AuditRow.id))
        ).all()
    preparer = next((u for u, action, _ in reversed(people) if action.startswith("value.")), None)
    approver = next(
        (u for u, action, new in reversed(people) if action == "status" and new == "submitted"), None
    )
    digest = fingerprint(unit.code, str(semester), catalog.version, half.raw, half.explanations)
    return HalfReport(unit, semester, half, figures, previous, last_year, goals, checks,
                      sub.status if sub else "draft", sub.version if sub else 0, preparer, approver, digest)  # fmt: skip


def _json(value: object) -> object:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and value.as_tuple().exponent >= 0
            else float(value)
        )
    return value


def half_json(report: HalfReport, catalog_version: str, lang: str = "zh") -> dict:
    """The JSON of `show --json` (and of `consolidate --json` for the city): a contract other tools read."""
    figures, last_year = report.figures, report.last_year
    return {
        "unit": report.unit.code,
        "unit_name": report.unit.name(lang),
        "semester": str(report.semester),
        "status": report.status,
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
        "missing_units": report.half.consolidated.missing_units if report.half.consolidated else [],
        "fingerprint": report.fingerprint,
    }


def narrative(resources, report: HalfReport, lang: str = "zh") -> list[str]:
    """The published paragraphs of a unit-half, from the active set-up's narrative (or the shipped one)."""
    from desktop.core.narrative import load_narrative, write_report
    from desktop.resources import resources_dir

    own = resources.root / "narrative.toml"
    paragraphs = load_narrative(own if own.exists() else resources_dir() / "narrative.toml", resources.catalog)
    return write_report(paragraphs, resources.catalog, report.unit, report.semester, report.figures, report.last_year,
                        report.attainments, lang)  # fmt: skip
