"""The submission workbook as it leaves an installation: with its queries and, once signed off, its signature."""

from __future__ import annotations

from desktop.core.report import HalfReport
from desktop.core.semester import Semester
from desktop.core.units import Unit
from desktop.exchange.submission import build_submission
from desktop.store.reports import half_report
from desktop.store.review import Review
from desktop.store.submissions import Submissions


def submission_workbook(store, unit: Unit, semester: Semester, lang: str = "zh", people: dict[str, str] | None = None,
                        report: HalfReport | None = None):  # fmt: skip
    report = report or half_report(store, unit, semester)
    threads = Review(store).threads(unit, semester)  # queries and the district's answers travel with it
    signed = Submissions(store).sign_off_of(unit, semester)  # None: a draft, marked as such
    from desktop.store.audit import AuditLog
    from desktop.store.heads import held
    from desktop.store.packages import active_version

    return build_submission(report, store.catalog, store.resources.form, lang, people, threads, signed,
                            active_version(store), AuditLog(store).newest_head(), held(store, store.units.municipality.code))  # fmt: skip
