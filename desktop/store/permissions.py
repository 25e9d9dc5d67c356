"""Who may change what. Enforced here, below every user interface."""

from __future__ import annotations

from desktop.core.catalog import Indicator
from desktop.core.text import Text
from desktop.core.units import Unit
from desktop.core.workflow import EDITABLE_STATUSES, STATUS_NAMES
from desktop.store.models import UserRow


def may_edit_values(user: UserRow, unit: Unit, status: str) -> Text | None:
    """None when `user` may change the values of `unit` in a half with `status`; else the reason."""
    if not user.active:
        return Text(f"用户 {user.name} 已停用", f"User {user.name} is disabled")
    if user.role == "reviewer":
        return Text("审核员不能修改填报数据", "A reviewer cannot change reported values")
    if user.role != "admin" and user.unit_code != unit.code:
        return Text(f"用户 {user.name} 不属于{unit.name.zh}，不能修改其数据",
                    f"User {user.name} does not belong to {unit.name.en} and cannot change its values")  # fmt: skip
    if status not in EDITABLE_STATUSES:
        name = STATUS_NAMES[status]
        return Text(
            f"该半年度数据{name.zh}，已锁定，不能修改",
            f"This half-year is {name.en} and locked against changes",
        )
    return None


def may_set_indicator(unit: Unit, ind: Indicator) -> Text | None:
    """Whether `ind` is entered by `unit` at all (sums come from districts, municipal items from the bureau)."""
    if ind.derived:
        inputs = "、".join(sorted(ind.formula.codes))
        return Text(f"“{ind.name.zh}”由公式计算（{ind.formula.source}），不能直接填报",
                    f"'{ind.name.en}' is derived ({ind.formula.source}) and cannot be entered; enter {inputs}")  # fmt: skip
    if unit.is_municipality and ind.aggregation == "sum":
        return Text(f"全市“{ind.name.zh}”由各区县数据汇总得出，不能直接填报",
                    f"The city's '{ind.name.en}' is the sum of the districts' values and cannot be entered")  # fmt: skip
    if not unit.is_municipality and ind.aggregation == "municipal":
        return Text(f"“{ind.name.zh}”仅由市局填报", f"'{ind.name.en}' is reported by the bureau only")
    return None
