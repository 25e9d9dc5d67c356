"""The indicator catalog: topics, raw and derived indicators, consistency rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from desktop.core.formulas import Formula
from desktop.core.text import Text

TYPES = ("integer", "decimal", "percent", "category", "text")
AGGREGATIONS = ("sum", "entered", "municipal")
NATURES = ("flow", "stock")
SEVERITIES = ("error", "warning", "notice")


@dataclass(frozen=True, slots=True)
class Plausibility:
    """How far a value may move year on year before it needs an explanation."""

    relative: Decimal | None = None  # 0.5 = a 50 % change
    min_change: Decimal = Decimal(0)  # smaller absolute changes never count
    points: Decimal | None = None  # for percentages: a change in percentage points


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    topic: str
    name: Text
    unit: Text
    type: str
    places: int = 0
    levels: tuple[str, ...] = ()
    levels_en: tuple[str, ...] = ()
    min: Decimal | None = None
    max: Decimal | str | None = None
    aggregation: str = "sum"
    nature: str = "flow"
    required: bool = True
    yoy: Plausibility | None = None
    formula: Formula | None = None
    description: Text | None = None
    position: bool = False  # a place in a ranking: 1 is first, so a smaller number is a better place

    @property
    def derived(self) -> bool:
        return self.formula is not None

    @property
    def numeric(self) -> bool:
        return self.type in ("integer", "decimal", "percent")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    topic: str
    formula: Formula
    severity: str
    message: Text

    @property
    def codes(self) -> frozenset[str]:
        return self.formula.codes


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    name: Text
    codes: tuple[str, ...]


def plain_words(text: str) -> str:
    """The text without spaces or punctuation, in lower case: how boilerplate is recognised however it is typed."""
    import unicodedata

    return "".join(ch for ch in text.casefold() if not unicodedata.category(ch).startswith(("P", "Z", "C", "S")))


@dataclass(slots=True)
class Catalog:
    version: str
    topics: list[Topic]
    indicators: dict[str, Indicator]  # in display order
    rules: list[Rule]
    _derived_order: list[Indicator] = field(default_factory=list)
    counts: frozenset[str] = frozenset()  # integer indicators: stored as plain digits
    kept_as_text: frozenset[str] = frozenset()  # texts and categories: stored as they are read back
    boilerplate: frozenset[str] = frozenset()  # explanations that explain nothing (核实无误), as plain_words gives them
    # applicable(municipality), made once
    _seen: dict[bool, tuple[Indicator, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._derived_order = [i for i in self.indicators.values() if i.derived]
        self._seen = {True: tuple(self.indicators.values()),
                      False: tuple(i for i in self.indicators.values() if self._reaches_district(i))}  # fmt: skip
        self.counts = frozenset(i.code for i in self.indicators.values() if i.type == "integer")
        self.kept_as_text = frozenset(i.code for i in self.indicators.values() if i.type in ("text", "category"))

    def explains(self, text: str) -> bool:
        """Whether an explanation gives a reason: words (a bare number, "1" or "95", is none), and not boilerplate
        alone, once or over again ("核实无误。" and "核实无误核实无误" are not one)."""
        import unicodedata

        words = plain_words(text)
        if not any(unicodedata.category(ch).startswith("L") for ch in words):
            return False
        return not any(words == said * (len(words) // len(said)) for said in self.boilerplate if said)

    def __getitem__(self, code: str) -> Indicator:
        return self.indicators[code]

    def __contains__(self, code: object) -> bool:
        return code in self.indicators

    def formula_in_words(self, ind: Indicator) -> Text:
        """A derived indicator's formula with the names users see instead of codes: 优良天数 ÷ 有效监测天数 × 100."""
        import re

        def words(lang: str) -> str:
            text = re.sub(r"[a-z][a-z0-9_]*\.[a-z0-9_]+",
                          lambda m: self[m.group(0)].name(lang) if m.group(0) in self else m.group(0), ind.formula.source)
            return text.replace("*", "×").replace("/", "÷")

        return Text(words("zh"), words("en"))

    def raw(self) -> list[Indicator]:
        return [i for i in self.indicators.values() if not i.derived]

    def derived(self) -> list[Indicator]:
        return self._derived_order

    def applicable(self, municipality: bool) -> list[Indicator]:
        """The indicators a unit sees: districts never see what only the bureau reports."""
        return list(self._seen[bool(municipality)])

    def city_measured(self, code: str) -> bool:
        """The city's own figure (measured or reported by the bureau), not a sum of districts nor calculated from one:
        comparable and assessable even while the city's totals are provisional."""
        ind = self.indicators[code]
        if ind.derived:
            return all(self.city_measured(c) for c in ind.formula.codes if c in self.indicators)
        return ind.aggregation != "sum"

    def _reaches_district(self, ind: Indicator) -> bool:
        if ind.derived:
            return all(self.indicators[c].aggregation != "municipal" for c in ind.formula.codes)
        return ind.aggregation != "municipal"
