"""The life of a unit's half-year: draft → submitted → returned or accepted."""

from __future__ import annotations

from desktop.core.text import Text

STATUSES = ("draft", "submitted", "returned", "accepted")
EDITABLE_STATUSES = ("draft", "returned")
STATUS_NAMES = {
    "draft": Text("填报中", "draft"),
    "submitted": Text("已报送", "submitted"),
    "returned": Text("已退回", "returned"),
    "accepted": Text("审核通过", "accepted"),
}
