"""Scaling: a bureau with 380 districts (the demo's 38, each ten times over), written through the public API.

- consolidate one half (the city's report and every district's row)        goal ≤ 0.5 s
- every check of every unit for one half, through the store                  floor: the check engine alone, in memory

The 380 units come in as a set-up package (units.toml edited, validated as at start-up); the demo fills its 38,
and each copy then reports its original's values through Store.set_values and is accepted.

    python bench/bench_scale.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from desktop.context import open_context
from desktop.core.checks import CheckInput, run_checks
from desktop.core.semester import Semester
from desktop.core.values import to_storage
from desktop.exchange.consolidation_book import district_rows
from desktop.store import demo, packages, users
from desktop.store.reports import half_report
from desktop.store.submissions import Submissions

H1 = Semester(2024, 1)
COPIES = 10


def timed(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def more_units(units_toml: str, districts: list) -> str:
    """units.toml with each district repeated as 区县N (codes in an unused range)."""
    extra = []
    for copy in range(1, COPIES):
        for i, unit in enumerate(districts):
            extra.append(f'\n[[unit]]\ncode = "{510000 + copy * 100 + i:06d}"\nname_zh = "{unit.name.zh}{copy}"\n'
                         f'name_en = "{unit.name.en} {copy}"\nkind = "district"\nparent = "500000"\n')  # fmt: skip
    return units_toml + "".join(extra)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="ecoreport-scale-"))
    ctx = open_context(str(folder / "bureau.sqlite3"))
    with ctx.store.session() as s:
        users.create(s, ctx.units, "admin", "admin", "bench-password", "admin")
        s.commit()
    started = time.perf_counter()
    demo.fill(ctx.store)  # the demo's 38 districts, three halves
    originals = ctx.units.districts()
    content = packages.demo_content()
    content["units.toml"] = more_units(content["units.toml"], originals)
    packages.activate(ctx.store, "admin", content, "bench", "bench-380", demo=True)
    ctx.reload_resources()
    store = ctx.store
    submissions = Submissions(store)
    for semester in demo.SEMESTERS:  # each copy reports what its original did, and the bureau accepted it
        data = store.all_units(semester)
        for copy in range(1, COPIES):
            for i, original in enumerate(originals):
                unit = store.units.get(f"{510000 + copy * 100 + i:06d}")
                values, notes = data.get(original.code, ({}, {}))
                store.set_values("admin", unit, semester, {c: to_storage(v) for c, v in values.items()}, notes, reason="bench")
                submissions.record_demo("admin", unit, semester, accepted=True)
    fill_time = time.perf_counter() - started
    count = len(store.units.districts())
    consolidate_time = timed(lambda: (half_report(store, store.units.municipality, H1), district_rows(store, H1)))
    checks_store = timed(lambda: [store.checks(u, H1) for u in store.units])
    data = store.all_units(H1)
    last = store.all_units(H1.same_last_year())
    catalog, targets = store.catalog, store.resources.targets
    inputs = [CheckInput(u, H1, data.get(u.code, ({}, {}))[0], {}, last.get(u.code, ({}, {}))[0], consolidated=u.is_municipality)
              for u in store.units if not u.is_municipality]  # fmt: skip
    checks_floor = timed(lambda: [run_checks(catalog, targets, i) for i in inputs])
    print(f"{count} districts, filled through the store in {fill_time:.0f} s")
    print(f"consolidate one half:        {consolidate_time * 1000:7.1f} ms   (goal ≤ 500 ms)")
    print(f"all checks, one half:        {checks_store * 1000:7.1f} ms   floor (check engine alone, districts) "
          f"{checks_floor * 1000:6.1f} ms   ratio {checks_store / checks_floor:4.1f}×")
    store.db.dispose()


if __name__ == "__main__":
    main()
