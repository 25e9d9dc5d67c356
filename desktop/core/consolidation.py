"""The city's figures from the districts': counts are summed, ratios recomputed from the sums.

`entered` and `municipal` elements are the city's own entries (its monitoring network, its carbon
market), never a sum or an average of districts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from desktop.core.catalog import Catalog
from desktop.core.text import Text
from desktop.core.values import Value
from desktop.core.workflow import RECEIVED, Status

# What a city figure may count: only accepted submissions (final), or received ones too (provisional).
INCLUDE = {"accepted": frozenset({Status.ACCEPTED}), "received": frozenset({Status.ACCEPTED}) | RECEIVED}


@dataclass(frozen=True, slots=True)
class Coverage:
    """Which districts a city figure counts: it is final only when every one is counted and accepted."""

    expected: int
    accepted: int
    counted: tuple[str, ...]
    excluded: dict[str, str]  # unit → its status, for every district not counted (or counted without data)
    include: str = "accepted"

    @property
    def final(self) -> bool:
        return self.accepted == self.expected and not self.excluded

    def describe(self, lang: str = "zh") -> str:
        zh = f"{self.expected}个区县中已审核通过{self.accepted}个"
        en = f"{self.accepted} of {self.expected} districts accepted"
        if len(self.counted) != self.accepted:
            zh += f"，计入{len(self.counted)}个（含已报送未审核）"
            en += f"; {len(self.counted)} counted (received ones included)"
        if not self.final:
            zh, en = f"初步数据：{zh}", f"Provisional: {en}"
        return Text(zh, en)(lang)


@dataclass(frozen=True, slots=True)
class Consolidated:
    values: dict[str, Value]
    contributors: dict[str, int]  # sum code → how many districts reported it
    missing_units: list[str]  # districts not counted, or counted with none of the sum elements
    coverage: Coverage | None = None

    @property
    def provisional(self) -> bool:
        """Counting only some districts: its sums are neither judged nor compared with a whole earlier half."""
        return self.coverage is not None and not self.coverage.final


def consolidate_counted(catalog: Catalog, districts: Mapping[str, Mapping[str, Value]], city_own: Mapping[str, Value],
                        statuses: Mapping[str, str], expected_units: list[str], include: str = "accepted") -> Consolidated:  # fmt: skip
    """The city's figures from the districts whose status `include` admits; the rest are named with their status."""
    admitted = INCLUDE[include]
    counted = [u for u in expected_units if statuses.get(u, Status.DRAFT) in admitted]
    merged = consolidate(catalog, {u: districts[u] for u in counted if u in districts}, city_own, expected_units)
    excluded = {u: str(statuses.get(u, Status.DRAFT)) for u in merged.missing_units}
    accepted = sum(statuses.get(u) == Status.ACCEPTED for u in expected_units)
    coverage = Coverage(len(expected_units), accepted, tuple(counted), excluded, include)
    return Consolidated(merged.values, merged.contributors, merged.missing_units, coverage)


def consolidate(catalog: Catalog, districts: Mapping[str, Mapping[str, Value]], city_own: Mapping[str, Value],
                expected_units: list[str]) -> Consolidated:  # fmt: skip
    values: dict[str, Value] = {}
    contributors: dict[str, int] = {}
    sum_codes = [i.code for i in catalog.raw() if i.aggregation == "sum"]
    for code in sum_codes:
        parts = [v[code] for v in districts.values() if code in v and not isinstance(v[code], str)]
        if parts:
            total = sum(parts, start=Decimal(0)) if any(isinstance(p, Decimal) for p in parts) else sum(parts)
            values[code] = total
            contributors[code] = len(parts)
    for ind in catalog.raw():
        if ind.aggregation != "sum" and ind.code in city_own:
            values[ind.code] = city_own[ind.code]
    reported = {u for u, v in districts.items() if any(c in v for c in sum_codes)}
    return Consolidated(values, contributors, [u for u in expected_units if u not in reported])
