"""Clipboard text from Excel or WPS, and where each pasted cell lands. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass


def parse_block(text: str) -> list[list[str]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # Excel ends a copied block with a newline
    return [line.split("\t") for line in lines]


@dataclass(frozen=True, slots=True)
class PasteCell:
    """One pasted cell: the grid row it landed on (in view order), its indicator and column, the text,
    and why it cannot be stored there at all (a derived row, a locked half, no column to take it)."""

    row: int
    column: str | None  # "value" | "explanation" | None
    code: str | None
    name: str
    text: str
    refusal: str | None = None


@dataclass(frozen=True, slots=True)
class PasteResult:
    stored: int
    refused: list[tuple[PasteCell, str]]  # each cell not stored, with the reason
