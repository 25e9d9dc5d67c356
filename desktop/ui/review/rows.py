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
from desktop.core.values import format_value, from_storage, to_storage
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
    outlier: str  # "" or e.g. "离群：中位数 36.6，稳健Z 5.1"
    queries: str  # "" or "1 未解决 / 2"
    open_queries: int


def district_figures(store, semester: Semester) -> dict:
    """Every district's figures of one half (raw and derived), for cross-district comparisons."""
    catalog = store.catalog
    return {u: compute(catalog, raw, semester) for u, (raw, _) in store.all_units(semester).items()
            if not store.units.get(u).is_municipality}  # fmt: skip


def review_rows(report: HalfReport, catalog: Catalog, previous: dict[str, str] | None, threads: list[Thread],
                others: dict, lang: str) -> list[ReviewRow]:  # fmt: skip
    rows = []
    by_code: dict[str, list[Thread]] = {}
    for t in threads:
        by_code.setdefault(t.code, []).append(t)
    for ind in catalog.applicable(report.unit.is_municipality):
        att = report.attainments.get(ind.code)
        before = ""
        changed = False
        if previous is not None and not ind.derived:
            old = previous.get(ind.code)
            before = format_value(ind, from_storage(ind, old), lang, grouping=True) if old is not None else ""
            now = report.half.raw.get(ind.code)
            changed = (old or None) != (None if now is None else to_storage(now))
        flag = ""
        if ind.numeric:
            found = outliers(ind.code, {u: f.get(ind.code) for u, f in others.items()}).get(report.unit.code)
            if found is not None:
                flag = Text(f"离群：中位数 {found.median:.4g}，稳健Z {found.score:+.1f}",
                            f"outlier: median {found.median:.4g}, robust z {found.score:+.1f}")(lang)  # fmt: skip
        mine = by_code.get(ind.code, [])
        open_count = sum(t.open for t in mine)
        queries = Text(f"{open_count}个未解决 / 共{len(mine)}个", f"{open_count} open / {len(mine)}")(lang) if mine else ""
        rows.append(ReviewRow(ind.code, ind.name(lang), ind.unit(lang), shown(ind, report.figures, lang), before, changed,
                              shown(ind, report.previous, lang), shown(ind, report.last_year, lang),
                              att.target.shown(ind, lang) if att else "", bool(att and att.status == MISSED),
                              report.half.explanations.get(ind.code, ""), flag, queries, open_count))  # fmt: skip
    return rows
