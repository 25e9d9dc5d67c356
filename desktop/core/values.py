"""Values as users type them and as they are stored: parsing, range checks, rounding, formatting.

Numbers are `int` (integer) or `Decimal` (decimal, percent); categories and text are `str`.
Storage is the canonical text of the value, so no binary float ever touches a figure.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING

from desktop.core.text import Text, UserError

if TYPE_CHECKING:
    from desktop.core.catalog import Indicator
    from desktop.core.semester import Semester

Value = int | Decimal | str
MAX_TEXT = 2000
# No figure of a district or city reaches a trillion in its own unit; below it every value survives a
# spreadsheet's binary floating point exactly (15 significant digits), so no round trip can change it.
MAX_MAGNITUDE = Decimal(10) ** 12
# What a typed number may look like once full-width forms are normalised: plain, or grouped by thousands
# with one kind of separator in groups of exactly three (1,234 · 1 234 · 1'234 · 1,234,567.5).
# ASCII digits only: a superscript (5³), a circled digit (①) or another script's digits is not taken as a number.
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_GROUPED = re.compile(r"[+-]?\d{1,3}(?P<sep>[,\u00a0\u202f '])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?", re.ASCII)
# A number with a unit or a word typed after it (35.2微克, 16件, 36.6 μg/m³): refused saying to leave the unit out.
_WITH_WORDS = re.compile(r"([+-]?[\d.,]*\d)\s*([^\d\s.,+-].*)", re.ASCII | re.DOTALL)
# A point where a thousands separator may be meant (1.000, 12.500): where fewer than three decimals are allowed, read
# as a decimal it would be taken as 1 or 12.5 without a word, so it is refused unless its extra decimals say otherwise.
_DOT_GROUPED = re.compile(r"[+-]?\d{1,3}\.(\d{3})", re.ASCII)
# Full-width forms (an input method's １２．５，－３) as ASCII, the ideographic space as a space, minus signs as '-':
# only these; a general compatibility mapping (NFKC) would also read 5³ as 53 and ① as 1.
_ASCII = str.maketrans({**{chr(0xFF01 + i): chr(0x21 + i) for i in range(94)}, "\u3000": " ",
                        "\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})  # fmt: skip


class ValueRefused(UserError):
    """A value that fails type or range: refused at entry, never stored."""

    specific = False  # True when the message says exactly what to type instead (kept over generic ones)


def round_half_up(number: Decimal | int, places: int) -> Decimal:
    """Rounds as statistics are published: 89.56 → 89.6, 0.05 → 0.1 (never banker's rounding)."""
    return Decimal(number).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _refuse(zh: str, en: str) -> ValueRefused:
    return ValueRefused(Text(zh, en))


def _specific(zh: str, en: str) -> ValueRefused:
    refused = _refuse(zh, en)
    refused.specific = True
    return refused


def normalise_number_text(raw: str) -> str:
    """Full-width digits and punctuation as ASCII (１２．５ → 12.5), Unicode minus signs as '-', trimmed."""
    return raw.translate(_ASCII).strip()


def _number(raw: object, whole: bool = False) -> Decimal:
    """One parser for the grid, paste, the command line and workbooks: nothing is guessed.

    A comma is a thousands separator only in groups of three; anything else is refused with what to type.
    """
    if isinstance(raw, bool):
        raise _refuse("须为数字", "must be a number")
    if isinstance(raw, int | Decimal):
        number = Decimal(raw)
    elif isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise _refuse("须为有限数字", "must be a finite number")
        # Excel keeps 15 significant digits and shows no more: beyond them is its arithmetic's binary noise (a formula's
        # 35.3 saved as 35.300000000000004), never a digit anybody typed or saw.
        number = Decimal(f"{raw:.15g}")
    else:
        text = normalise_number_text(str(raw))
        if len(text) > 40:
            raise _specific("数字过长", "number too long")
        if _PLAIN.fullmatch(text):
            number = Decimal(text)
        elif _GROUPED.fullmatch(text):
            number = Decimal(re.sub(r"[,\u00a0\u202f ']", "", text))
        elif re.fullmatch(r"[+-]?[\d.]+[eE][+-]?\d+", text):
            raise _specific(f"“{raw}”是科学计数法；请直接填写数字，例如 1e3 写作 1000",
                            f"'{raw}' is scientific notation; type the number itself, e.g. 1000 for 1e3")  # fmt: skip
        elif re.fullmatch(r"[+-]?[\d,.\s']+", text, re.ASCII) and any(ch in "0123456789" for ch in text):
            if whole:
                raise _specific(f"“{raw}”不是有效的整数：逗号只能作千位分隔（三位一组，如 1,234）",
                                f"'{raw}' is not a valid whole number: a comma only separates thousands (e.g. 1,234)")  # fmt: skip
            raise _specific(f"“{raw}”不是有效数字：逗号只能作千位分隔（三位一组，如 1,234）；如为小数请用小数点，例如 12.5",
                            f"'{raw}' is not a valid number: a comma only separates thousands (groups of three, "
                            f"e.g. 1,234); for a decimal use a point, e.g. 12.5")  # fmt: skip
        elif (tail := _WITH_WORDS.fullmatch(text)) and (_PLAIN.fullmatch(tail.group(1)) or _GROUPED.fullmatch(tail.group(1))):
            raise _specific(f"“{raw}”带有文字或单位：请只填数字，例如 {tail.group(1)}（计量单位已在表中注明）",
                            f"'{raw}' has words or a unit after the number: type the number only, e.g. {tail.group(1)} "
                            "(the unit is given beside it)")  # fmt: skip
        else:
            raise _refuse(f"“{raw}”不是数字", f"'{raw}' is not a number")
    if not number.is_finite():
        raise _specific("须为有限数字", "must be a finite number")
    if abs(number) >= MAX_MAGNITUDE:
        raise _specific(f"数值过大（{_plain(number) if abs(number.adjusted()) < 30 else '超过30位'}）：本系统的数值须小于1万亿，请核对单位和位数",
                        f"too large ({_plain(number) if abs(number.adjusted()) < 30 else 'over 30 digits'}): values must be below "
                        f"one trillion; check the unit and the digits")  # fmt: skip
    return number


def bounds(ind: Indicator, semester: Semester | None) -> tuple[Decimal | None, Decimal | None]:
    """The indicator's (min, max), resolving `semester.days`."""
    hi = ind.max
    if hi == "semester.days":
        hi = Decimal(semester.days) if semester else Decimal(184)
    return ind.min, hi


def parse_value(ind: Indicator, raw: object, semester: Semester | None = None) -> Value:
    """Turns what a user typed (or a cell held) into a value, or raises ValueRefused with the reason."""
    if ind.type == "text":
        text = str(raw).strip()
        if len(text) > MAX_TEXT:
            raise _refuse(f"文字不能超过{MAX_TEXT}字", f"text may not exceed {MAX_TEXT} characters")
        return text
    if ind.type == "category":
        return _parse_level(ind, raw)
    lo, hi = bounds(ind, semester)
    places = 0 if ind.type == "integer" else ind.places
    grouped = _DOT_GROUPED.fullmatch(normalise_number_text(raw)) if isinstance(raw, str) and places < 3 else None
    if grouped and (places == 0 or not grouped.group(1)[places:].strip("0")):
        as_point, as_thousands = Decimal(grouped.group(0)), Decimal(grouped.group(0).replace(".", ""))
        if as_point != as_thousands:  # 0.000 is nought either way
            allowed = Text("本指标为整数", "this indicator takes whole numbers") if places == 0 else \
                Text(f"本指标最多{places}位小数", f"this indicator has at most {places} decimal places")  # fmt: skip
            raise _specific(f"“{raw}”不能确定是 {_plain(as_point.normalize())} 还是 {as_thousands}：点后三位数字可能是千位分隔，"
                            f"{allowed.zh}。请不加千位分隔直接填写",
                            f"'{raw}' may be {_plain(as_point.normalize())} or {as_thousands}: three digits after a point may "
                            f"separate thousands, and {allowed.en}. Type the number without separators")  # fmt: skip
    if ind.type == "integer":
        # One message for every way of missing, as the template's requirement column says it.
        floor = _plain(lo if lo is not None else 0)
        try:
            number = _number(raw, whole=True)
        except ValueRefused as exc:
            if exc.specific:
                raise
            number = None
        if number is None or number != number.to_integral_value() or (lo is not None and number < lo):
            raise _refuse(f"须为不小于{floor}的整数", f"must be a whole number ≥ {floor}")
        value: Value = int(number)
    else:
        number = _number(raw)
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > ind.places:
            raise _specific(f"“{raw}”的小数位过多：最多保留{ind.places}位小数，不会自动四舍五入；请按原始数据填写",
                            f"'{raw}' has too many decimals: at most {ind.places} decimal places; nothing is rounded for you")  # fmt: skip
        value = round_half_up(number, ind.places)
    if lo is not None and number < lo:
        raise _refuse(f"不能小于{_plain(lo)}", f"must not be less than {_plain(lo)}")
    if hi is not None and number > hi:
        if ind.max == "semester.days":
            raise _refuse(f"不能大于{_plain(hi)}", f"must not be greater than {_plain(hi)}")
        raise _refuse(f"不能大于{_plain(hi)}（指标目录规定的合理上限；请核对单位和位数，确属实请联系市局）",
                      f"must not be greater than {_plain(hi)} (the catalog's plausible maximum; check the unit and the digits, "
                      "and ask the bureau if the figure is real)")  # fmt: skip
    return value


def _parse_level(ind: Indicator, raw: object) -> str:
    text = str(raw).strip()
    for i, level in enumerate(ind.levels):
        spellings = {
            level,
            level + "类",
            ind.levels_en[i].lower(),
            unicodedata.normalize("NFKC", level).lower(),
        }
        if text in spellings or text.lower() in spellings:
            return level
    raise _refuse(f"须为以下之一：{'、'.join(ind.levels)}", f"must be one of: {', '.join(ind.levels_en)}")


def _plain(number: Decimal | int) -> str:
    return format(number, "f") if isinstance(number, Decimal) else str(number)


def to_storage(value: Value) -> str:
    return _plain(value) if isinstance(value, Decimal | int) else value


def from_storage(ind: Indicator, text: str) -> Value:
    """Reads a stored value back; a value stored under an older catalog is returned as it was."""
    if ind.type in ("text", "category"):
        return text
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if ind.type == "integer" and number == number.to_integral_value():
        return int(number)
    return number


def format_value(ind: Indicator, value: Value | None, lang: str = "zh", grouping: bool = False) -> str:
    """How a value is shown: rounded half-up to the indicator's places; categories in the user's language."""
    if value is None:
        return ""
    if ind.type == "category" and isinstance(value, str):
        if lang == "en" and value in ind.levels:
            return ind.levels_en[ind.levels.index(value)]
        return value
    if isinstance(value, str):
        return value
    if ind.type == "integer" and isinstance(value, int):
        return f"{value:,}" if grouping else str(value)
    rounded = round_half_up(value, ind.places)
    return f"{rounded:,}" if grouping else _plain(rounded)


def range_problem(ind: Indicator, value: Value, semester: Semester | None) -> Text | None:
    """Why a stored value no longer fits its indicator (catalog changed since), or None."""
    try:
        parse_value(ind, value, semester)
    except ValueRefused as exc:
        return exc.text
    return None
