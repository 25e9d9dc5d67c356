"""Breaking a short heading into lines as Chinese typesetting does (GB/T 15834's 禁则): no line begins with a closing
sign or ends with an opening one, a Latin or numeric run (PM2.5, A、B) stays whole, a unit breaks after its "/",
and the last line is never one character alone. An English word wider than a line is hyphenated where the
dictionary allows (moni-toring), never cut where the width runs out (monitorin over g).

Spreadsheet programs break a wrapped cell wherever its width runs out ("水质优良（" over "Ⅰ～Ⅲ类）"); a heading
broken here prints the same in Excel, WPS and LibreOffice."""

from __future__ import annotations

import functools
import re

from desktop.core.text import display_width

CLOSING = set("）)】」』》〉〕］]｝}、，,。．：:；;！!？?％%”’·～~/")
OPENING = set("（(【「『《〈〔［[｛{“‘")
_RUN = re.compile(r"[A-Za-z0-9.+\-()'³²µ]+|.", re.S)


def _pieces(text: str) -> list[str]:
    """The text in pieces no line may break inside: a Latin run, a character with the signs that cling to it."""
    pieces: list[str] = []
    opening = ""
    for token in _RUN.findall(text):
        if token in OPENING:
            opening += token
        elif token in CLOSING and pieces and not opening:
            pieces[-1] += token
        else:
            pieces.append(opening + token)
            opening = ""
    if opening:
        pieces.append(opening)
    return pieces


def _bracketed(pieces: list[str], room: int) -> list[str]:
    """A short parenthesis kept whole when it fits a line: 全市 over （初步）, not 全市（初 over 步）."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        if pieces[i][0] in "（(":
            j = next((k for k in range(i, len(pieces)) if pieces[k].rstrip()[-1:] in "）)"), None)
            if j is not None and j > i and display_width("".join(pieces[i:j + 1])) <= room:
                out.append("".join(pieces[i:j + 1]))
                i = j + 1
                continue
        out.append(pieces[i])
        i += 1
    return out


@functools.cache
def _hyphenation():
    import pyphen  # loaded on the first word too wide for its line: English headings only

    return pyphen.Pyphen(lang="en_US", left=2, right=3)  # TeX's English minimums: no "monitorin-g"


def _hyphenated(piece: str, room: int) -> list[str]:
    """A Latin word wider than `room` in parts that fit, each but the last ending in a hyphen; a word the dictionary
    cannot break (or not finely enough) keeps its rest whole."""
    if not piece.isascii() or display_width(piece) <= room:
        return [piece]
    if "-" in piece.strip("-"):  # a compound breaks after its own hyphens first: ultra- low- emission
        return [part for word in re.findall(r"[^-]+-*|-+", piece) for part in _hyphenated(word, room)]
    parts, rest = [], piece
    while display_width(rest) > room:
        cut = next(((head if head.endswith("-") else head + "-", tail) for head, tail in _hyphenation().iterate(rest)
                    if display_width(head if head.endswith("-") else head + "-") <= room), None)  # fmt: skip
        if cut is None:
            break
        parts.append(cut[0])
        rest = cut[1]
    return parts + [rest]


def longest_piece(text: str) -> int:
    """The width of the widest piece of `text` no line may break inside (a word, in English)."""
    return max((display_width(piece.strip()) for paragraph in text.split("\n") for piece in _pieces(paragraph)), default=0)


def _fill(pieces: list[str], room: int) -> list[list[str]]:
    lines: list[list[str]] = [[]]
    for piece in pieces:
        if lines[-1] and display_width(("".join(lines[-1]) + piece).rstrip()) > room:
            lines.append([])
        if lines[-1] or not piece.isspace():  # a space where a line breaks is not printed
            lines[-1].append(piece)
    return lines


def break_lines(text: str, room: int) -> list[str]:
    """`text` in lines of at most `room` half-ems (a Chinese character is two), each paragraph on its own lines.

    An English word wider than the room is hyphenated; any other piece that wide has a line of its own (it cannot
    be broken without breaking the rule)."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        pieces = [part for piece in _bracketed(_pieces(paragraph), room) for part in _hyphenated(piece, room)]
        if "/" in paragraph and display_width(paragraph) > room:  # a unit (微克/立方米) breaks at its slash first
            halves = paragraph.split("/")
            candidate = [halves[0] + "/"] + ["/".join(halves[1:])]
            if all(display_width(part) <= room for part in candidate):
                out.extend(candidate)
                continue
        lines = _fill(pieces, room)
        if len(lines) > 1 and len(lines[-1]) == 1 and display_width(lines[-1][0]) <= 2 and len(lines[-2]) > 2:
            lines[-1].insert(0, lines[-2].pop())  # no widow: the last line takes one more from the line above
        out.extend("".join(line).strip() for line in lines)
    return out
