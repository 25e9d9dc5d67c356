"""How a figure and its year-on-year change are shown in tables (terminal, grid, review screen)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.core.catalog import Catalog, Indicator
from desktop.core.derived import Figures
from desktop.core.text import Text
from desktop.core.values import format_value, from_storage, round_half_up


def shown(ind: Indicator, figures: Figures | None, lang: str) -> str:
    """The figure as published, "不适用" for a ratio without a denominator, "" when there is none."""
    if figures is None:
        return ""
    if figures.is_not_applicable(ind.code):
        return Text("不适用", "n/a")(lang)
    return format_value(ind, figures.get(ind.code), lang, grouping=True)


def change(ind: Indicator, now, then, lang: str) -> str:
    """+6, −4.3, +1.3个百分点: the difference in the indicator's own unit (percentage points for %)."""
    if now is None or then is None or isinstance(now, str) or isinstance(then, str):
        return ""
    diff = round_half_up(Decimal(now) - Decimal(then), ind.places)
    if ind.position:
        return places_moved(int(diff), lang)
    # No change reads 0, as the workbooks print it (+#,##0;-#,##0;0), not +0 or −0.0.
    figure = f"{abs(diff):,}" if diff == 0 else f"{diff:+,}"
    return figure + (Text("个百分点", " pts")(lang) if ind.type == "percent" else "")


def places_moved(diff: int, lang: str) -> str:
    """A ranking's change in words: from 4th to 3rd is up one place, not −1."""
    if diff == 0:
        return Text("持平", "unchanged")(lang)
    n = abs(diff)
    if diff < 0:
        return Text(f"上升{n}位", f"up {n} place" + ("s" if n > 1 else ""))(lang)
    return Text(f"下降{n}位", f"down {n} place" + ("s" if n > 1 else ""))(lang)


def nice_scale(low: float, high: float, ticks: int = 5) -> tuple[float, float, float]:
    """An axis from `low` to `high` on round numbers: (start, end, step), the step 1, 2, 2.5 or 5 times a power of
    ten, about `ticks` steps; 0 stays the start when nothing is below it."""
    import math

    if high <= low:
        high = low + 1
    raw = (high - low) / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def exact(ind: Indicator, stored: str | None, lang: str) -> str:
    """A stored value whole, every decimal it has: where a change is shown, rounding to the indicator's places could
    show 12.34 → 12.34 for 12.341 → 12.344. Categories in the user's language; "" for none."""
    if stored is None:
        return ""
    value = from_storage(ind, stored)
    return format_value(ind, value, lang) if isinstance(value, str) else f"{value:,}"


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One change a file made, as the person reads it: 指标, 项目 (数值/说明/状态), 原为, 改为, 计量单位."""

    code: str
    name: str
    what: str
    old: str
    new: str
    unit: str = ""  # of a value


WHAT = {"value": Text("数值", "value"), "explanation": Text("说明", "explanation"), "status": Text("状态", "status"),
        "queries": Text("问题与答复", "queries"), "version": Text("版本", "version"), "received": Text("报送件", "submission")}  # fmt: skip


def change_lines(catalog: Catalog, changes, lang: str) -> list[ChangeLine]:
    """`changes`: the store's (code, old, new, what) of one import; the half's status first, then in the catalog's
    order, each value before its explanation."""
    from desktop.core.workflow import STATUS_NAMES, Status

    order = {code: i for i, code in enumerate(catalog.indicators)}
    kinds = ("status", "version", "received", "queries", "value", "explanation")
    lines = []
    for ch in sorted(changes, key=lambda c: (order.get(c.code, -1), kinds.index(c.what) if c.what in kinds else 9)):
        ind = catalog.indicators.get(ch.code)
        name = ind.name(lang) if ind is not None else ch.code or Text("整份报表", "the whole half")(lang)
        if ch.what == "value" and ind is not None:
            old, new = exact(ind, ch.old, lang), exact(ind, ch.new, lang)
        elif ch.what == "status":
            old, new = (STATUS_NAMES[Status(v)](lang) if v else "" for v in (ch.old, ch.new))
        elif ch.what == "version":
            old, new = (Text(f"第{v}版", f"version {v}")(lang) if v else "" for v in (ch.old, ch.new))
        elif ch.what == "received":
            old, new = "", Text("已接收", "received")(lang)
        elif ch.what == "queries":
            old, new = "", Text("已更新", "updated")(lang)
        else:
            old, new = ch.old or "", ch.new or ""
        what = WHAT.get(ch.what)
        unit = ind.unit(lang) if ind is not None and ch.what == "value" else ""
        lines.append(ChangeLine(ch.code, name, what(lang) if what else ch.what, old, new, unit))
    return lines
