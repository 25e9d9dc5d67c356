"""Which indicators a unit enters at all. Who may change a half is core.workflow.may_edit."""

from __future__ import annotations

from desktop.core.catalog import Catalog, Indicator
from desktop.core.text import Text
from desktop.core.units import Unit


def may_set_indicator(unit: Unit, ind: Indicator, catalog: Catalog | None = None) -> Text | None:
    """Whether `ind` is entered by `unit` at all (sums come from districts, municipal items from the bureau).

    With the catalog, a derived indicator's formula is given in the names users see, not in codes.
    """
    if ind.derived:
        formula = catalog.formula_in_words(ind) if catalog else Text(ind.formula.source, ind.formula.source)
        return Text(f"“{ind.name.zh}”由公式计算（{formula.zh}），不能直接填报；请填写其中的各项",
                    f"'{ind.name.en}' is derived ({formula.en}) and cannot be entered; enter its inputs")  # fmt: skip
    if unit.is_municipality and ind.aggregation == "sum":
        return Text(f"全市“{ind.name.zh}”由各区县数据汇总得出，不能直接填报",
                    f"The city's '{ind.name.en}' is the sum of the districts' values and cannot be entered")  # fmt: skip
    if not unit.is_municipality and ind.aggregation == "municipal":
        return Text(f"“{ind.name.zh}”仅由市局填报", f"'{ind.name.en}' is reported by the bureau only")
    return None
