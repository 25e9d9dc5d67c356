"""Clipboard text from Excel or WPS, and where each pasted cell lands. No Qt here."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells, as Excel, WPS and LibreOffice put a block on the clipboard: tab between cells, a line break
    between rows, and a cell holding a line break, a tab or a quote in double quotes (its quotes doubled). Split on
    every line break, an explanation of two lines became two rows and moved every value after it one indicator down."""
    try:  # strict: text that is not so quoted (a stray quote from a text editor) is split plainly, not run together
        rows = [row or [""] for row in csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=True)]
    except csv.Error:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        rows = [line.split("\t") for line in (lines[:-1] if lines[-1] == "" else lines)]
    return [[cell.replace("\r\n", "\n") for cell in row] for row in rows]  # Excel ends a copied block with a newline


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
    explanations: int = 0  # of the stored, how many went into the 说明 column (a block pasted one column off says so)
