"""Importing many files is one transaction: each file whole or not at all, a stop keeps nothing, and the audit
chain comes out whole, with one signed head for the batch (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from conftest import sign_off_any
from sqlalchemy import func, select

from desktop.core.semester import Semester
from desktop.exchange.export import submission_workbook
from desktop.exchange.importer import IMPORTED, REFUSED, ImportStopped, import_files
from desktop.exchange.save import save_workbook
from desktop.store import audit, keys
from desktop.store.models import AuditAnchor, AuditRow, SubmissionRow, ValueRow

H1 = Semester(2024, 1)
CODES = ("500101", "500103", "500104", "500105")


@pytest.fixture(scope="module")
def submissions(demo_db, tmp_path_factory, resources):
    """Four districts' signed submissions, and the keys a bureau registers for them."""
    import shutil

    from desktop.context import open_context

    folder = tmp_path_factory.mktemp("batch")
    shutil.copy(demo_db, folder / "district.sqlite3")
    ctx = open_context(str(folder / "district.sqlite3"), resources=resources)
    files, public = [], {}
    for code in CODES:
        unit = ctx.units.find(code)
        sign_off_any(ctx, unit)
        files.append(save_workbook(submission_workbook(ctx.store, unit, H1), folder / f"{code}.xlsx"))
        public[code] = keys.own_public_key(ctx.store, unit)[0]
    ctx.store.db.dispose()
    return files, public


@pytest.fixture
def bureau(store, submissions):
    for code, key in submissions[1].items():
        keys.register(store, "reviewer", store.units.find(code), key)
    return store


def counts(store) -> tuple:
    with store.session() as s:
        return tuple(s.execute(select(func.count()).select_from(t)).scalar() for t in (AuditRow, AuditAnchor, ValueRow, SubmissionRow))


def test_a_batch_is_written_together_with_one_signed_head(bureau, submissions):
    files, _ = submissions
    rows, anchors, _, _ = counts(bureau)
    results = import_files(bureau, files, "reviewer")
    assert [r.status for r in results] == [IMPORTED] * 4
    after = counts(bureau)
    assert after[0] > rows and after[1] == anchors + 1  # every entry, and one head for the batch
    with bureau.session() as s:
        count, broken = audit.verify(s, bureau.db.witness)
    assert broken is None and count == after[0]
    assert bureau.db.witness.heads()[-1]["count"] == after[0]  # this computer holds the batch's head


def test_a_refused_file_in_the_middle_leaves_no_trace_and_the_others_go_in(bureau, submissions, tmp_path):
    files, _ = submissions
    damaged = tmp_path / "500103.xlsx"
    damaged.write_bytes(files[1].read_bytes()[:4000])
    results = import_files(bureau, [files[0], damaged, files[2]], "reviewer")
    assert [r.status for r in results] == [IMPORTED, REFUSED, IMPORTED]
    statuses = {u: bureau.status(bureau.units.find(u), H1).value for u in CODES[:3]}
    assert statuses == {"500101": "submitted", "500103": "draft", "500104": "submitted"}
    with bureau.session() as s:
        assert audit.verify(s, bureau.db.witness)[1] is None


def test_a_file_refused_after_it_wrote_leaves_no_trace(bureau, submissions, monkeypatch):
    """A file whose import wrote values and then failed: its part is undone, its audit rows with it."""
    from desktop.exchange import importer

    files, _ = submissions
    real = importer._carried_head

    def fail_on_the_second(store, book, unit):
        if unit.code == "500103":
            raise RuntimeError("the disk went away")
        return real(store, book, unit)

    monkeypatch.setattr(importer, "_carried_head", fail_on_the_second)
    before = counts(bureau)
    with pytest.raises(RuntimeError):
        import_files(bureau, files[:3], "reviewer")
    assert counts(bureau) == before  # the first file too: the batch never committed
    with bureau.session() as s:
        assert audit.verify(s, bureau.db.witness)[1] is None


def test_an_importer_disabled_during_the_batch_takes_nothing(bureau, submissions):
    """The batch reads who its importer is once; before it is written it asks again, and an importer whose account
    changed meanwhile (here: disabled between the second and third file) keeps nothing of it."""
    from desktop.core.text import UserError
    from desktop.store.users import Users

    files, _ = submissions
    before = counts(bureau)

    def disable_after_two(done: int, name: str) -> bool:
        if done == 2:
            Users(bureau).set_active("admin", "reviewer", False)
        return True

    with pytest.raises(UserError, match="was changed during the import"):
        import_files(bureau, files, "reviewer", progress=disable_after_two)
    assert counts(bureau) == before


def test_stopping_keeps_nothing(bureau, submissions):
    files, _ = submissions
    before, heads = counts(bureau), bureau.db.witness.heads()
    seen = []

    def stop_at_the_third(done: int, name: str) -> bool:
        seen.append(name)
        return done < 2

    with pytest.raises(ImportStopped):
        import_files(bureau, files, "reviewer", progress=stop_at_the_third)
    assert seen == ["500101.xlsx", "500103.xlsx", "500104.xlsx"]
    assert counts(bureau) == before and bureau.db.witness.heads() == heads
    assert [r.status for r in import_files(bureau, files, "reviewer")] == [IMPORTED] * 4  # and they go in afterwards


def test_other_threads_do_not_join_a_batch(bureau, submissions):
    """The batch belongs to the thread that opened it: a session opened elsewhere meanwhile is its own."""
    import threading

    files, _ = submissions
    seen = {}

    def progress(done: int, name: str) -> bool:
        if done == 1:
            thread = threading.Thread(target=lambda: seen.update(joined=bureau.db.session().info.get("batch", False)))
            thread.start()
            thread.join()
        return True

    import_files(bureau, files[:2], "reviewer", progress=progress)
    assert seen == {"joined": False}


def test_a_file_refused_after_its_values_were_written_is_undone_with_its_log(bureau, submissions, monkeypatch):
    from desktop.core.text import Text, UserError
    from desktop.store.submissions import Submissions

    files, _ = submissions
    real = Submissions.receive

    def refuse_late(self, actor, unit, *args, **kwargs):
        changes = real(self, actor, unit, *args, **kwargs)  # its values and log entries are written by now
        if unit.code == "500103":
            raise UserError(Text("迟到的拒绝", "a late refusal"))
        return changes

    monkeypatch.setattr(Submissions, "receive", refuse_late)
    logged = lambda s, code: s.execute(select(func.count()).select_from(AuditRow).where(AuditRow.unit_code == code)).scalar()  # noqa: E731
    with bureau.session() as s:
        before = logged(s, "500103"), logged(s, "500104")  # the keys registered for them
    assert [r.status for r in import_files(bureau, files[:3], "reviewer")] == [IMPORTED, REFUSED, IMPORTED]
    with bureau.session() as s:
        assert s.execute(select(func.count()).select_from(ValueRow).where(ValueRow.unit_code == "500103")).scalar() == 0
        assert logged(s, "500103") == before[0] and logged(s, "500104") > before[1]
        assert audit.verify(s, bureau.db.witness)[1] is None


def test_a_batch_that_fails_as_it_is_written_leaves_this_computers_record_as_it_was(bureau, submissions, monkeypatch):
    """The computer's copy of the head moves only once the batch is committed: a record ahead of the database
    would later read as a chain cut short."""
    files, _ = submissions
    real = audit.Pending.write

    def write_then_fail(self, session):
        real(self, session)
        session.commit()
        raise OSError("disk full")

    monkeypatch.setattr(audit.Pending, "write", write_then_fail)
    before, heads = counts(bureau), bureau.db.witness.heads()
    with pytest.raises(OSError):
        import_files(bureau, files[:2], "reviewer")
    assert counts(bureau) == before and bureau.db.witness.heads() == heads
    with bureau.session() as s:
        assert audit.verify(s, bureau.db.witness)[1] is None
