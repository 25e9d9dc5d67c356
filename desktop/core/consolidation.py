"""The city's figures from the districts': counts are summed, ratios recomputed from the sums.

`entered` and `municipal` elements are the city's own entries (its monitoring network, its carbon
market), never a sum or an average of districts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from desktop.core.catalog import Catalog
from desktop.core.values import Value


@dataclass(frozen=True, slots=True)
class Consolidated:
    values: dict[str, Value]
    contributors: dict[str, int]  # sum code → how many districts reported it
    missing_units: list[str]  # districts that reported none of the sum elements


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
