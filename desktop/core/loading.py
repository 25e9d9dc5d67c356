"""Loads and validates the data files of `resources/`: catalog, units, targets.

A broken file stops start-up with the file, the key and what is wrong, e.g.
`resources/catalog/water.toml: indicator[2] (water.sections_below_v).type: must be one of …`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.core.catalog import (
    AGGREGATIONS,
    NATURES,
    SEVERITIES,
    TYPES,
    Catalog,
    Indicator,
    Plausibility,
    Rule,
    Topic,
    plain_words,
)
from desktop.core.formulas import CONTEXT_NAMES, Formula, FormulaError
from desktop.core.semester import Semester
from desktop.core.targets import OPERATORS, SCOPES, Target, TargetBook
from desktop.core.text import Text, UserError
from desktop.core.units import Unit, Units

_CODE_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_.")


class CatalogError(Exception):
    def __init__(self, file: Path | str, key: str, problem: str):
        self.file, self.key, self.problem = str(file), key, problem
        super().__init__(f"{file}: {key}: {problem}")


class _Table:
    """Typed reads from one TOML table, raising CatalogError with the full key path."""

    def __init__(self, file: Path, key: str, data: Any):
        if not isinstance(data, dict):
            raise CatalogError(file, key, "must be a table")
        self.file, self.key, self.data = file, key, data
        self.used: set[str] = set()

    def fail(self, field: str, problem: str) -> CatalogError:
        return CatalogError(self.file, f"{self.key}.{field}" if field else self.key, problem)

    def get(self, field: str, kind: type | tuple, default: Any = ..., choices: tuple = ()) -> Any:
        self.used.add(field)
        if field not in self.data:
            if default is ...:
                raise self.fail(field, "is required")
            return default
        value = self.data[field]
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise self.fail(field, f"must be {_kind_name(kind)}, not {value!r}")
        if not isinstance(value, kind):
            raise self.fail(field, f"must be {_kind_name(kind)}, not {value!r}")
        if choices and value not in choices:
            raise self.fail(field, f"must be one of {', '.join(map(str, choices))} (got {value!r})")
        return value

    def text(self, stem: str, default: Any = ...) -> Text | None:
        if default is None and f"{stem}_zh" not in self.data:
            self.used.add(f"{stem}_en")
            return None
        zh, en = self.get(f"{stem}_zh", str), self.get(f"{stem}_en", str)
        if not zh.strip() or not en.strip():
            raise self.fail(f"{stem}_zh" if not zh.strip() else f"{stem}_en", "must not be empty")
        return Text(zh, en)

    def number(self, field: str, default: Any = None) -> Decimal | None:
        value = self.get(field, (int, float), default)
        return None if value is None else Decimal(repr(value)) if isinstance(value, float) else Decimal(value)

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(unknown[0], "unknown key (misspelt?)")


def _kind_name(kind: type | tuple) -> str:
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _read_toml(file: Path) -> dict:
    try:
        with file.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise CatalogError(file, "(file)", "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(file, "(syntax)", str(exc)) from None
    except UnicodeDecodeError:
        raise CatalogError(file, "(encoding)", "must be UTF-8") from None


def _code(table: _Table, field: str = "code") -> str:
    code = table.get(field, str)
    if (
        not code
        or not set(code) <= _CODE_CHARS
        or code.count(".") != 1
        or code.startswith(".")
        or code.endswith(".")
    ):
        raise table.fail(
            field, f"must look like topic.name in lower case, e.g. water.sections_total (got {code!r})"
        )
    return code


def _plausibility(table: _Table) -> Plausibility | None:
    raw = table.get("yoy", dict, None)
    if raw is None:
        return None
    sub = _Table(table.file, f"{table.key}.yoy", raw)
    p = Plausibility(sub.number("relative"), sub.number("min_change", 0) or Decimal(0), sub.number("points"))
    sub.finish()
    if p.relative is None and p.points is None:
        raise sub.fail("", "needs relative = … or points = …")
    return p


def _indicator(file: Path, key: str, raw: Any, topic: str, derived: bool, written_before: bool = False) -> Indicator:
    t = _Table(file, key, raw)
    code = _code(t)
    t.key = f"{key} ({code})"
    if not code.startswith(topic + "."):
        raise t.fail("code", f"must start with the topic '{topic}.'")
    kind = t.get("type", str, choices=TYPES)
    places = t.get("places", int, 0)
    if not 0 <= places <= 6:
        raise t.fail("places", "must be between 0 and 6")
    if kind == "integer" and places:
        raise t.fail("places", "an integer has no decimal places")
    levels = tuple(t.get("levels", list, []))
    levels_en = tuple(t.get("levels_en", list, list(levels)))
    if kind == "category":
        if (
            len(levels) < 2
            or len(set(levels)) != len(levels)
            or not all(isinstance(x, str) and x for x in levels)
        ):
            raise t.fail("levels", "a category needs at least two distinct, non-empty levels")
        if len(levels_en) != len(levels) or not all(isinstance(x, str) and x for x in levels_en):
            raise t.fail("levels_en", "must name each level in English, in the same order")
    elif levels:
        raise t.fail("levels", f"only a category has levels, not a {kind}")
    numeric = kind in ("integer", "decimal", "percent")
    lo = t.number("min", 0 if numeric else None)
    hi_raw = t.get("max", (int, float, str), 100 if kind == "percent" else None)
    if isinstance(hi_raw, str) and hi_raw not in CONTEXT_NAMES:
        raise t.fail("max", f"must be a number or one of {', '.join(sorted(CONTEXT_NAMES))}")
    hi = Decimal(repr(hi_raw)) if isinstance(hi_raw, int | float) else hi_raw
    if isinstance(hi, Decimal) and lo is not None and hi < lo:
        raise t.fail("max", f"is below min ({lo})")
    if kind != "integer" and isinstance(hi, Decimal) and len(str(int(hi))) + places > 15:
        # JSON readers take numbers as doubles, exact to 15 significant digits: no figure may need more.
        raise t.fail("max", f"with {places} decimal places needs more than 15 significant digits; lower max or places")
    # A slip of unit or digits is caught at entry, not in the city's total. A set-up already in use from before
    # maxima were required still opens (`written_before`); a new or changed one must give them.
    if numeric and not derived and hi is None and not written_before:
        raise t.fail("max", "is required: the largest plausible value one unit can report (a district's, or the city's "
                            "for an indicator only the city enters)")
    formula = None
    if derived:
        if kind in ("category", "text"):
            raise t.fail("type", "a derived indicator must be numeric")
        try:
            formula = Formula(t.get("formula", str))
        except FormulaError as exc:
            raise t.fail("formula", str(exc)) from None
    indicator = Indicator(
        code=code, topic=topic, name=t.text("name"), unit=t.text("unit"), type=kind, places=places,
        levels=levels, levels_en=levels_en, min=lo, max=hi,
        aggregation="derived" if derived else t.get("aggregation", str, "sum", AGGREGATIONS),
        nature=t.get("nature", str, "flow", NATURES), required=t.get("required", bool, True),
        yoy=_plausibility(t), formula=formula, description=t.text("description", None),
        position=t.get("position", bool, False),
    )  # fmt: skip
    if indicator.position and (kind != "integer" or derived):
        raise t.fail("position", "only an entered integer can be a place in a ranking")
    if not numeric and indicator.aggregation == "sum":
        raise t.fail("aggregation", f"a {kind} cannot be summed: use entered or municipal")
    t.finish()
    return indicator


def load_catalog(directory: Path, written_before: bool = False) -> Catalog:
    index_file = directory / "catalog.toml"
    index = _Table(index_file, "(top)", _read_toml(index_file))
    version = index.get("version", str)
    topic_codes = index.get("topics", list)
    boilerplate = index.get("boilerplate", list, [])
    if not all(isinstance(b, str) and plain_words(b) for b in boilerplate):
        raise index.fail("boilerplate", "must be a list of phrases, each with words in it")
    index.finish()
    topics: list[Topic] = []
    indicators: dict[str, Indicator] = {}
    rules: list[Rule] = []
    for topic_code in topic_codes:
        file = directory / f"{topic_code}.toml"
        data = _read_toml(file)
        head = _Table(file, "topic", data.get("topic"))
        if head.get("code", str) != topic_code:
            raise head.fail("code", f"must be '{topic_code}', the name catalog.toml lists this file under")
        topic_name = head.text("name")
        head.finish()
        extra = set(data) - {"topic", "indicator", "derived", "rule"}
        if extra:
            raise CatalogError(file, sorted(extra)[0], "unknown section (misspelt?)")
        codes = []
        for section, derived in (("indicator", False), ("derived", True)):
            for i, raw in enumerate(data.get(section, [])):
                ind = _indicator(file, f"{section}[{i}]", raw, topic_code, derived, written_before)
                if ind.code in indicators:
                    raise CatalogError(file, f"{section}[{i}].code", f"duplicate code {ind.code}")
                indicators[ind.code] = ind
                codes.append(ind.code)
        for i, raw in enumerate(data.get("rule", [])):
            t = _Table(file, f"rule[{i}]", raw)
            try:
                formula = Formula(t.get("expr", str))
            except FormulaError as exc:
                raise t.fail("expr", str(exc)) from None
            rules.append(
                Rule(
                    t.get("id", str),
                    topic_code,
                    formula,
                    t.get("severity", str, "error", SEVERITIES),
                    t.text("message"),
                )
            )
            t.finish()
        topics.append(Topic(topic_code, topic_name, tuple(codes)))
    _check_references(directory, indicators, rules)
    _trial(directory, indicators, rules)
    catalog = Catalog(version, topics, _order(indicators), rules)
    catalog.boilerplate = frozenset(plain_words(b) for b in boilerplate)
    return catalog


def _trial(directory: Path, indicators: dict[str, Indicator], rules: list[Rule]) -> None:
    """Evaluates every formula and rule on sample values (ordinary, zero) as the application will, and refuses a
    catalog where one cannot be evaluated or gives the wrong kind of answer: found here, not in a user's report."""
    from desktop.core.formulas import NotApplicable

    def samples(codes):
        for base in (7, 0, 1):  # ordinary values, zeros (denominators too), ones
            fraction = Decimal("0.5") if base else Decimal(0)
            yield {c: base if indicators[c].type == "integer" else Decimal(base) + fraction for c in codes} | {"semester.days": 181}

    checks = [(ind.topic, f"{ind.code}.formula", ind.formula, "number") for ind in indicators.values() if ind.derived]
    checks += [(rule.topic, f"rule {rule.id}.expr", rule.formula, "truth") for rule in rules]
    for topic, key, formula, wanted in checks:
        for values in samples(formula.codes):
            try:
                result = formula.evaluate(values)
            except NotApplicable:
                continue  # a zero denominator: the figure does not exist, which is allowed
            except Exception as exc:  # noqa: BLE001 - any failure here is the catalog's
                raise CatalogError(directory / f"{topic}.toml", key, f"cannot be evaluated ({type(exc).__name__}: {exc})") from None
            if wanted == "truth" and not isinstance(result, bool):
                raise CatalogError(directory / f"{topic}.toml", key, "must be a comparison that is true or false")
            if wanted == "number" and (isinstance(result, bool) or not isinstance(result, Decimal) or not result.is_finite()):
                raise CatalogError(directory / f"{topic}.toml", key, f"must give a number (gave {result!r})")


def _check_references(directory: Path, indicators: dict[str, Indicator], rules: list[Rule]) -> None:
    for ind in indicators.values():
        if not ind.derived:
            continue
        file = directory / f"{ind.topic}.toml"
        for code in sorted(ind.formula.codes):
            if code not in indicators:
                raise CatalogError(file, f"{ind.code}.formula", f"unknown indicator code {code}")
            if indicators[code].derived or not indicators[code].numeric:
                raise CatalogError(file, f"{ind.code}.formula", f"{code} must be a numeric raw indicator")
    seen = set()
    for rule in rules:
        file = directory / f"{rule.topic}.toml"
        if rule.id in seen:
            raise CatalogError(file, f"rule {rule.id}", "duplicate rule id")
        seen.add(rule.id)
        for code in sorted(rule.codes):
            if code not in indicators:
                raise CatalogError(file, f"rule {rule.id}.expr", f"unknown indicator code {code}")


def _order(indicators: dict[str, Indicator]) -> dict[str, Indicator]:
    """Topic order, and within a topic each derived indicator right after the last input it uses."""
    out: dict[str, Indicator] = {}
    pending = [i for i in indicators.values() if i.derived]
    for ind in indicators.values():
        if ind.derived:
            continue
        out[ind.code] = ind
        for d in list(pending):
            if d.topic == ind.topic and all(
                c in out for c in d.formula.codes if indicators[c].topic == d.topic
            ):
                out[d.code] = d
                pending.remove(d)
    for d in pending:
        out[d.code] = d
    return out


def load_units(file: Path) -> Units:
    data = _read_toml(file)
    units: list[Unit] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("unit", [])):
        t = _Table(file, f"unit[{i}]", raw)
        code = t.get("code", str)
        if not code.isdigit() or len(code) != 6:
            raise t.fail("code", f"must be a six-digit GB/T 2260 code (got {code!r})")
        if code in seen:
            raise t.fail("code", f"duplicate unit {code}")
        seen.add(code)
        unit = Unit(code, t.text("name"), t.get("kind", str, choices=("municipality", "district", "county", "area")),
                    t.get("parent", str, None))  # fmt: skip
        t.finish()
        units.append(unit)
    if sum(u.is_municipality for u in units) != 1:
        raise CatalogError(file, "unit", 'exactly one unit must have kind = "municipality"')
    for i, unit in enumerate(units):
        if not unit.is_municipality and unit.parent not in seen:
            raise CatalogError(file, f"unit[{i}].parent", f"unknown parent unit {unit.parent!r}")
    return Units(units)


def load_targets(directory: Path, catalog: Catalog, units: Units) -> TargetBook:
    book: dict[Semester, list[Target]] = {}
    deadlines: dict[Semester, date] = {}
    for file in sorted(directory.glob("*.toml")):
        data = _read_toml(file)
        head = _Table(file, "(top)", {k: v for k, v in data.items() if k != "target"})
        try:
            semester = Semester.parse(head.get("semester", str))
        except UserError as exc:
            raise head.fail("semester", exc.text.en) from None
        deadline_text = head.get("deadline", str, None)
        head.finish()
        if semester in book:
            raise head.fail("semester", f"{semester} is already defined in another file")
        if deadline_text is not None:
            try:
                deadlines[semester] = date.fromisoformat(deadline_text)
            except ValueError:
                raise head.fail("deadline", f"must be a date like 2024-07-20 (got {deadline_text!r})") from None
        targets, seen = [], set()
        for i, raw in enumerate(data.get("target", [])):
            targets.append(_target(file, i, raw, catalog, units, seen))
        book[semester] = targets
    return TargetBook(book, deadlines)


def _target(file: Path, i: int, raw: Any, catalog: Catalog, units: Units, seen: set) -> Target:
    t = _Table(file, f"target[{i}]", raw)
    code = t.get("code", str)
    if code not in catalog:
        raise t.fail("code", f"unknown indicator code {code}")
    ind = catalog[code]
    scope = t.get("units", str)
    if scope not in SCOPES:
        unit = units.get(scope)
        if unit is None:
            raise t.fail("units", f"must be one of {', '.join(SCOPES)} or a unit code (got {scope!r})")
        scope = unit.code  # a unit named (万州区, wanzhou) is its code: the target applies where it is shown to
    if (code, scope) in seen:
        raise t.fail("units", f"a second target for {code} and {scope}")
    seen.add((code, scope))
    op = t.get("op", str, choices=tuple(OPERATORS))
    if ind.type == "category":
        value = t.get("value", str)
        if value not in ind.levels:
            raise t.fail("value", f"must be one of the levels {', '.join(ind.levels)}")
    elif ind.numeric:
        value = t.number("value", ...)
    else:
        raise t.fail("code", "a text indicator cannot have a target")
    target = Target(code, scope, op, value, t.text("basis"), t.get("example", bool, False))
    t.finish()
    return target


@dataclass(frozen=True, slots=True)
class FormInfo:
    """The printed form's statutory marks (法定标识): 表号, 制定机关, 批准机关, 批准文号, 有效期至."""

    title: Text
    form_no: Text
    authority: Text
    approval_no: Text
    valid_until: Text
    example: bool
    approved_by: Text | None = None  # 批准（备案）机关; set-up packages made before it was asked for lack it


def load_form(file: Path) -> FormInfo:
    t = _Table(file, "(top)", _read_toml(file))
    form = FormInfo(t.text("title"), t.text("form_no"), t.text("authority"), t.text("approval_no"),
                    t.text("valid_until"), t.get("example", bool, False), t.text("approved_by", None))  # fmt: skip
    t.finish()
    return form


@dataclass(frozen=True, slots=True)
class Resources:
    catalog: Catalog
    units: Units
    targets: TargetBook
    form: FormInfo
    root: Path  # where they were read from: the shipped folder, or an active set-up package's


def load_resources(root: Path, demo: bool = False, written_before: bool = False) -> Resources:
    """The data files under `root`; with `demo`, the demo's example targets (root/demo/targets) instead of
    the targets a bureau set (root/targets: none are shipped)."""
    catalog = load_catalog(root / "catalog", written_before)
    units = load_units(root / "units.toml")
    targets = load_targets(root / ("demo/targets" if demo else "targets"), catalog, units)
    return Resources(catalog, units, targets, load_form(root / "form.toml"), root)
