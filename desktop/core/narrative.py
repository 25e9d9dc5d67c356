"""The narrative report: published sentences written from the data, with templates in resources/.

上半年，全市74个国控断面水质优良比例为98.6%，高于国家考核目标1.3个百分点；…
A clause appears only when every figure it names exists, so a district without sections gets no
sentence about sections, rather than "0个国控断面".
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from desktop.core.catalog import Catalog
from desktop.core.derived import Figures
from desktop.core.formulas import Formula, FormulaError, NotApplicable
from desktop.core.loading import CatalogError
from desktop.core.semester import Semester
from desktop.core.targets import Attainment
from desktop.core.text import Text
from desktop.core.units import Unit
from desktop.core.values import format_value, round_half_up

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*\.[a-z0-9_]+)(?::([a-z_]+))?\}")
FORMATS = ("", "wan", "yoy", "yoy_level", "target", "from_wan")


@dataclass(frozen=True, slots=True)
class Clause:
    text: Text
    when: Formula | None
    codes: frozenset[str]
    # Said instead, the first that can be, when this one cannot (no figure last year, a total not judged against its
    # target): the figure is still given, without the comparison it lacks.
    otherwise: tuple[Clause, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    topic: str
    clauses: tuple[Clause, ...]
    part: Text | None = None  # the report's level-one heading it falls under (一、生态环境质量状况)


@dataclass(frozen=True, slots=True)
class Section:
    """One written paragraph, with the headings it sits under in the published report."""

    part: Text | None
    topic: str
    text: str


def load_narrative(file: Path, catalog: Catalog) -> list[Paragraph]:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(file, "(file)", str(exc)) from None
    parts: dict[str, Text] = {}
    for i, raw in enumerate(data.get("part", [])):
        try:
            parts[raw["code"]] = Text(raw["zh"], raw["en"])
        except (KeyError, TypeError):
            raise CatalogError(file, f"part[{i}]", "needs code, zh and en") from None
    paragraphs = []
    for i, raw in enumerate(data.get("paragraph", [])):
        if raw.get("part") is not None and raw["part"] not in parts:
            raise CatalogError(file, f"paragraph[{i}].part", f"unknown part {raw['part']}")
        clauses = [_load_clause(file, catalog, clause, f"paragraph[{i}].clause[{j}]")
                   for j, clause in enumerate(raw.get("clause", []))]  # fmt: skip
        paragraphs.append(Paragraph(raw.get("topic", ""), tuple(clauses), parts.get(raw.get("part", ""))))
    return paragraphs


def _load_clause(file: Path, catalog: Catalog, clause: object, key: str) -> Clause:
    try:
        zh, en = clause["zh"], clause["en"]
    except (KeyError, TypeError):
        raise CatalogError(file, key, "needs zh and en") from None
    codes = set()
    for text in (zh, en):
        for code, fmt in _PLACEHOLDER.findall(text):
            if code not in catalog:
                raise CatalogError(file, key, f"unknown indicator code {code}")
            if fmt not in FORMATS:
                raise CatalogError(file, key, f"unknown format :{fmt}; use one of {', '.join(FORMATS[1:])}")
            codes.add(code)
    when = None
    if "when" in clause:
        try:
            when = Formula(clause["when"])
        except FormulaError as exc:
            raise CatalogError(file, f"{key}.when", str(exc)) from None
        codes |= when.codes
    otherwise = clause.get("otherwise", [])
    if not isinstance(otherwise, list):
        raise CatalogError(file, f"{key}.otherwise", "is a list of clauses ([[paragraph.clause.otherwise]])")
    return Clause(Text(zh, en), when, frozenset(codes),
                  tuple(_load_clause(file, catalog, alt, f"{key}.otherwise[{k}]") for k, alt in enumerate(otherwise)))  # fmt: skip


def _possessive(subject: str) -> str:
    """English possessive: the city's, but the 5 accepted districts' (not districts's)."""
    return subject + ("'" if subject.endswith("s") else "'s")


def _wan(value: Decimal | int) -> str:
    """336000 → 33.6万, 77700 → 7.77万, 695 → 695: how Chinese reports write large figures."""
    if abs(value) < 10000:
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    scaled = round_half_up(Decimal(value) / 10000, 2).normalize()
    return f"{format(scaled, 'f')}万"


class _Writer:
    def __init__(
        self, catalog: Catalog, figures: Figures, last_year: Figures, goals: dict[str, Attainment], lang: str
    ):
        self.catalog, self.figures, self.last_year, self.goals, self.lang = (
            catalog,
            figures,
            last_year,
            goals,
            lang,
        )

    def available(self, clause: Clause) -> bool:
        if not all(self.figures.get(c) is not None for c in clause.codes):
            return False
        for code, fmt in _PLACEHOLDER.findall(clause.text(self.lang)):
            if fmt in ("yoy", "yoy_level") and self.last_year.get(code) is None:
                return False
            if fmt == "target" and (code not in self.goals or self.goals[code].margin is None):
                return False
        if clause.when is None:
            return True
        context = {c: v for c, v in self.figures.raw.items() if not isinstance(v, str)}
        context.update({c: v for c, v in self.figures.derived.items() if not isinstance(v, str) and v})
        try:
            return bool(clause.when.evaluate(context))
        except NotApplicable:
            return False

    def render(self, clause: Clause, subject: str) -> str:
        text = clause.text(self.lang).replace("{subject}'s", _possessive(subject)).replace("{subject}", subject)
        return _PLACEHOLDER.sub(lambda m: self.value(m.group(1), m.group(2) or ""), text)

    def value(self, code: str, fmt: str) -> str:
        ind, value, lang = self.catalog[code], self.figures.get(code), self.lang
        if fmt == "wan" and lang == "zh" and not isinstance(value, str):
            return _wan(round_half_up(value, ind.places) if ind.places else value)
        if fmt == "from_wan" and lang == "en" and not isinstance(value, str):
            return f"{round_half_up(Decimal(value) * 10000, max(0, ind.places - 4)):,}"
        if fmt in ("yoy", "yoy_level"):
            return self.change(code, fmt)
        if fmt == "target":
            return self.target(code)
        text = format_value(ind, value, lang, grouping=lang == "en")
        # Prose drops trailing zeros as the bureau's reports do: 94%, 695亩, 332万个, but 98.6%.
        return text.rstrip("0").rstrip(".") if "." in text and not isinstance(value, str) else text

    def change(self, code: str, fmt: str) -> str:
        ind = self.catalog[code]
        diff = round_half_up(Decimal(self.figures.get(code)) - Decimal(self.last_year.get(code)), ind.places)
        amount = format(abs(diff), "f")
        unit = Text("个百分点", " percentage points") if ind.type == "percent" else ind.unit
        if diff == 0:
            return Text("持平", "unchanged")(self.lang)
        up = diff > 0
        if self.lang == "en":
            return f"{'up' if up else 'down'} {amount}{unit.en if ind.type == 'percent' else ' ' + unit.en}"
        verb = ("增加" if up else "减少") if fmt == "yoy" else ("上升" if up else "下降")
        return f"{verb}{amount}{unit.zh}"

    def target(self, code: str) -> str:
        att, ind = self.goals[code], self.catalog[code]
        basis = att.target.basis(self.lang)
        amount = format(abs(att.margin), "f")
        unit = Text("个百分点", " percentage points") if ind.type == "percent" else ind.unit
        if att.margin == 0:
            return Text(f"达到{basis}", f"meeting the {basis.lower()}")(self.lang)
        if self.lang == "en":
            return f"{amount}{unit.en if ind.type == 'percent' else ' ' + unit.en} {'above' if att.margin > 0 else 'below'} the {basis.lower()}"
        return f"{'高于' if att.margin > 0 else '低于'}{basis}{amount}{unit.zh}"


def _clause(writer: _Writer, clause: Clause, whole: str, partial: str | None) -> str:
    """A clause about a provisional sum names the districts it counts: as its subject, or, when its words have
    none, after it (…整治完成率达94.2%（已审核通过的5个区县）)."""
    if partial is None:
        return writer.render(clause, whole)
    if "{subject}" in clause.text(writer.lang):
        return writer.render(clause, partial)
    return writer.render(clause, whole) + (f"（{partial}）" if writer.lang == "zh" else f" ({partial})")


def write_report(paragraphs: list[Paragraph], catalog: Catalog, unit: Unit, semester: Semester, figures: Figures,
                 last_year: Figures, goals: dict[str, Attainment], lang: str = "zh", partial: Text | None = None) -> list[str]:  # fmt: skip
    return [s.text for s in write_sections(paragraphs, catalog, unit, semester, figures, last_year, goals, lang, partial)]


def write_sections(paragraphs: list[Paragraph], catalog: Catalog, unit: Unit, semester: Semester, figures: Figures,
                   last_year: Figures, goals: dict[str, Attainment], lang: str = "zh",
                   partial: Text | None = None) -> list[Section]:  # fmt: skip
    """`partial`: while the city's sums count only some districts, the subject of a clause about such a sum
    (已审核通过的5个区县), so that a part is never written up as 全市; the city's own measurements keep 全市."""
    writer = _Writer(catalog, figures, last_year, goals, lang)
    whole = Text("全市", "the city")(lang) if unit.is_municipality else unit.name(lang)
    period = Text(f"{'上' if semester.half == 1 else '下'}半年", f"In the {'first' if semester.half == 1 else 'second'} half of {semester.year}")(lang)  # fmt: skip
    out = []
    for paragraph in paragraphs:
        chosen = [next((c for c in (clause, *clause.otherwise) if writer.available(c)), None) for clause in paragraph.clauses]
        clauses = [_clause(writer, c, whole, partial(lang) if partial and not all(catalog.city_measured(code) for code in c.codes)
                           else None) for c in chosen if c is not None]  # fmt: skip
        if not clauses:
            continue
        if lang == "en":
            text = f"{period}, " + "; ".join(clauses) + "."
        else:
            text = f"{period}，" + "；".join(clauses) + "。"
        out.append(Section(paragraph.part, paragraph.topic, text))
    return out


def unwritten(paragraphs: list[Paragraph], catalog: Catalog, figures: Figures, lang: str = "zh") -> str | None:
    """What the report leaves out because figures are missing, by topic: a whole paragraph (a city whose air figures
    were never entered got a report without its air paragraph, and no word of it) or a clause of one (the Yangtze's
    class, the carbon market); said to whoever makes the report."""
    names = {t.code: t.name(lang) for t in catalog.topics}
    gaps: dict[str, dict[str, None]] = {}  # topic → missing codes, in catalog order, once each
    for paragraph in paragraphs:
        for clause in paragraph.clauses:
            every = (clause, *clause.otherwise)
            if any(all(figures.get(code) is not None for code in c.codes) for c in every):
                continue  # it can be written (or is left out for what its figures say, not for want of them)
            missing = [code for code in catalog.indicators if any(code in c.codes for c in every) and figures.get(code) is None]
            gaps.setdefault(paragraph.topic, {}).update(dict.fromkeys(missing))
    if not any(gaps.values()):
        return None
    parts = [(f"{names.get(t, t)}（缺{'、'.join(catalog[c].name('zh') for c in codes)}）" if lang == "zh"
              else f"{names.get(t, t)} (missing: {', '.join(catalog[c].name('en') for c in codes)})") for t, codes in gaps.items() if codes]  # fmt: skip
    return (f"报告中没有以下内容，因为缺少数据（尚未填报，或所计区县尚未审核通过）：{'；'.join(parts)}。" if lang == "zh"
            else f"The report leaves out the following, as their figures are missing (not yet entered, or the districts counted not yet accepted): {'; '.join(parts)}.")
