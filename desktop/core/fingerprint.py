"""A fingerprint of a unit-half's content: the same values give the same digest, on any machine."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from desktop.core.values import Value, to_storage


def fingerprint(unit: str, semester: str, catalog_version: str, values: Mapping[str, Value],
                explanations: Mapping[str, str]) -> str:  # fmt: skip
    return stored_fingerprint(unit, semester, catalog_version, stored(values), explanations)


def stored(values: Mapping[str, Value]) -> dict[str, str | None]:
    """The values as they are stored and signed: exact text, no float (an empty one stays empty)."""
    return {code: None if value is None else to_storage(value) for code, value in values.items()}


def stored_fingerprint(unit: str, semester: str, catalog_version: str, values: Mapping[str, str | None],
                       explanations: Mapping[str, str]) -> str:  # fmt: skip
    lines = [f"unit\t{unit}", f"semester\t{semester}", f"catalog\t{catalog_version}"]
    for code in sorted(set(values) | set(explanations)):
        lines.append(f"{code}\t{values.get(code) or ''}\t{explanations.get(code, '')}")
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def short(digest: str) -> str:
    """The first 16 hex digits in groups of four: enough to compare by eye or over the phone."""
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4)).upper()
