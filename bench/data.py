"""The benchmarks' data, made through the public API from a demo database, and the in-process measures."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from desktop.context import open_context
from desktop.core.semester import Semester
from desktop.core.values import to_storage
from desktop.store import demo

H1 = Semester(2024, 1)
PASSWORD = "bench-password"
COPIES = 10  # 380 districts: the demo's 38, ten times over
HALVES = 20  # ten years


def sign_off(ctx, unit) -> None:
    """The district's half signed off as its approver would (the demo records most as received, unsigned)."""
    from desktop.core.workflow import EDITABLE, Action, Status

    clerk, approver = f"clerk_{unit.code}", f"approver_{unit.code}"
    for name, role in ((clerk, "clerk"), (approver, "approver")):
        if ctx.users.find(name) is None:
            ctx.users.create("admin", name, PASSWORD, role, unit.code)
    if ctx.submissions.status(unit, H1) == Status.ACCEPTED:
        ctx.submissions.act("admin", unit, H1, Action.REOPEN, "bench")
    if ctx.submissions.status(unit, H1) not in EDITABLE:
        ctx.submissions.act("admin", unit, H1, Action.RETURN, "bench")
    notes = {r.codes[0]: "已与监测站核实：本期新增站点" for r in ctx.store.checks(unit, H1) if r.blocking and r.severity == "warning"}
    if notes:
        ctx.store.set_values(clerk, unit, H1, {}, notes)
    ctx.submissions.sign_off(clerk, approver, PASSWORD, unit, H1)


def signed_submissions(folder: Path, demo_db: Path) -> list[Path]:
    """Each district's 2024H1 signed off and saved as its submission workbook, 万州区 first."""
    from desktop.exchange.export import submission_workbook
    from desktop.exchange.save import save_workbook

    ctx = open_context(str(demo_db))
    files = []
    for unit in ctx.units.districts():
        sign_off(ctx, unit)
        files.append(save_workbook(submission_workbook(ctx.store, unit, H1), folder / f"submission-{unit.code}.xlsx"))
    ctx.store.db.dispose()
    return files


def bureau_for(folder: Path, demo_db: Path) -> Path:
    """An empty bureau with a reviewer, trusting each district's key: where the 38 submissions are imported."""
    from desktop.store import keys, users

    districts = open_context(str(demo_db))
    path = folder / "bureau.sqlite3"
    bureau = open_context(str(path))
    with bureau.store.session() as s:
        users.create(s, bureau.units, "admin", "reviewer", "ecoreport", "reviewer")
        s.commit()
    for unit in bureau.units.districts():
        keys.register(bureau.store, "reviewer", unit, keys.own_public_key(districts.store, unit)[0])
    districts.store.db.dispose()
    bureau.store.db.dispose()
    return path


def read_floor(files: list[Path]) -> int:
    """The floor of an in-process import: python-calamine reads every sheet of every file."""
    from python_calamine import CalamineWorkbook

    cells = 0
    for path in files:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            cells += sum(len(r) for r in book.get_sheet_by_name(name).to_python())
    return cells


def read_checked(files: list[Path]) -> int:
    """The reading part of an in-process import: each file checked (the safety scan) and read as the importer does."""
    from desktop.core.loading import load_resources
    from desktop.exchange.reader import read_book
    from desktop.resources import resources_dir

    catalog = load_resources(resources_dir()).catalog
    start = time.perf_counter()
    books = [read_book(path, catalog) for path in files]
    assert not any(b.problems for b in books)
    return time.perf_counter() - start


def import_in_process(folder: Path, bureau: Path, files: list[Path]) -> float:
    """Seconds to import every file into a fresh copy of the bureau, as the GUI's inbox does."""
    from desktop.exchange.importer import REFUSED, import_files

    target = folder / f"bureau-{time.monotonic_ns()}.sqlite3"
    shutil.copyfile(bureau, target)
    ctx = open_context(str(target))
    start = time.perf_counter()
    results = import_files(ctx.store, files, "reviewer")
    elapsed = time.perf_counter() - start
    refused = [r.problems for r in results if r.status == REFUSED]
    assert not refused, refused[:1]
    ctx.store.db.dispose()
    target.unlink()
    return elapsed


def history(folder: Path, demo_db: Path) -> Path:
    """The demo with ten years: each earlier half reports what the same half of 2023 did, and was accepted."""
    from desktop.store.submissions import Submissions

    path = folder / "history.sqlite3"
    shutil.copyfile(demo_db, path)
    ctx = open_context(str(path))
    store, submissions = ctx.store, Submissions(ctx.store)
    for semester in H1.back(HALVES):
        if semester in demo.SEMESTERS:
            continue
        source = store.all_units(Semester(2023, semester.half))
        for unit in store.units:
            values, notes = source.get(unit.code, ({}, {}))
            raw = {c: to_storage(v) for c, v in values.items()}
            if "air.days_valid" in raw:
                raw["air.days_valid"] = str(min(int(raw["air.days_valid"]), semester.days))
            store.set_values("admin", unit, semester, raw, notes, reason="bench")
            if not unit.is_municipality:
                submissions.record_demo("admin", unit, semester, accepted=True)
    store.db.dispose()
    return path


class Checks:
    """39 units × 20 halves: through the store, and the check engine alone on the same data in memory."""

    def __init__(self, path: Path):
        from desktop.core.checks import CheckInput

        self.ctx = open_context(str(path))
        store = self.ctx.store
        self.halves = H1.back(HALVES)
        self.inputs = []
        for semester in self.halves:
            for unit in store.units:
                now, before = store.unit_half(unit, semester), store.unit_half(unit, semester.same_last_year())
                self.inputs.append(CheckInput(unit, semester, now.raw, now.explanations, before.raw,
                                              consolidated=unit.is_municipality,
                                              provisional=now.consolidated is not None and now.consolidated.provisional))  # fmt: skip

    def floor(self) -> int:
        from desktop.core.checks import run_checks

        catalog, targets = self.ctx.catalog, self.ctx.resources.targets
        return sum(len(run_checks(catalog, targets, i)) for i in self.inputs)

    def through_store(self) -> int:
        return sum(len(r) for semester in self.halves for r in self.ctx.store.half_checks(semester).values())


def scaled(folder: Path, demo_db: Path):
    """A bureau of 380 districts: the units come in as an edited set-up package, validated as at start-up, and
    each copy reports what its original did, through Store.set_values, and is accepted."""
    from desktop.store import packages
    from desktop.store.submissions import Submissions

    path = folder / "scaled.sqlite3"
    shutil.copyfile(demo_db, path)
    ctx = open_context(str(path))
    originals = ctx.units.districts()
    content = packages.demo_content()
    extra = []
    for copy in range(1, COPIES):
        for i, unit in enumerate(originals):
            extra.append(f'\n[[unit]]\ncode = "{510000 + copy * 100 + i:06d}"\nname_zh = "{unit.name.zh}{copy}"\n'
                         f'name_en = "{unit.name.en} {copy}"\nkind = "district"\nparent = "500000"\n')  # fmt: skip
    content["units.toml"] += "".join(extra)
    packages.activate(ctx.store, "admin", content, "bench", "bench-380", demo=True)
    ctx.reload_resources()
    store, submissions = ctx.store, Submissions(ctx.store)
    for semester in demo.SEMESTERS:
        data = store.all_units(semester)
        for copy in range(1, COPIES):
            for i, original in enumerate(originals):
                unit = store.units.get(f"{510000 + copy * 100 + i:06d}")
                values, notes = data.get(original.code, ({}, {}))
                store.set_values("admin", unit, semester, {c: to_storage(v) for c, v in values.items()}, notes, reason="bench")
                submissions.record_demo("admin", unit, semester, accepted=True)
    return ctx


def consolidate(ctx) -> None:
    """The city's report and every district's row, as the consolidation workbook needs them."""
    from desktop.exchange.consolidation_book import district_rows
    from desktop.store.reports import half_report

    half_report(ctx.store, ctx.units.municipality, H1)
    district_rows(ctx.store, H1)
