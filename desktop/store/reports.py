"""Gathers one unit-half from the database for core.report: values, status and who signed it off."""

from __future__ import annotations

import json

from desktop.core.report import HalfReport, build_half_report
from desktop.core.semester import Semester
from desktop.core.units import Unit
from desktop.core.workflow import Status
from desktop.store.service import Store


def half_report(store: Store, unit: Unit, semester: Semester, include: str = "accepted") -> HalfReport:
    """`include`: for the city, which districts count (core.consolidation.INCLUDE)."""
    half = store.unit_half(unit, semester, include)
    previous = store.unit_half(unit, semester.previous(), include)
    last_year = store.unit_half(unit, semester.same_last_year(), include)
    row = store.submission(unit, semester)
    people = json.loads(row.people) if row is not None and row.people else {}
    preparer = people.get("preparer") or (row.prepared_by if row else None) or store.last_editor(unit, semester)
    approver = people.get("approver") or (row.signed_by if row else None)
    return build_half_report(store.catalog, store.resources.targets, half, previous, last_year,
                             Status(row.status) if row else Status.DRAFT, row.version if row else 0, preparer, approver,
                             {k: str(v) for k, v in people.items() if v} if isinstance(people, dict) else {})  # fmt: skip


def _paragraphs(resources):
    """The narrative's paragraphs, from the active set-up's narrative.toml (or the shipped one)."""
    from desktop.core.narrative import load_narrative
    from desktop.resources import resources_dir

    own = resources.root / "narrative.toml"
    return load_narrative(own if own.exists() else resources_dir() / "narrative.toml", resources.catalog)


def narrative(resources, report: HalfReport, lang: str = "zh") -> list[str]:
    """The published paragraphs, from the active set-up's narrative (or the shipped one)."""
    from desktop.core import report as core_report

    return core_report.narrative(_paragraphs(resources), resources.catalog, report, lang)


def narrative_sections(resources, report: HalfReport, lang: str = "zh"):
    """The published paragraphs with the headings they sit under (core.narrative.Section), for the .docx report."""
    from desktop.core.narrative import write_sections
    from desktop.core.report import partial_subject

    return write_sections(_paragraphs(resources), resources.catalog, report.unit, report.semester, report.figures,
                          report.last_year, report.attainments, lang, partial_subject(report))  # fmt: skip


def unwritten(resources, report: HalfReport, lang: str = "zh") -> str | None:
    """What the report leaves out for want of figures, in a sentence for whoever makes it (core.narrative.unwritten)."""
    from desktop.core.narrative import unwritten as gaps

    return gaps(_paragraphs(resources), resources.catalog, report.figures, lang)
