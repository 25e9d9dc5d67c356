"""Workbooks made the way the app makes them, for tests to fill in or break."""

from __future__ import annotations

from pathlib import Path

from desktop.core.derived import compute
from desktop.core.semester import Semester
from desktop.exchange.export import submission_workbook
from desktop.exchange.save import save_workbook
from desktop.exchange.template import build_template


def make_template(ctx, unit_code: str, semester: Semester, path: Path, lang: str = "zh") -> Path:
    store, catalog = ctx.store, ctx.catalog
    unit = ctx.units.find(unit_code)
    from desktop.exchange.template import reading_of

    half = store.unit_half(unit, semester)
    wb = build_template(catalog, unit, semester, compute(catalog, half.raw, semester), store.figures(unit, semester.previous()),
                        store.figures(unit, semester.same_last_year()), half.explanations, lang, reading_of(store, unit, semester))  # fmt: skip
    return save_workbook(wb, path)


def make_submission(ctx, unit_code: str, semester: Semester, path: Path, lang: str = "zh") -> Path:
    return save_workbook(submission_workbook(ctx.store, ctx.units.find(unit_code), semester, lang), path)


def fill(path: Path, out: Path, values: dict[str, object], notes: dict[str, object] | None = None) -> Path:
    """Types values into a template with openpyxl, as a person in Excel would, and saves it."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row in ws.iter_rows(min_row=5):
        code = row[0].value
        if code in values:
            row[4].value = values[code]
        if notes and code in notes:
            row[7].value = notes[code]
    wb.save(out)
    return out


def with_saved_results(path: Path, out: Path, results: dict[str, str]) -> Path:
    """Gives formulas the saved results Excel would have written (openpyxl writes none): {formula: result}."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name in [n for n in parts if n.startswith("xl/worksheets/")]:
        for formula, result in results.items():
            for empty in ("<v />", "<v></v>", "<v/>"):  # as openpyxl writes it with or without lxml
                parts[name] = parts[name].replace(f"<f>{formula}</f>{empty}".encode(), f"<f>{formula}</f><v>{result}</v>".encode())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out
