"""Terminal output: aligned tables that respect the width of Chinese characters, and JSON."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

from desktop.core.text import display_width


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - display_width(text))
    return gap + text if right else text + gap


def table(rows: list[list[str]], right: set[int] = frozenset()) -> str:
    if not rows:
        return ""
    sizes = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(pad(c, sizes[i], i in right) for i, c in enumerate(r)).rstrip() for r in rows)


def _default(obj: object) -> object:
    if isinstance(obj, Decimal):
        return int(obj) if obj == obj.to_integral_value() and obj.as_tuple().exponent >= 0 else float(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def dump_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")
