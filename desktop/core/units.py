"""Organisation units: the municipality and the districts and counties that report to it."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.text import Text, UserError

MUNICIPALITY_KINDS = ("municipality",)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: Text
    kind: str  # municipality | district | county | area
    parent: str | None = None

    @property
    def is_municipality(self) -> bool:
        return self.kind in MUNICIPALITY_KINDS

    def label(self, lang: str = "zh") -> str:
        return f"{self.code} {self.name(lang)}"


class Units:
    """Every unit, in the order of the data file; looked up by code or by Chinese or English name."""

    def __init__(self, units: list[Unit]):
        self.all = list(units)
        self._by_key: dict[str, Unit] = {}
        for unit in units:
            for key in (unit.code, unit.name.zh, unit.name.en.lower()):
                self._by_key.setdefault(key, unit)
            # 万州 finds 万州区, Nan'an finds Nan'an; common short forms.
            short = unit.name.zh.rstrip("区县") if len(unit.name.zh) > 2 else unit.name.zh
            self._by_key.setdefault(short, unit)

    def find(self, text: str) -> Unit:
        unit = self._by_key.get(text.strip()) or self._by_key.get(text.strip().lower())
        if unit is None:
            raise UserError(Text(f"找不到单位“{text}”", f"No unit '{text}'"))
        return unit

    def get(self, code: str) -> Unit | None:
        return self._by_key.get(code)

    @property
    def municipality(self) -> Unit:
        return next(u for u in self.all if u.is_municipality)

    def districts(self) -> list[Unit]:
        return [u for u in self.all if not u.is_municipality]

    def __iter__(self):
        return iter(self.all)

    def __len__(self) -> int:
        return len(self.all)
