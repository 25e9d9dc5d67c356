"""The life of a unit's half-year: draft → submitted → (in review) → returned or accepted."""

from __future__ import annotations

from desktop.core.text import Text

STATUSES = ("draft", "submitted", "in_review", "returned", "accepted")
EDITABLE_STATUSES = ("draft", "returned")
STATUS_NAMES = {
    "draft": Text("填报中", "draft"),
    "submitted": Text("已报送", "submitted"),
    "in_review": Text("审核中", "in review"),
    "returned": Text("已退回", "returned"),
    "accepted": Text("审核通过", "accepted"),
}
# The same states as the bureau's inbox names them.
INBOX_NAMES = {
    "draft": Text("未报送", "not received"),
    "submitted": Text("已接收", "received"),
    "in_review": Text("审核中", "in review"),
    "returned": Text("已退回", "returned"),
    "accepted": Text("已通过", "accepted"),
}
