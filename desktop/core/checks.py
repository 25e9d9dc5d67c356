"""The check engine: every rule a unit-half's values must satisfy, as a list of CheckResults.

Kinds: range (a stored value no longer fits its indicator), required, consistency (rules in the
catalog), target (missed targets), yoy (a year-on-year change beyond the indicator's usual range).
The same engine serves the command line, the entry grid, the import and the bureau's review.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.core import targets as tg
from desktop.core.catalog import Catalog, Indicator
from desktop.core.derived import Figures, compute
from desktop.core.formulas import NotApplicable
from desktop.core.semester import Semester
from desktop.core.targets import TargetBook
from desktop.core.text import Text
from desktop.core.units import Unit
from desktop.core.values import Value, format_value, range_problem, round_half_up

SEVERITY_ORDER = {"error": 0, "warning": 1, "notice": 2}


@dataclass(frozen=True, slots=True)
class CheckResult:
    rule: str
    kind: str  # range | required | consistency | target | yoy
    severity: str  # error | warning | notice
    codes: tuple[str, ...]
    message: Text
    actual: str | None = None
    expected: str | None = None
    explained: bool = False  # a warning with a written explanation on one of its codes

    @property
    def blocking(self) -> bool:
        """Stops submission: an error, or a warning nobody has explained."""
        return self.severity == "error" or (self.severity == "warning" and not self.explained)

    def to_json(self, lang: str = "zh") -> dict:
        return {
            "rule": self.rule, "kind": self.kind, "severity": self.severity, "codes": list(self.codes),
            "message": self.message(lang), "message_zh": self.message.zh, "message_en": self.message.en,
            "actual": self.actual, "expected": self.expected, "explained": self.explained,
        }  # fmt: skip


@dataclass(slots=True)
class CheckInput:
    """Everything the engine needs about one unit-half; built by the store or an importer."""

    unit: Unit
    semester: Semester
    raw: Mapping[str, Value]
    explanations: Mapping[str, str] = field(default_factory=dict)
    last_year: Mapping[str, Value] = field(default_factory=dict)  # raw values of the same half a year before
    # For the city: sum elements come from districts; missing ones are not the city clerk's to fill in.
    consolidated: bool = False
    # The city's total counts only some districts: a sum is neither judged against the city's target nor compared
    # with last year's whole city (a miss or a fall that is not there); the city's own measurements still are.
    provisional: bool = False


def run_checks(
    catalog: Catalog, targets: TargetBook, data: CheckInput, figures: Figures | None = None
) -> list[CheckResult]:
    figures = figures or compute(catalog, data.raw, data.semester)
    municipality = data.unit.is_municipality
    visible = catalog.applicable(municipality)
    results: list[CheckResult] = []
    results += _range_and_required(visible, data, figures)
    results += _consistency(catalog, data, figures, {i.code for i in visible})
    judged = _targets(catalog, targets, data, figures) + _year_on_year(catalog, visible, data, figures)
    results += [r for r in judged if not data.provisional or catalog.city_measured(r.codes[0])]
    if data.explanations:
        results = [_mark_explained(r, data.explanations, catalog) for r in results]
    results.sort(key=lambda r: SEVERITY_ORDER[r.severity])
    return results


def _mark_explained(result: CheckResult, explanations: Mapping[str, str], catalog: Catalog) -> CheckResult:
    """A warning is explained by a reason on one of its codes; boilerplate alone (核实无误) leaves it unexplained, and its
    message says why, wherever it is read: the cell, the checks list, the refusal to submit, the bureau's findings."""
    if result.severity != "warning":
        return result
    said = [explanations.get(c, "").strip() for c in result.codes if explanations.get(c, "").strip()]
    if any(catalog.explains(text) for text in said):
        return CheckResult(result.rule, result.kind, result.severity, result.codes, result.message,
                           result.actual, result.expected, explained=True)  # fmt: skip
    if not said:
        return result
    message = Text(f"{result.message.zh}（说明“{said[0]}”未写明原因，请说明为什么）",
                   f"{result.message.en} (the explanation “{said[0]}” gives no reason: say why)")  # fmt: skip
    return CheckResult(result.rule, result.kind, result.severity, result.codes, message, result.actual, result.expected)


def _range_and_required(visible: list[Indicator], data: CheckInput, figures: Figures) -> list[CheckResult]:
    out = []
    for ind in visible:
        if ind.derived:
            continue
        value = data.raw.get(ind.code)
        if value is None:
            if not ind.required or (data.consolidated and ind.aggregation == "sum"):
                continue
            out.append(CheckResult(
                f"required:{ind.code}", "required", "error", (ind.code,),
                Text(f"“{ind.name.zh}”必须填报", f"'{ind.name.en}' is required"),
            ))  # fmt: skip
            continue
        problem = range_problem(ind, value, data.semester)
        if problem is not None:
            out.append(CheckResult(
                f"range:{ind.code}", "range", "error", (ind.code,),
                Text(f"“{ind.name.zh}”{problem.zh}", f"'{ind.name.en}' {problem.en}"), actual=str(value),
            ))  # fmt: skip
    return out


def _consistency(
    catalog: Catalog, data: CheckInput, figures: Figures, visible: set[str]
) -> list[CheckResult]:
    context: dict[str, object] = {c: v for c, v in figures.raw.items() if not isinstance(v, str)}
    context["semester.days"] = data.semester.days
    out = []
    for rule in catalog.rules:
        if not rule.codes <= visible or not rule.codes <= context.keys():
            continue  # a missing value is reported once, by the required check
        try:
            holds = rule.formula.evaluate(context)
        except NotApplicable:  # a zero denominator: the rule does not apply to these values (the loader tried the rest)
            continue
        if not holds:
            actual = ", ".join(f"{c}={context[c]}" for c in sorted(rule.codes))
            out.append(CheckResult(rule.id, "consistency", rule.severity, rule.formula.codes_in_order,
                                   rule.message, actual=actual, expected=rule.formula.source))  # fmt: skip
    return out


def attainments(
    catalog: Catalog, targets: TargetBook, unit: Unit, semester: Semester, figures: Figures
) -> list[tg.Attainment]:
    """Attainment of every targeted indicator for this unit-half, in catalog order."""
    applicable = targets.for_unit(semester, unit)
    out = []
    for ind in catalog.applicable(unit.is_municipality):
        target = applicable.get(ind.code)
        if target is not None:
            out.append(tg.assess(ind, target, figures.get(ind.code), figures.is_not_applicable(ind.code)))
    return out


def _targets(catalog: Catalog, targets: TargetBook, data: CheckInput, figures: Figures) -> list[CheckResult]:
    out = []
    for att in attainments(catalog, targets, data.unit, data.semester, figures):
        if att.status != tg.MISSED:
            continue
        ind, target = catalog[att.code], att.target
        shown = target.shown(ind)
        out.append(CheckResult(
            f"target:{ind.code}", "target", "warning", (ind.code,) + _inputs(ind),
            Text(f"“{ind.name.zh}”为{format_value(ind, att.actual)}{ind.unit.zh}，未达到目标（{shown}，{target.named.zh}）："
                 f"{att.describe(ind, 'zh')}",
                 f"'{ind.name.en}' is {format_value(ind, att.actual, 'en')} {ind.unit.en}, missing its target "
                 f"({shown}, {target.named.en}): {att.describe(ind, 'en')}"),
            actual=format_value(ind, att.actual), expected=shown,
        ))  # fmt: skip
    return out


def _inputs(ind: Indicator) -> tuple[str, ...]:
    return tuple(sorted(ind.formula.codes)) if ind.derived else ()


def _year_on_year(
    catalog: Catalog, visible: list[Indicator], data: CheckInput, figures: Figures
) -> list[CheckResult]:
    if not data.last_year:
        return []
    before = compute(catalog, data.last_year, data.semester.same_last_year())
    out = []
    for ind in visible:
        if ind.yoy is None:
            continue
        now, then = figures.get(ind.code), before.get(ind.code)
        if now is None or then is None or isinstance(now, str) or isinstance(then, str):
            continue
        change = Decimal(now) - Decimal(then)
        if abs(change) <= ind.yoy.min_change:
            continue
        if ind.yoy.points is not None:
            unusual = abs(change) > ind.yoy.points
            amount = Text(
                f"{round_half_up(change, ind.places):+}个百分点",
                f"{round_half_up(change, ind.places):+} points",
            )
        else:
            ratio = abs(change) / abs(Decimal(then)) if then else None
            unusual = ratio is None or ratio > ind.yoy.relative
            pct = f"{round_half_up(change / Decimal(then) * 100, 1):+}%" if then else "—"
            shown = format_value(ind, round_half_up(change, ind.places) if ind.places else change)
            shown = shown if shown.startswith("-") else f"+{shown}"  # a change, signed, in the indicator's unit
            amount = Text(f"{shown}{ind.unit('zh')}（{pct}）", f"{shown} {ind.unit('en')} ({pct})")
        if unusual:
            out.append(CheckResult(
                f"yoy:{ind.code}", "yoy", "warning", (ind.code,) + _inputs(ind),
                Text(f"“{ind.name.zh}”同比变化{amount.zh}，超出通常范围，请核实并说明原因",
                     f"'{ind.name.en}' changed {amount.en} year on year, more than usual: check it and explain why"),
                actual=format_value(ind, now), expected=format_value(ind, then),
            ))  # fmt: skip
    return out
