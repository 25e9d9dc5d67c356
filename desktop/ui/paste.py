"""Clipboard text from Excel or WPS: tab-separated columns, one line per row. No Qt here."""

from __future__ import annotations


def parse_block(text: str) -> list[list[str]]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # Excel ends a copied block with a newline
    return [line.split("\t") for line in lines]
