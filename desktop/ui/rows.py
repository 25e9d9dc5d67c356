"""Plain rows for the entry grid, built from a HalfReport. No Qt here: the model only displays them."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.catalog import Catalog, Indicator
from desktop.core.checks import CheckResult
from desktop.core.display import change, shown
from desktop.core.report import HalfReport
from desktop.core.targets import MET, MISSED, NO_TARGET
from desktop.core.text import Text

# What the status column shows, worst first.
ERROR, WARNING, MISSED_TARGET, MET_TARGET, NO_GOAL, EMPTY = "error", "warning", "missed", "met", "no_target", "empty"
EXPLAINED = "explained"  # warnings the unit has explained: dealt with, as the checks list shows them
EXPLAINED_WORD = Text("已说明：", "Explained: ")  # first: the column is narrow, and the end of a long text is cut


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    code: str
    topic: str
    indicator: Indicator
    name: str
    unit: str
    value: str
    previous: str
    last_year: str
    change: str
    target: str
    status: str
    status_text: str
    explanation: str
    editable: bool  # a raw element this unit enters (not derived, not summed from districts)


def _status(ind: Indicator, report: HalfReport, by_code: dict[str, list[CheckResult]], lang: str) -> tuple[str, str]:
    results = by_code.get(ind.code, [])
    errors = [r for r in results if r.severity == "error"]
    if errors:
        return ERROR, errors[0].message(lang)
    if ind.formula is not None:  # a figure computed from a value in error is judged by nothing (125 % is not 达标)
        wrong = [r for r in report.checks if r.severity == "error" and ind.formula.codes.intersection(r.codes)]
        if wrong:
            return ERROR, Text(f"计算所用的数值有误：{wrong[0].message.zh}",
                               f"Calculated from a value in error: {wrong[0].message.en}")(lang)  # fmt: skip
    att = report.attainments.get(ind.code)
    warnings = [r for r in results if r.severity == "warning" and r.kind != "target"]
    unexplained = [r for r in warnings if not r.explained]
    if att is not None and att.status == MISSED:  # a missed target stays missed, in words; its 说明 is said beside it
        if any(r.kind == "target" and r.explained for r in results):  # a warning dealt with, as the checks list shows it
            return EXPLAINED, EXPLAINED_WORD(lang) + att.describe(ind, lang)
        return MISSED_TARGET, att.describe(ind, lang)
    if unexplained:
        return WARNING, unexplained[0].message(lang)
    if warnings:
        return EXPLAINED, EXPLAINED_WORD(lang) + warnings[0].message(lang)
    if att is not None and att.status == MET:
        return MET_TARGET, att.describe(ind, lang)
    if att is None or att.status == NO_TARGET:
        return NO_GOAL, ""  # most indicators have no target: say nothing rather than "no target" fifty times
    return EMPTY, att.describe(ind, lang)


def entry_rows(report: HalfReport, catalog: Catalog, lang: str) -> list[IndicatorRow]:
    by_code: dict[str, list[CheckResult]] = {}
    for result in report.checks:
        for code in result.codes[:1]:  # a result belongs to the indicator it is about
            by_code.setdefault(code, []).append(result)
    municipality = report.unit.is_municipality
    rows = []
    for ind in catalog.applicable(municipality):
        att = report.attainments.get(ind.code)
        status, status_text = _status(ind, report, by_code, lang)
        editable = not ind.derived and not (municipality and ind.aggregation == "sum")
        rows.append(IndicatorRow(
            code=ind.code, topic=ind.topic, indicator=ind, name=ind.name(lang), unit=ind.unit(lang),
            value=shown(ind, report.figures, lang), previous=shown(ind, report.previous, lang),
            last_year=shown(ind, report.last_year, lang),
            change=change(ind, report.figures.get(ind.code), report.last_year.get(ind.code), lang),
            target=att.target.shown(ind, lang) if att else "", status=status, status_text=status_text,
            explanation=report.half.explanations.get(ind.code, ""), editable=editable,
        ))  # fmt: skip
    return rows
