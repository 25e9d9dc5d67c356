"""Benchmark: every check for one unit-half, and for 39 units × 20 halves.

Goals (issue 2): ≤ 2 ms for one unit-half, ≤ 300 ms for 39 units × 20 halves. The floor measured in
the same run is the bare cost of copying each unit-half's values once, so the ratio says how much the
engine adds on top of merely touching the data.

    python bench/bench_checks.py
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path
from types import SimpleNamespace

from desktop.core.checks import CheckInput, run_checks
from desktop.core.consolidation import consolidate
from desktop.core.loading import load_resources
from desktop.core.semester import Semester
from desktop.core.values import parse_value
from desktop.store import demo

ROOT = Path(__file__).resolve().parent.parent


def dataset(resources, halves: int = 20):
    """Plausible raw values for every unit and `halves` half-years ending 2024H1."""
    rng = random.Random(1)
    catalog, units = resources.catalog, resources.units
    weights = {code: [rng.lognormvariate(0, 0.6) for _ in units.districts()] for code in demo.TOTALS_2024H1}
    fake_store = SimpleNamespace(units=units)
    template = {h: demo.district_values(fake_store, s, rng, weights) for h, s in ((1, Semester(2024, 1)), (2, Semester(2023, 2)))}
    data = {}
    for semester in Semester(2024, 1).back(halves):
        per_unit = {}
        for code, raw in template[semester.half].items():
            raw = dict(raw, **{"air.days_valid": min(raw["air.days_valid"], semester.days)})
            per_unit[code] = {c: parse_value(catalog[c], v, semester) for c, v in raw.items() if c in catalog}
        own = dict(demo.CITY_OWN[Semester(2024, 1)], **{"air.days_valid": semester.days})
        own = {c: parse_value(catalog[c], v, semester) for c, v in own.items()}
        merged = consolidate(catalog, per_unit, own, [u.code for u in units.districts()])
        per_unit[units.municipality.code] = merged.values
        data[semester] = per_unit
    return data


def inputs(resources, data):
    out = []
    for semester, per_unit in data.items():
        before = data.get(semester.same_last_year(), {})
        for unit in resources.units:
            out.append(CheckInput(unit, semester, per_unit[unit.code], {}, before.get(unit.code, {}),
                                  consolidated=unit.is_municipality))  # fmt: skip
    return out


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    resources = load_resources(ROOT / "resources")
    all_inputs = inputs(resources, dataset(resources))
    one = next(i for i in all_inputs if i.unit.code == "500101" and i.semester == Semester(2024, 1))
    catalog, targets = resources.catalog, resources.targets

    def check_all():
        for item in all_inputs:
            run_checks(catalog, targets, item)

    def floor_all():
        for item in all_inputs:
            dict(item.raw), dict(item.last_year)

    single = statistics.median(best_of(5, lambda: run_checks(catalog, targets, one)) for _ in range(20))
    total = best_of(5, check_all)
    floor = best_of(5, floor_all)
    n = len(all_inputs)
    print(f"one unit-half, all checks:  {single * 1000:7.3f} ms  (goal ≤ 2 ms: {single / 0.002:.2f} of budget)")
    print(f"{n} unit-halves (39 × 20):  {total * 1000:7.1f} ms  (goal ≤ 300 ms: {total / 0.3:.2f} of budget)")
    print(f"floor (copy values only):   {floor * 1000:7.1f} ms  → engine/floor ratio {total / floor:.0f}×")
    findings = sum(len(run_checks(catalog, targets, i)) for i in all_inputs)
    print(f"check results over the set: {findings}")


if __name__ == "__main__":
    main()
