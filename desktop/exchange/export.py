"""The submission workbook as it leaves an installation: with its queries, signed with the installation key."""

from __future__ import annotations

from desktop.core.semester import Semester
from desktop.core.units import Unit
from desktop.exchange.submission import build_submission
from desktop.store import keys
from desktop.store.reports import HalfReport, half_report
from desktop.store.review import Review


def submission_workbook(store, unit: Unit, semester: Semester, lang: str = "zh", people: dict[str, str] | None = None,
                        report: HalfReport | None = None):  # fmt: skip
    report = report or half_report(store, unit, semester)
    threads = Review(store).threads(unit, semester)  # queries and the district's answers travel with it
    signature = keys.sign(store, unit, keys.signed_message(unit.code, str(semester), report.version, report.fingerprint))
    from desktop.store.packages import active_version

    return build_submission(report, store.catalog, store.resources.form, lang, people, threads, signature,
                            active_version(store))  # fmt: skip
