"""Numbers keep their exact value end to end: set → template → a spreadsheet reader → import → show."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from desktop.core.report import half_json
from desktop.core.values import MAX_MAGNITUDE, bounds
from desktop.exchange.importer import IMPORTED, UNCHANGED, import_file
from desktop.store.reports import half_report

from .conftest import H1
from .helpers import make_template

UNIT = "500101"


def numeric(catalog):
    return [i for i in catalog.raw() if i.numeric and i.aggregation != "municipal"]


def value_of(ind, semester):
    lo, hi = bounds(ind, semester)
    lo = int(lo if lo is not None else 0)
    # Up to 10^17, far above the parser's limit: what it lets through must survive the float round trip.
    top = int(hi) if hi is not None else int(MAX_MAGNITUDE * 100_000)
    if ind.type == "integer":
        return st.integers(lo, top).map(str)
    scale = 10**ind.places
    return st.integers(lo * scale, top * scale - 1).map(lambda n: str(Decimal(n).scaleb(-ind.places)))


@settings(max_examples=int(os.environ.get("ECOREPORT_NUMBER_CASES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(data=st.data())
def test_every_numeric_indicator_round_trips_exactly_through_a_template(ctx, tmp_path, data):
    unit = ctx.units.find(UNIT)
    chosen = {ind.code: data.draw(value_of(ind, H1), label=ind.code) for ind in numeric(ctx.catalog)}
    # Consistency rules may refuse a combination; the parser and storage are what is tested here, so
    # values are stored one by one where the store takes them.
    stored = {}
    for code, text in chosen.items():
        try:
            ctx.store.set_values("wanzhou", unit, H1, {code: text})
            stored[code] = text
        except Exception:  # noqa: BLE001 - a range or rule refusal is not a number's loss
            continue
    template = make_template(ctx, UNIT, H1, tmp_path / "t.xlsx")
    cells = {r[0]: r[4] for r in CalamineWorkbook.from_path(str(template)).get_sheet_by_name("填报表").to_python() if r and r[0]}
    result = import_file(ctx.store, template, "wanzhou")
    assert result.status == UNCHANGED, [p.message("zh") for p in result.problems]
    half = ctx.store.unit_half(unit, H1)
    for code, text in stored.items():
        assert Decimal(str(half.raw[code])) == Decimal(text), (code, text, half.raw[code], cells.get(code))
    # The same file into another installation, then what `show --json` prints there: the very digits typed.
    other = elsewhere(ctx, tmp_path)
    assert import_file(other.store, template, "wanzhou").status in (IMPORTED, UNCHANGED)
    # Read as a careful consumer does (decimals as Decimal): the text must carry the exact digits.
    shown = json.loads(json.dumps(half_json(half_report(other.store, other.units.find(UNIT), H1), other.catalog.version)),
                       parse_float=Decimal)  # fmt: skip
    for code, text in stored.items():
        value = shown["values"][code]
        assert (isinstance(value, int) and str(value) == text) if ctx.catalog[code].type == "integer" \
            else value == Decimal(text), (code, text, value)  # fmt: skip
    other.store.db.dispose()


def elsewhere(ctx, tmp_path):
    """A second installation of the same district, empty but for its clerk."""
    from desktop.context import open_context
    from desktop.store import users

    other = open_context(str(tmp_path / "elsewhere.sqlite3"), resources=ctx.resources)
    if other.users.find("wanzhou") is None:
        with other.store.session() as s:
            users.create(s, other.units, "admin", "wanzhou", "ecoreport", "clerk", UNIT)
            s.commit()
    return other


def test_huge_and_non_finite_numbers_are_refused_naming_the_indicator(demo_copy):
    env = dict(os.environ, ECOREPORT_PASSWORD="ecoreport")
    run = lambda *a: subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_copy), *a, "--user", "wanzhou"],  # noqa: E731
                                    capture_output=True, text=True, env=env)  # fmt: skip
    for text in ("12345678901234567890", "1e308", "inf", "1000000000000"):
        refused = run("set", "500101", "2024H1", f"enf.penalties={text}")
        assert refused.returncode == 1 and "行政处罚" in refused.stderr and "Traceback" not in refused.stderr, text
    # Below the system's limit but above the catalog's plausible maximum for a district: refused, saying which.
    implausible = run("set", "500101", "2024H1", "enf.penalties=999999999999")
    assert implausible.returncode == 1 and "不能大于100000（指标目录规定的合理上限" in implausible.stderr
    assert run("set", "500101", "2024H1", "soil.soil_remediated_m2=99999999").returncode == 0  # exact, no float on the way
    shown = json.loads(run("show", "500101", "2024H1", "--json").stdout)
    assert shown["values"]["soil.soil_remediated_m2"] == 99999999


def test_a_huge_number_in_a_workbook_is_refused_naming_its_cell(ctx, tmp_path):
    from .helpers import fill

    template = make_template(ctx, UNIT, H1, tmp_path / "t.xlsx")
    filled = fill(template, tmp_path / "f.xlsx", {"enf.penalties": 1e308, "enf.major_cases": 12345678901234567890})
    result = import_file(ctx.store, filled, "wanzhou")
    where = {p.code: (p.cell, p.text.zh) for p in result.problems}
    assert where["enf.penalties"][0] and "数值过大" in where["enf.penalties"][1]
    assert where["enf.major_cases"][0] and "数值过大" in where["enf.major_cases"][1]
