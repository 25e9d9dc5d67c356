"""Finding a unit as people type it: by its Chinese name, its code, its English name, or its name's pinyin, whole
(wanzhou) or by initials (wz → 万州区). pypinyin knows how each name is read (长寿 is cháng shòu, not zhǎng)."""

from __future__ import annotations

from functools import lru_cache

from desktop.core.units import Unit


@lru_cache(maxsize=4096)
def readings(name: str) -> tuple[str, str]:
    """The name's pinyin initials and its whole pinyin, lower case, without tones: ("wzq", "wanzhouqu")."""
    from pypinyin import Style, lazy_pinyin  # a large dictionary: loaded on first use

    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower(), "".join(lazy_pinyin(name)).lower()


def unit_matches(unit: Unit, query: str) -> bool:
    """Whether what was typed finds the unit; an empty query finds every unit."""
    text = query.strip().lower().replace(" ", "")
    if not text:
        return True
    if text in unit.name.zh or unit.code.startswith(text) or text in unit.name.en.lower().replace(" ", ""):
        return True
    initials, whole = readings(unit.name.zh)
    return initials.startswith(text) or whole.startswith(text)
