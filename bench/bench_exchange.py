"""Benchmark the Excel exchange against bare library floors measured in the same run.

- export one submission   vs  openpyxl write_only writing the same cells     (goal ≤ 2×)
- import 38 submissions    vs  python-calamine reading the same 38 files      (goal ≤ 3×)
- consolidate 38 districts: the city's figures, and the whole workbook        (goal ≤ 0.5 s)

    python bench/bench_exchange.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from desktop.context import open_context
from desktop.core.semester import Semester
from desktop.exchange.consolidation_book import build_consolidation, district_rows
from desktop.exchange.export import submission_workbook
from desktop.exchange.importer import REFUSED, import_file
from desktop.exchange.reader import read_book
from desktop.exchange.save import save_workbook
from desktop.exchange.submission import build_submission
from desktop.store import demo, keys, users
from desktop.store.reports import half_report

H1 = Semester(2024, 1)


def timed(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_write(rows: list[list], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    for row in rows:
        ws.append(row)
    wb.save(path)


def bare_read(paths: list[Path]) -> int:
    from python_calamine import CalamineWorkbook

    cells = 0
    for path in paths:
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            cells += sum(len(r) for r in book.get_sheet_by_name(name).to_python())
    return cells


def cells_of(path: Path) -> list[list]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return [row for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()]


def sign_off(ctx, unit) -> None:
    """The district's half signed off as its approver would (the demo records most as received, unsigned)."""
    from desktop.core.workflow import EDITABLE, Action, Status

    clerk, approver = f"clerk_{unit.code}", f"approver_{unit.code}"
    for name, role in ((clerk, "clerk"), (approver, "approver")):
        if ctx.users.find(name) is None:
            ctx.users.create("admin", name, "bench-password", role, unit.code)
    if ctx.submissions.status(unit, H1) == Status.ACCEPTED:
        ctx.submissions.act("admin", unit, H1, Action.REOPEN, "bench")
    if ctx.submissions.status(unit, H1) not in EDITABLE:
        ctx.submissions.act("admin", unit, H1, Action.RETURN, "bench")
    notes = {r.codes[0]: "已核实" for r in ctx.store.checks(unit, H1) if r.blocking and r.severity == "warning"}
    if notes:
        ctx.store.set_values(clerk, unit, H1, {}, notes)
    ctx.submissions.sign_off(clerk, approver, "bench-password", unit, H1)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="ecoreport-bench-"))
    ctx = open_context(str(folder / "district.sqlite3"))
    with ctx.store.session() as s:
        users.create(s, ctx.units, "admin", "admin", "bench-password", "admin")
        s.commit()
    demo.fill(ctx.store)
    store, catalog, form = ctx.store, ctx.catalog, ctx.resources.form
    wanzhou = ctx.units.find("500101")

    def export_one():
        save_workbook(submission_workbook(store, wanzhou, H1), folder / "one.xlsx")

    export_time = timed(export_one)
    report = half_report(store, wanzhou, H1)
    workbook_time = timed(lambda: save_workbook(build_submission(report, catalog, form), folder / "one.xlsx"))
    rows = cells_of(folder / "one.xlsx")
    floor_write = timed(lambda: bare_write(rows, folder / "bare.xlsx"))

    files = []
    for unit in ctx.units.districts():
        sign_off(ctx, unit)
        path = folder / f"sub-{unit.code}.xlsx"
        save_workbook(submission_workbook(store, unit, H1), path)
        files.append(path)
    floor_read = timed(lambda: bare_read(files), runs=3)
    read_time = timed(lambda: [read_book(f, catalog) for f in files], runs=3)
    import_times = []
    for run in range(3):
        bureau = open_context(str(folder / f"bureau{run}.sqlite3"))
        with bureau.store.session() as s:
            users.create(s, bureau.units, "admin", "reviewer", "bench-password", "reviewer")
            s.commit()
        for unit in bureau.units.districts():  # the bureau trusts each district's key
            keys.register(bureau.store, "reviewer", unit, keys.own_public_key(store, unit)[0])
        start = time.perf_counter()
        results = [import_file(bureau.store, f, "reviewer") for f in files]
        import_times.append(time.perf_counter() - start)
        assert not [r for r in results if r.status == REFUSED], [r.problems for r in results if r.status == REFUSED][:1]
        bureau.store.db.dispose()
    import_time = statistics.median(import_times)

    city = ctx.units.municipality
    figures_time = timed(lambda: (half_report(store, city, H1), district_rows(store, H1)))
    book_time = timed(lambda: save_workbook(build_consolidation(half_report(store, city, H1), district_rows(store, H1), catalog),
                                            folder / "city.xlsx"), runs=3)  # fmt: skip

    print(f"export one submission:       {export_time * 1000:7.1f} ms   floor (write_only, same {len(rows)} rows) "
          f"{floor_write * 1000:6.1f} ms   ratio {export_time / floor_write:4.2f}× (goal ≤ 2×)")
    print(f"  of which the workbook:     {workbook_time * 1000:7.1f} ms   ratio {workbook_time / floor_write:4.2f}× "
          f"(the rest is reading the unit-half from the database)")
    print(f"read+validate 38 files:      {read_time * 1000:7.1f} ms   ratio {read_time / floor_read:4.2f}× the bare read (safety scan, "
          f"SHA-256, parse every value)")
    print(f"import 38 submissions:       {import_time * 1000:7.1f} ms   floor (calamine read of the same files) "
          f"{floor_read * 1000:6.1f} ms   ratio {import_time / floor_read:4.2f}× (goal ≤ 3×)")
    print(f"consolidate 38 districts:    {figures_time * 1000:7.1f} ms   (the city's figures and the district rows; goal ≤ 500 ms)")
    print(f"consolidation workbook:      {book_time * 1000:7.1f} ms   (figures plus writing every sheet)")
    store.db.dispose()


if __name__ == "__main__":
    main()
