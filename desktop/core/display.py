"""How a figure and its year-on-year change are shown in tables (terminal, grid, review screen)."""

from __future__ import annotations

from decimal import Decimal

from desktop.core.catalog import Indicator
from desktop.core.derived import Figures
from desktop.core.text import Text
from desktop.core.values import format_value, round_half_up


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
    return f"{diff:+,}" + (Text("个百分点", " pts")(lang) if ind.type == "percent" else "")


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
