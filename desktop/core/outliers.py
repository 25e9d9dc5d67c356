"""Cross-district plausibility: robust z-scores from the median and the median absolute deviation.

A district is flagged when |0.6745 (x − median) / MAD| > 3.5 (Iglewicz and Hoaglin), which one wild
value cannot hide the way it hides behind a mean and a standard deviation.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal

THRESHOLD = 3.5
MIN_UNITS = 5  # fewer districts than this say nothing about one another


@dataclass(frozen=True, slots=True)
class Outlier:
    code: str
    unit: str
    value: float
    median: float
    score: float  # the robust z-score


def robust_scores(values: dict[str, Decimal | int | float]) -> tuple[float, float, dict[str, float]]:
    """(median, MAD, unit → robust z); an empty dict when the spread is zero or there are too few values."""
    numbers = {u: float(v) for u, v in values.items() if v is not None and not isinstance(v, str)}
    if len(numbers) < MIN_UNITS:
        return 0.0, 0.0, {}
    median = statistics.median(numbers.values())
    mad = statistics.median(abs(v - median) for v in numbers.values())
    if mad == 0:
        return median, 0.0, {}
    return median, mad, {u: 0.6745 * (v - median) / mad for u, v in numbers.items()}


def outliers(code: str, values: dict[str, Decimal | int | float]) -> dict[str, Outlier]:
    median, _, scores = robust_scores(values)
    return {u: Outlier(code, u, float(values[u]), median, z) for u, z in scores.items() if abs(z) > THRESHOLD}
