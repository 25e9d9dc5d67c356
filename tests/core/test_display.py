"""Axes on round numbers, as a chart in a report needs them."""

import pytest

from desktop.core.display import nice_scale


@pytest.mark.parametrize(("low", "high", "expected"), [
    (0, 98.6, (0, 100, 20)),  # a share in %: 0, 20 … 100, not 0, 50, 100, 150
    (0, 38.1, (0, 40, 10)),
    (30.2, 46.5, (30, 50, 5)),
    (0, 1234, (0, 1250, 250)),
    (-5, 12, (-5, 15, 5)),
])  # fmt: skip
def test_nice_scale_covers_the_values_on_round_steps(low, high, expected):
    start, end, step = nice_scale(low, high)
    assert (start, end, step) == pytest.approx(expected)
    assert start <= low and end >= high and 3 <= (end - start) / step <= 10
