"""Every unit's checks of a half at once give what each unit's own checks give."""

from __future__ import annotations

import pytest

from desktop.core.semester import Semester


@pytest.mark.parametrize("half", ["2024H2", "2024H1", "2023H2", "2023H1"])
def test_half_checks_are_each_units_checks(demo_copy, resources, half):
    from desktop.context import open_context

    ctx = open_context(str(demo_copy), resources=resources)
    semester = Semester.parse(half)
    if half == "2024H1":  # still open: one warning more, unexplained
        ctx.store.set_values("admin", ctx.units.find("500101"), semester, {"air.pm25": "80.0"})
    if half == "2024H2":  # a new half: only the city's own figure so far, no district's sums
        ctx.store.set_values("admin", ctx.units.municipality, semester, {"air.pm25": "30.0"})
    every = ctx.store.half_checks(semester)
    assert set(every) == {u.code for u in ctx.units}
    for unit in ctx.units:
        assert every[unit.code] == ctx.store.checks(unit, semester), unit.code
    assert sum(map(len, every.values())) > 0
    ctx.store.db.dispose()


def test_a_provisional_city_is_judged_on_its_own_measurements_only(demo_copy, resources):
    """Five of 38 accepted: the city's checks said 水质优良比例 88.9% missed its target and 国控断面数 fell 87.8% on last
    year, of a total that counts five districts; the workbook and show say 暂不评价."""
    from desktop.context import open_context

    ctx = open_context(str(demo_copy), resources=resources)
    city, half = ctx.units.municipality, Semester(2024, 1)
    ctx.store.set_values("city", city, half, {"air.pm25": "45.0"})  # the city's own measurement, over its target
    found = {r.rule for r in ctx.store.checks(city, half)}
    assert "target:air.pm25" in found  # its own measurement is judged
    assert not {r for r in found if r.startswith(("target:water.", "yoy:water.", "yoy:soil."))}, found
    assert ctx.store.half_checks(half)[city.code] == ctx.store.checks(city, half)
    ctx.store.db.dispose()
