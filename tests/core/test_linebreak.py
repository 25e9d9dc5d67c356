"""A printed heading breaks as Chinese typesetting does, the same in every spreadsheet program."""

from __future__ import annotations

import pytest

from desktop.core.linebreak import CLOSING, OPENING, break_lines, longest_piece
from desktop.core.text import display_width


@pytest.mark.parametrize("room", [7, 8, 9, 11, 13])
@pytest.mark.parametrize("heading", ["水质优良（Ⅰ～Ⅲ类）断面数\n（个）", "长江、嘉陵江、乌江入河排污口数\n（个）",
                                     "新培育大气污染防治绩效A、B级企业\n（家）", "PM2.5平均浓度\n（微克/立方米）※",
                                     "“无废城市细胞”数\n（个）", "重度及以上污染天数\n（天）"])  # fmt: skip
def test_no_line_begins_with_a_closing_sign_or_ends_with_an_opening_one(heading, room):
    lines = break_lines(heading, room)
    assert "".join(lines) == heading.replace("\n", "")  # every character, in order, nothing added
    assert all(display_width(line) <= room for line in lines if len(line) > 1), lines
    assert not any(line[0] in CLOSING for line in lines), lines
    assert not any(line[-1] in OPENING for line in lines), lines
    assert not any(len(line) == 1 for line in lines[:-1] + lines[-1:] if line not in ("※",)), lines  # no widow


def test_a_latin_run_a_unit_and_an_english_word_stay_whole():
    assert break_lines("PM2.5平均浓度", 8) == ["PM2.5平", "均浓度"]  # not "PM2." over "5"
    assert break_lines("（微克/立方米）", 9) == ["（微克/", "立方米）"]  # the unit at its slash
    assert break_lines("水质优良（Ⅰ～Ⅲ类）断面数", 9)[0] == "水质优良"  # "（" was left at a line's end
    assert break_lines("有效监测天数", 9) == ["有效监测", "天数"]  # not 有效监测天 over 数
    assert break_lines("全市（初步）", 11) == ["全市", "（初步）"]  # a short parenthesis whole, not 全市（初 over 步）
    assert break_lines("Share of sections with excellent water quality", 12) == ["Share of", "sections", "with", "excellent", "water", "quality"]
    assert longest_piece("Projects in the climate investment pipeline\n(projects)") == len("investment")


def _whole_words(heading: str, lines: list[str]) -> bool:
    """Whether `lines` give back `heading` with every line ending at a space, after a hyphen of the heading's own,
    or at a hyphen added inside a word: never where the width merely ran out (monitorin over g)."""
    pos = 0
    for line in lines:
        while heading[pos:pos + 1] == " ":
            pos += 1
        if heading.startswith(line, pos):
            pos += len(line)
            inside = pos < len(heading) and heading[pos - 1].isalnum() and heading[pos].isalnum()
            if inside:
                return False
        elif line.endswith("-") and heading.startswith(line[:-1], pos) and heading[pos + len(line) - 2].isalpha():
            pos += len(line) - 1
        else:
            return False
    return pos == len(heading)


@pytest.mark.parametrize("room", [9, 11, 13])
@pytest.mark.parametrize("heading", ["Enterprises newly completing deep treatment or ultra-low-emission retrofits (enterprises)",
                                     "Days with valid monitoring (days)※", "Mean PM2.5 concentration (μg/m³)※",
                                     "Compliance rate of centralized drinking-water sources (%)"])  # fmt: skip
def test_an_english_word_too_wide_for_its_column_is_hyphenated_where_the_dictionary_allows(heading, room):
    lines = break_lines(heading, room)
    assert _whole_words(heading, lines), lines
    assert all(display_width(line) <= room for line in lines if line not in ("(μg/m³)※",)), lines  # nothing re-wrapped


def test_hyphenation_follows_the_dictionary_and_leaves_chinese_alone():
    assert break_lines("Days with valid monitoring (days)", 9) == ["Days with", "valid", "monitor-", "ing", "(days)"]
    assert break_lines("Mean PM2.5 concentration", 9) == ["Mean", "PM2.5", "concen-", "tration"]
    assert break_lines("ultra-low-emission", 9) == ["ultra-", "low-", "emission"]  # at its own hyphens first
    assert not _whole_words("Days with valid monitoring", ["Days with", "valid", "monitorin", "g"])  # the test can fail
    assert break_lines("重度及以上污染天数", 8) == ["重度及以", "上污染", "天数"]  # no hyphen in Chinese
