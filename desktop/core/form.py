"""The official report form's conventions: row codes (01, 02, …) and the 审核关系 footnote."""

from __future__ import annotations

import re

from desktop.core.catalog import Catalog
from desktop.core.formulas import Formula
from desktop.core.text import Text

_CODE = re.compile(r"[a-z][a-z0-9_]*\.[a-z0-9_]+")
_SYMBOLS = {"<=": "≤", ">=": "≥", "==": "=", "!=": "≠"}


def telephone_refusal(phone: str):
    """Why a 联系电话 cannot be printed on the form (None when it can): digits, +, -, brackets and spaces, 5 to 20."""
    if re.fullmatch(r"[0-9+()\- ]{5,20}", phone.strip()) and any(ch.isdigit() for ch in phone):
        return None
    return Text(f"联系电话“{phone.strip()}”只能包含数字、+、-、括号和空格（5至20个字符）",
                f"Telephone '{phone.strip()}' may hold only digits, +, -, brackets and spaces (5 to 20 characters)")


def row_codes(catalog: Catalog) -> dict[str, str]:
    """Stable row codes over the whole catalog, so 07 means the same indicator on every unit's form."""
    width = max(2, len(str(len(catalog.indicators))))
    return {code: str(i).zfill(width) for i, code in enumerate(catalog.indicators, start=1)}


def in_row_codes(formula: Formula | str, rows: dict[str, str]) -> str:
    """`air.days_excellent + air.days_good <= air.days_valid` → `14 + 15 ≤ 13` (a formula, or text naming codes)."""
    source = formula if isinstance(formula, str) else formula.source
    text = _CODE.sub(lambda m: rows.get(m.group(0), m.group(0)), source)
    for op, symbol in _SYMBOLS.items():
        text = text.replace(op, symbol)
    return text.replace("semester.days", "半年天数").replace(" * ", " × ").replace(" / ", " ÷ ")
