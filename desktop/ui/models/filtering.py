"""Changing what a QSortFilterProxyModel lets through, the way the running Qt wants it."""

from __future__ import annotations

from collections.abc import Callable


def refilter(proxy, change: Callable[[], None]) -> None:
    """Applies `change` (new filter settings) and refilters the rows."""
    if hasattr(proxy, "beginFilterChange"):  # Qt 6.9 and later
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange()
    else:
        change()
        proxy.invalidateRowsFilter()
