"""Half-year reporting periods: 2024H1 = 1 Jan – 30 Jun 2024, 2024H2 = 1 Jul – 31 Dec 2024."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.core.text import Text, UserError

_PATTERN = re.compile(r"^\s*(\d{4})\s*(?:[Hh]\s*([12])|年?\s*(上|下)半年)\s*$")


@dataclass(frozen=True, order=True, slots=True)
class Semester:
    year: int
    half: int  # 1 or 2

    def __post_init__(self) -> None:
        if self.half not in (1, 2) or not 1900 <= self.year <= 2999:
            raise UserError(
                Text(f"无效的半年度：{self.year}H{self.half}", f"Invalid half-year: {self.year}H{self.half}")
            )

    @classmethod
    def parse(cls, text: str) -> Semester:
        """Accepts 2024H1, 2024h2, 2024上半年, 2024年下半年."""
        m = _PATTERN.match(text or "")
        if not m:
            raise UserError(
                Text(
                    f"无法识别的半年度“{text}”，应形如 2024H1",
                    f"Unrecognised half-year '{text}'; expected e.g. 2024H1",
                )
            )
        half = int(m.group(2)) if m.group(2) else (1 if m.group(3) == "上" else 2)
        return cls(int(m.group(1)), half)

    def __str__(self) -> str:
        return f"{self.year}H{self.half}"

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Semester:
        """The half before (环比)."""
        return Semester(self.year, 1) if self.half == 2 else Semester(self.year - 1, 2)

    def next(self) -> Semester:
        return Semester(self.year, 2) if self.half == 1 else Semester(self.year + 1, 1)

    def same_last_year(self) -> Semester:
        """The same half of the previous year (同比)."""
        return Semester(self.year - 1, self.half)

    def label(self, lang: str = "zh") -> str:
        if lang == "en":
            return f"{self.year} H{self.half}"
        return f"{self.year}年{'上' if self.half == 1 else '下'}半年"

    @classmethod
    def settable(cls, today: date, known) -> list[Semester]:
        """The halves targets can be set for: the one just ended (being reported now), the current one to two
        years ahead, any already known and the one after the latest known; newest first."""
        known = set(known)
        after = {max(known).next()} if known else set()
        current = cls.containing(today)
        return sorted({current.previous()} | set(current.ahead(5)) | known | after, reverse=True)

    @classmethod
    def containing(cls, day: date) -> Semester:
        return cls(day.year, 1 if day.month <= 6 else 2)

    def ahead(self, count: int) -> list[Semester]:
        """This half and the `count - 1` halves after it."""
        out = [self]
        for _ in range(count - 1):
            out.append(out[-1].next())
        return out

    def back(self, count: int) -> list[Semester]:
        """This half and the `count - 1` halves before it, oldest first."""
        out = [self]
        for _ in range(count - 1):
            out.append(out[-1].previous())
        return out[::-1]
