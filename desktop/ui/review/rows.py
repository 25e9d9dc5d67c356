"""Plain rows for the bureau's screens (no Qt): the review table and the attainment heat map."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.catalog import Catalog
from desktop.core.derived import compute
from desktop.core.display import shown
from desktop.core.outliers import outliers
from desktop.core.report import HalfReport
from desktop.core.semester import Semester
from desktop.core.targets import MISSED
from desktop.core.text import Text
from desktop.core.values import from_storage, to_storage
from desktop.core.workflow import STATUS_NAMES, Status
from desktop.store.review import Thread


@dataclass(frozen=True, slots=True)
class ReviewRow:
    code: str
    name: str
    unit: str
    value: str
    previous_version: str
    changed: bool  # differs from the previous version of this submission
    previous_half: str
    last_year: str
    target: str
    missed: bool
    explanation: str
    outlier: str  # "" or e.g. "离群：远高于各区县（中位数 36.6）"
    queries: str  # "" or "1 未解决 / 2"
    open_queries: int
    findings: str = ""  # the district's checks on this indicator, in words, each with whether it is explained
    severity: str = ""  # the worst of them: error | warning | notice | ""
    large_change: bool = False  # a year-on-year change beyond the usual range (a yoy check)
    explanation_changed: bool = False  # the district's 说明 differs from the previous version's
    previous_explanation: str = ""


def district_figures(store, semester: Semester, units: set[str]) -> dict:
    """The figures of one half (raw and derived) of the districts in `units`, for cross-district comparisons: those
    the bureau has received, or those the city's figures count; a draft here is no district's word."""
    catalog = store.catalog
    return {u: compute(catalog, raw, semester) for u, (raw, _) in store.all_units(semester).items()
            if u in units and not store.units.get(u).is_municipality}  # fmt: skip


def review_rows(report: HalfReport, catalog: Catalog, previous: dict[str, str] | None, threads: list[Thread],
                others: dict, lang: str, previous_explanations: dict[str, str] | None = None,
                signed: list[dict] = ()) -> list[ReviewRow]:  # fmt: skip
    """`signed`: the checks the district's installation ran on the version (Review.signed_checks)."""
    rows = []
    by_code: dict[str, list[Thread]] = {}
    for t in threads:
        by_code.setdefault(t.code, []).append(t)
    findings = _findings_by_code(report, lang, signed)
    earlier = _previous_figures(catalog, previous, report.semester) if previous is not None else None
    for ind in catalog.applicable(report.unit.is_municipality):
        att = report.attainments.get(ind.code)
        before = ""
        changed = False
        if earlier is not None:  # derived figures too: a ratio changes when either of its counts does
            before = shown(ind, earlier, lang)
            if ind.derived:
                changed = before != shown(ind, report.figures, lang)
            else:  # the stored text, exactly: a change below what is shown still counts
                now = report.half.raw.get(ind.code)
                changed = (previous.get(ind.code) or None) != (None if now is None else to_storage(now))
        flag = ""
        if ind.numeric:
            found = outliers(ind.code, {u: f.get(ind.code) for u, f in others.items()}).get(report.unit.code)
            if found is not None:
                way = Text("远高于", "far above") if found.score > 0 else Text("远低于", "far below")
                flag = Text(f"离群：{way.zh}各区县（中位数 {found.median:.4g}）",
                            f"outlier: {way.en} the districts (median {found.median:.4g})")(lang)  # fmt: skip
        mine = by_code.get(ind.code, [])
        open_count = sum(t.open for t in mine)
        queries = Text(f"{open_count}个未解决 / 共{len(mine)}个", f"{open_count} open / {len(mine)}")(lang) if mine else ""
        explanation = report.half.explanations.get(ind.code, "")
        said_before = (previous_explanations or {}).get(ind.code, "")
        rows.append(ReviewRow(ind.code, ind.name(lang), ind.unit(lang), shown(ind, report.figures, lang), before, changed,
                              shown(ind, report.previous, lang), shown(ind, report.last_year, lang),
                              att.target.shown(ind, lang) if att else "", bool(att and att.status == MISSED),
                              explanation, flag, queries, open_count, *findings.get(ind.code, ("", "", False)),
                              earlier is not None and said_before != explanation, said_before))  # fmt: skip
    return rows


SEVERITY_ORDER = {"error": 0, "warning": 1, "notice": 2}
SEVERITY_WORDS = {"error": Text("错误", "Error"), "warning": Text("警告", "Warning"), "notice": Text("提示", "Notice")}


def _findings_by_code(report: HalfReport, lang: str, signed: list[dict] = ()) -> dict[str, tuple[str, str, bool]]:
    """Per indicator: its checks in words ("警告：… （已说明）"), the worst severity, and whether one is a large YoY change.
    A check the district's installation ran that this one did not (its history or targets reach further) follows,
    marked as the district's: the 说明 it was signed with answers it."""
    by_code: dict[str, list] = {}
    for result in sorted(report.checks, key=lambda r: SEVERITY_ORDER.get(r.severity, 3)):
        # A target or YoY finding is about its first code (the rest are the inputs an explanation may sit on).
        for code in result.codes[:1] if result.kind in ("target", "yoy") else result.codes:
            by_code.setdefault(code, []).append(result)
    theirs: dict[str, list[dict]] = {}
    for item in sorted(signed, key=lambda r: SEVERITY_ORDER.get(r["severity"], 3)):
        for code in item["codes"][:1] if item["kind"] in ("target", "yoy") else item["codes"]:
            if item["rule"] not in {r.rule for r in by_code.get(code, [])}:
                theirs.setdefault(code, []).append(item)
    out = {}
    for code in [*by_code, *(c for c in theirs if c not in by_code)]:
        results, parts = by_code.get(code, []), []
        for r in results:
            note = ""
            if r.severity == "warning":
                said = next((report.half.explanations[c] for c in r.codes if report.half.explanations.get(c)), "")
                note = (Text(f"（说明：{said}）", f" (explained: {said})") if r.explained and said
                        else Text("（已说明）", " (explained)") if r.explained else Text("（未说明）", " (not explained)"))(lang)  # fmt: skip
            parts.append(f"{SEVERITY_WORDS[r.severity](lang)}：{r.message(lang)}{note}" if lang == "zh"
                         else f"{SEVERITY_WORDS[r.severity](lang)}: {r.message(lang)}{note}")  # fmt: skip
        for item in theirs.get(code, []):
            said = next((report.half.explanations[c] for c in item["codes"] if report.half.explanations.get(c)), "")
            note = (Text(f"（说明：{said}）", f" (explained: {said})") if said else Text("（未说明）", " (not explained)"))(lang)
            words = SEVERITY_WORDS[item["severity"]]
            parts.append(Text(f"区县报送时{words.zh}：{item['zh']}{note if item['severity'] == 'warning' else ''}",
                              f"At the district, {words.en.lower()}: {item['en']}{note if item['severity'] == 'warning' else ''}")(lang))  # fmt: skip
        severities = [r.severity for r in results] + [i["severity"] for i in theirs.get(code, [])]
        out[code] = ("；".join(parts) if lang == "zh" else "; ".join(parts), min(severities, key=lambda v: SEVERITY_ORDER.get(v, 3)),
                     any(r.kind == "yoy" for r in results) or any(i["kind"] == "yoy" for i in theirs.get(code, [])))  # fmt: skip
    return out


def _previous_figures(catalog: Catalog, previous: dict[str, str], semester: Semester):
    """The previous version's figures, raw and derived, from its stored values."""
    raw = {code: from_storage(catalog.indicators[code], text) for code, text in previous.items()
           if code in catalog.indicators and text is not None}  # fmt: skip
    return compute(catalog, raw, semester)


KIND_WORDS = {"range": Text("取值范围", "range"), "required": Text("必填", "required"),
              "consistency": Text("逻辑关系", "consistency"), "target": Text("目标", "target"),
              "yoy": Text("同比变化", "year on year")}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One check finding of one received submission, for the table across districts."""

    unit_code: str
    district: str
    code: str  # the value it opens at
    indicator: str
    severity: str  # error | warning | notice
    rule: str  # the rule's id: what the filter groups by
    rule_words: str  # the rule as people read it: 同比变化：优良天数比例
    message: str
    explained: str  # "" or the district's 说明 (for a warning)
    status: str = ""  # the submission's status, in words: a finding on an accepted half is history
    unexplained: bool = False  # a warning the district has not explained


def finding_rows(checks_by_unit: dict, received: dict[str, Status], catalog: Catalog, units, explanations: dict,
                 lang: str, signed: dict[str, list[dict]] | None = None) -> list[FindingRow]:  # fmt: skip
    """Every finding of every received district (`received`: its status), errors first, then by district; with
    those the district's installation found and this one did not (`signed`: Review.half_signed_checks)."""
    rows = []
    for unit_code, results in checks_by_unit.items():
        if unit_code not in received:
            continue
        status = STATUS_NAMES[received[unit_code]](lang)
        unit = units.get(unit_code)
        notes = explanations.get(unit_code, {})
        ours = {r.rule for r in results}
        for item in (signed or {}).get(unit_code, []):
            if item["rule"] in ours:
                continue
            code = item["codes"][0]
            ind = catalog.indicators.get(code)
            name = ind.name(lang) if ind else code
            kind = KIND_WORDS.get(item["kind"], Text(item["kind"], item["kind"]))(lang)
            message = Text(f"区县报送时：{item['zh']}", f"At the district: {item['en']}")(lang)
            note = next((notes[c] for c in item["codes"] if notes.get(c)), "") if item["severity"] == "warning" else ""
            rows.append(FindingRow(unit_code, unit.name(lang), code, name, item["severity"], item["rule"],
                                   f"{kind}：{name}" if item["kind"] != "consistency" else f"{kind}：{message}", message, note,
                                   status, item["severity"] == "warning" and not note))  # fmt: skip
        for r in results:
            code = r.codes[0] if r.codes else ""
            ind = catalog.indicators.get(code)
            name = ind.name(lang) if ind else code
            kind = KIND_WORDS.get(r.kind, Text(r.kind, r.kind))(lang)
            words = f"{kind}：{name}" if r.kind != "consistency" else f"{kind}：{r.message(lang)}"
            note = next((notes[c] for c in r.codes if notes.get(c)), "") if r.severity == "warning" and r.explained else ""
            rows.append(FindingRow(unit_code, unit.name(lang), code, name, r.severity, r.rule, words, r.message(lang), note,
                                   status, r.severity == "warning" and not r.explained))  # fmt: skip
    return sorted(rows, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.unit_code, f.rule))
