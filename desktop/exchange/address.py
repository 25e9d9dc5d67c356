"""A1 cell addresses, without loading openpyxl (which costs a tenth of a second) where only the reading needs them."""

from __future__ import annotations


def column_letter(column: int) -> str:
    """1 → A, 26 → Z, 27 → AA (openpyxl.utils.get_column_letter, for 1–18278)."""
    if not 1 <= column <= 18278:
        raise ValueError(f"column {column} is outside A–ZZZ")
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
