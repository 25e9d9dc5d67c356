"""Derived indicators from raw values: ratios from numerators and denominators, never averages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.catalog import Catalog
from desktop.core.formulas import NotApplicable
from desktop.core.semester import Semester
from desktop.core.values import Value, round_half_up


class _NotApplicable:
    """A ratio whose denominator is zero: the figure does not exist (not 0 %, not 100 %)."""

    _instance = None

    def __new__(cls):
        cls._instance = cls._instance or super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"

    def __bool__(self) -> bool:
        return False


NOT_APPLICABLE = _NotApplicable()


@dataclass(frozen=True, slots=True)
class Figures:
    """Raw and derived values of one unit-half. Derived values are rounded half-up as published."""

    raw: Mapping[str, Value]
    derived: Mapping[str, Value | _NotApplicable]

    def get(self, code: str) -> Value | None:
        value = self.raw.get(code, self.derived.get(code))
        return None if value is NOT_APPLICABLE else value

    def is_not_applicable(self, code: str) -> bool:
        return self.derived.get(code) is NOT_APPLICABLE


def compute(catalog: Catalog, raw: Mapping[str, Value], semester: Semester | None = None) -> Figures:
    """Evaluates every derived indicator whose inputs are all present."""
    context: dict[str, object] = {c: v for c, v in raw.items() if not isinstance(v, str)}
    if semester is not None:
        context["semester.days"] = semester.days
    derived: dict[str, Value | _NotApplicable] = {}
    for ind in catalog.derived():
        if not ind.formula.codes <= context.keys():
            continue
        try:
            result = ind.formula.evaluate(context)
        except NotApplicable:
            derived[ind.code] = NOT_APPLICABLE
            continue
        rounded = round_half_up(result, ind.places)
        derived[ind.code] = int(rounded) if ind.type == "integer" else rounded
    return Figures(raw, derived)
