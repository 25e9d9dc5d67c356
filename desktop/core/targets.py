"""Targets per half-year and their attainment (达标 / 未达标), with the margin in the indicator's unit."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.core.catalog import Indicator
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.core.values import Value, round_half_up

OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq}
SCOPES = ("municipality", "districts", "all")
SCOPE_NAMES = {"municipality": Text("全市", "the city"), "districts": Text("各区县", "each district"), "all": Text("全部单位", "every unit")}
SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


@dataclass(frozen=True, slots=True)
class Target:
    code: str
    units: str  # municipality | districts | all | a unit code
    op: str
    value: Decimal | str
    basis: Text
    example: bool = False

    def shown(self, ind: Indicator, lang: str = "zh") -> str:
        """≥ 97.3 — the target as users read it; a level of a category in words (Ⅱ类及以上, not ≤ Ⅱ)."""
        from desktop.core.values import format_value

        level = format_value(ind, self.value, lang)
        if ind.type == "category" and self.op in ("<=", ">="):  # levels run best first: ≤ is "or better"
            better = self.op == "<="
            if lang == "zh":
                return f"{level}{ind.unit.zh}及{'以上' if better else '以下'}"
            return f"{ind.unit.en} {level} or {'better' if better else 'worse'}"
        return f"{SYMBOLS[self.op]} {level}"

    @property
    def sample(self) -> bool:
        """Invented for the demo (the example mark, or 示例 in its basis), not taken from an official document."""
        return self.example or "示例" in self.basis.zh or "example" in self.basis.en.lower()

    @property
    def named(self) -> Text:
        """The basis as a screen or a message gives it: an invented target says so where it is read (a workbook
        stars it instead, with a note under the table)."""
        if not self.sample or "示例" in self.basis.zh:
            return self.basis
        return Text(f"{self.basis.zh}，示例", f"{self.basis.en}, an example")

    def covers(self, unit: Unit) -> int:
        """How specifically this target covers `unit`: 0 not at all, higher wins."""
        if self.units == unit.code:
            return 3
        if self.units == "municipality":
            return 2 if unit.is_municipality else 0
        if self.units == "districts":
            return 0 if unit.is_municipality else 2
        return 1 if self.units == "all" else 0


class TargetBook:
    """All targets, by half-year."""

    def __init__(self, by_semester: dict[Semester, list[Target]], deadlines: dict[Semester, date] | None = None):
        self.by_semester = by_semester
        self.deadlines = deadlines or {}  # when the districts' submissions are due

    def semesters(self) -> list[Semester]:
        return sorted(self.by_semester)

    def for_unit(self, semester: Semester, unit: Unit) -> dict[str, Target]:
        """The target that applies to each code for this unit: a per-unit override beats the general one."""
        best: dict[str, tuple[int, Target]] = {}
        for target in self.by_semester.get(semester, ()):
            rank = target.covers(unit)
            if rank and rank > best.get(target.code, (0, None))[0]:
                best[target.code] = (rank, target)
        return {code: t for code, (_, t) in best.items()}


def deadline_problem(semester: Semester, day: date) -> Text | None:
    """A deadline comes after the half ends: the districts report on a half once it is over."""
    if day <= semester.end:
        return Text(f"截止日期 {day} 不在{semester.label('zh')}结束（{semester.end}）之后：报送在半年度结束后才能进行",
                    f"The deadline {day} is not after {semester} ends ({semester.end}): submissions come after the half")  # fmt: skip
    return None


def copy_targets(source: list[Target], bases: dict[tuple[str, str], Text] | None = None,
                 basis: Text | None = None) -> list[Target]:
    """Targets carried into another half. Each keeps its basis unless one is given (for all, or for one
    code and scope); none carries a sample mark, and a sample target without a new basis is refused."""
    bases = bases or {}
    copied, missing = [], []
    for t in source:
        new = bases.get((t.code, t.units)) or basis
        if new is None and (t.sample or not t.basis.zh.strip()):
            missing.append(t)
            continue
        new = new or t.basis
        if "示例" in new.zh or "example" in new.en.lower() or not new.zh.strip():
            missing.append(t)
            continue
        copied.append(Target(t.code, t.units, t.op, t.value, new))
    if missing:
        names = "、".join(f"{t.code}（{t.units}）" for t in missing)
        raise UserError(Text(f"以下目标需要填写依据（如国家考核目标、市级目标），示例依据不能沿用：{names}",
                             "These targets need a basis (national assessment target, municipal target, …); "
                             f"an example basis is not carried forward: {names}"))  # fmt: skip
    return copied


MET, MISSED, NO_VALUE, NOT_APPLICABLE, NO_TARGET = "met", "missed", "no_value", "not_applicable", "no_target"


@dataclass(frozen=True, slots=True)
class Attainment:
    code: str
    status: str  # met | missed | no_value | not_applicable | no_target
    actual: Value | None
    target: Target | None
    margin: Decimal | int | None  # actual − target, in the indicator's unit (percentage points for %)

    def describe(self, ind: Indicator, lang: str = "zh") -> str:
        """达标，高于目标1.3个百分点 / met, 1.3 percentage points above target."""
        if self.status in (NO_TARGET, NO_VALUE, NOT_APPLICABLE):
            return {
                NO_TARGET: Text("无目标", "no target"),
                NO_VALUE: Text("未填报", "not reported"),
                NOT_APPLICABLE: Text("不适用", "not applicable"),
            }[self.status](lang)
        verdict = Text("达标", "met") if self.status == MET else Text("未达标", "missed")
        if self.margin is None or self.margin == 0:
            return verdict(lang)
        unit = Text("个百分点", " percentage points") if ind.type == "percent" else ind.unit
        above = self.margin > 0
        amount = abs(self.margin)
        if lang == "en":
            unit_en = unit.en if ind.type == "percent" else f" {unit.en}"
            return f"{verdict.en}, {amount}{unit_en} {'above' if above else 'below'} target"
        return f"{verdict.zh}，{'高于' if above else '低于'}目标{amount}{unit.zh}"


def assess(
    ind: Indicator, target: Target | None, actual: Value | None, not_applicable: bool = False
) -> Attainment:
    """Compares the figure as published (rounded half-up) with the target: 98.6 − 97.3 = 1.3."""
    if target is None:
        return Attainment(ind.code, NO_TARGET, actual, None, None)
    if not_applicable:
        return Attainment(ind.code, NOT_APPLICABLE, None, target, None)
    if actual is None:
        return Attainment(ind.code, NO_VALUE, None, target, None)
    if ind.type == "category":
        # Levels are ordered best first, so "≤ Ⅱ" means an index no greater than Ⅱ's.
        rank_actual, rank_target = ind.levels.index(actual), ind.levels.index(target.value)
        met = OPERATORS[target.op](rank_actual, rank_target)
        return Attainment(ind.code, MET if met else MISSED, actual, target, None)
    published = round_half_up(actual, ind.places) if ind.places or not isinstance(actual, int) else actual
    goal = target.value
    met = OPERATORS[target.op](published, goal)
    margin = published - goal
    if ind.type == "integer":
        margin = int(margin)
    return Attainment(ind.code, MET if met else MISSED, actual, target, margin)
