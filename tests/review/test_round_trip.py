"""District → bureau → district → bureau, with two databases and files only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest

from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.exchange.export import submission_workbook
from desktop.exchange.importer import IMPORTED, REFUSED, UNCHANGED, import_file
from desktop.exchange.review_book import build_review
from desktop.exchange.save import save_workbook
from desktop.store.review import Review

H1 = Semester(2024, 1)


@pytest.fixture
def two(demo_db, tmp_path, resources):
    from desktop.context import open_context

    paths = []
    for name in ("district", "bureau"):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copy(demo_db, path)
        paths.append(path)
    district, bureau = (open_context(str(p), resources=resources) for p in paths)
    trust(district, bureau)
    yield district, bureau
    district.store.db.dispose()
    bureau.store.db.dispose()


def trust(district, bureau, unit_code="500101"):
    """The bureau registers the district's public key, as it would from the key file."""
    from desktop.store import keys

    unit = bureau.units.find(unit_code)
    public, _ = keys.create_for(district.store, unit, "wanzhou_approver", "ecoreport")  # an approver makes the key
    keys.register(bureau.store, "reviewer", unit, public)


def export_submission(ctx, unit, path):
    return save_workbook(submission_workbook(ctx.store, unit, H1), path)


def send_version_1(district, bureau, unit, tmp_path) -> None:
    """The district explains its warning and signs off version 1; the bureau takes it in."""
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    import_file(bureau.store, export_submission(district, unit, tmp_path / "s1.xlsx"), "reviewer")


def export_review(ctx, unit, path, reviewer="reviewer"):
    review = Review(ctx.store)
    status, reason = review.decision(unit, H1)
    version = ctx.store.statuses(H1)[unit.code].version
    return save_workbook(build_review(ctx.catalog, unit, H1, version, status, reason, reviewer, review.threads(unit, H1)), path)


def test_the_whole_loop_by_file(two, tmp_path):
    district, bureau = two
    unit = district.units.find("500101")
    # District: explain the warning, sign off with the approver, export version 1.
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    assert district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1) == 1
    s1 = export_submission(district, unit, tmp_path / "s1.xlsx")
    # Bureau: receive, query a value, return with a reason.
    received = import_file(bureau.store, s1, "reviewer")
    assert received.status == IMPORTED, [p.text.zh for p in received.problems]
    review = Review(bureau.store)
    assert [r.status for r in review.inbox(H1) if r.unit.code == "500101"] == ["submitted"]
    uid = review.open_query("reviewer", unit, H1, "air.pm25", "PM2.5较上年下降8.4，请核实")
    assert bureau.store.status(unit, H1) == "in_review"
    with pytest.raises(UserError):
        review.accept("reviewer", unit, H1)  # an open query blocks acceptance
    review.return_half("reviewer", unit, H1, "请核实PM2.5")
    r1 = export_review(bureau, unit, tmp_path / "r1.xlsx")
    # District: import the review, answer, correct, resubmit as version 2.
    assert import_file(district.store, r1, "wanzhou").status == IMPORTED
    assert district.store.status(unit, H1) == "returned"
    assert import_file(district.store, r1, "wanzhou").status == UNCHANGED  # idempotent
    threads = Review(district.store).threads(unit, H1)
    assert [(t.uid, t.code, t.open) for t in threads] == [(uid, "air.pm25", True)]
    Review(district.store).reply("wanzhou", uid, "已核实，更正为37.0")
    district.store.set_values("wanzhou", unit, H1, {"air.pm25": "37.0"})
    assert district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1) == 2
    s2 = export_submission(district, unit, tmp_path / "s2.xlsx")
    # Bureau: version 2 carries the answer; the diff shows exactly what changed.
    assert import_file(bureau.store, s2, "reviewer").status == IMPORTED
    assert bureau.store.statuses(H1)["500101"].version == 2
    assert review.previous_values(unit, H1)["air.pm25"] == "38.1"
    assert bureau.store.unit_half(unit, H1).raw["air.pm25"] == Decimal("37.0")
    thread = review.threads(unit, H1)[0]
    assert [m.side for m in thread.messages] == ["bureau", "district"] and "37.0" in thread.messages[1].text
    review.resolve("reviewer", uid)
    review.accept("reviewer", unit, H1)
    assert bureau.store.status(unit, H1) == "accepted"
    # The acceptance travels back too.
    assert import_file(district.store, export_review(bureau, unit, tmp_path / "r2.xlsx"), "wanzhou").status == IMPORTED
    assert district.store.status(unit, H1) == "accepted"
    # The first round's file again: out of date, and said so (not "an accepted half cannot be returned").
    stale = import_file(district.store, r1, "wanzhou")
    assert stale.status == REFUSED and "这是对第1版的审核意见，本单位此后已报送第2版" in stale.problems[0].text.zh
    assert district.store.status(unit, H1) == "accepted"
    actions = {e.action for e in bureau.store.audit_entries(unit)}
    assert {"query.open", "query.resolve", "import.submission", "status.receive", "status.start_review", "status.return",
            "status.accept"} <= actions
    # Each side's log holds the other's acts its files brought: under their authors, with who brought them in.
    received = [e for e in bureau.store.audit_entries(unit) if e.action == "status.receive"]
    assert "第2版，填报人 万州区填报员（wanzhou），审核人 万州区审核人（wanzhou_approver）签发" in received[-1].reason
    answered = [(e.user, e.new, e.imported_by) for e in bureau.store.audit_entries(unit) if e.action == "query.reply"]
    assert answered == [("wanzhou", "已核实，更正为37.0", "reviewer")]
    asked = [(e.user, e.new, e.imported_by) for e in district.store.audit_entries(unit) if e.action == "query.open"]
    assert asked == [("reviewer", "PM2.5较上年下降8.4，请核实", "wanzhou")]
    closed = [(e.user, e.imported_by) for e in district.store.audit_entries(unit) if e.action == "query.resolve"]
    assert closed == [("reviewer", "wanzhou")]
    for ctx in (district, bureau):
        assert ctx.audit.verify()[1] is None  # and the chain holds


def test_an_answer_given_under_review_reaches_the_bureau_with_the_same_version_exported_again(two, tmp_path):
    """No return needed: the district answers the half under review and sends version 1 again; the bureau takes the
    answer, and its log names the file that brought it."""
    district, bureau = two
    unit = district.units.find("500101")
    send_version_1(district, bureau, unit, tmp_path)
    uid = Review(bureau.store).open_query("reviewer", unit, H1, "air.pm25", "请核实")
    assert import_file(district.store, export_review(bureau, unit, tmp_path / "r1.xlsx"), "wanzhou").status == IMPORTED
    Review(district.store).reply("wanzhou", uid, "已核实，数据无误")
    again = import_file(bureau.store, export_submission(district, unit, tmp_path / "s1-again.xlsx"), "reviewer")
    assert again.status == IMPORTED and bureau.store.status(unit, H1) == "in_review"
    assert [m.text for m in Review(bureau.store).threads(unit, H1)[0].messages] == ["请核实", "已核实，数据无误"]
    brought = [e for e in bureau.store.audit_entries(unit) if e.action == "import.submission"]
    assert brought[-1].new == "s1-again.xlsx" and brought[-1].reason.startswith("sha256:")


def test_the_district_records_the_bureaus_decision_with_its_comment_and_when_it_was_taken(two, tmp_path):
    """An acceptance's comment never left the bureau, and the district's log dated the bureau's steps by the import."""
    district, bureau = two
    unit = district.units.find("500101")
    send_version_1(district, bureau, unit, tmp_path)
    review = Review(bureau.store)
    review.resolve("reviewer", review.open_query("reviewer", unit, H1, "air.pm25", "请核实"))  # closed, then accepted
    bureau.submissions.accept("reviewer", unit, H1, "数据齐全，予以通过")
    made = subprocess.run([sys.executable, "-m", "desktop", "--db", str(bureau.store.db.path), "review", "export", "500101", "2024H1",
                           "-o", str(tmp_path / "r.xlsx"), "--user", "reviewer"], capture_output=True, text=True,
                          env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    assert made.returncode == 0, made.stderr
    at_bureau = next(e for e in reversed(bureau.store.audit_entries(unit)) if e.action == "status.accept")
    assert import_file(district.store, tmp_path / "r.xlsx", "wanzhou").status == IMPORTED
    at_district = next(e for e in reversed(district.store.audit_entries(unit)) if e.action == "status.accept")
    assert (at_district.reason, at_district.user, at_district.imported_by) == ("数据齐全，予以通过", "reviewer", "wanzhou")
    assert at_district.at.replace(tzinfo=None) == at_bureau.at.replace(tzinfo=None)  # the bureau's time, not the import's
    assert district.submissions.decision(unit, H1) == ("accepted", "数据齐全，予以通过")  # the district's banner shows it
    steps = [e.action for e in district.store.audit_entries(unit) if e.imported_by == "wanzhou" and e.action.startswith(("query.", "status."))]
    assert steps.index("query.resolve") < steps.index("status.accept")  # in the order the bureau took them
    # A decision dated before the version it decides on was signed is not believed: the import's time is kept.
    from datetime import UTC, datetime

    from desktop.store.service import FileSource

    Review(bureau.store).reopen("reviewer", unit, H1, "复核")
    before = datetime.now(UTC)
    district.submissions.apply_review("wanzhou", unit, H1, "reopened", "复核", [], FileSource("r2.xlsx", "0" * 64, "review"),
                                      "reviewer", 1, datetime(2000, 1, 1, tzinfo=UTC))  # fmt: skip
    reopened = next(e for e in reversed(district.store.audit_entries(unit)) if e.action == "status.reopen")
    assert reopened.at.replace(tzinfo=UTC) >= before.replace(microsecond=0)  # not 2000-01-01


def test_query_states_open_answered_closed_reopened_each_step_named_and_carried_by_file(two, tmp_path):
    district, bureau = two
    unit = district.units.find("500101")
    send_version_1(district, bureau, unit, tmp_path)
    review = Review(bureau.store)
    uid = review.open_query("reviewer", unit, H1, "air.pm25", "请核实")
    assert review.threads(unit, H1)[0].state == "open"
    review.return_half("reviewer", unit, H1, "请核实PM2.5")
    import_file(district.store, export_review(bureau, unit, tmp_path / "r1.xlsx"), "wanzhou")
    Review(district.store).reply("wanzhou", uid, "已核实")
    assert Review(district.store).threads(unit, H1)[0].state == "answered"
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    import_file(bureau.store, export_submission(district, unit, tmp_path / "s2.xlsx"), "reviewer")
    assert review.threads(unit, H1)[0].state == "answered"
    review.resolve("reviewer", uid)
    assert review.threads(unit, H1)[0].state == "closed" and not review.threads(unit, H1)[0].open
    with pytest.raises(UserError, match="Say why"):
        review.reopen_query("reviewer", uid, " ")
    review.reopen_query("reviewer", uid[:8], "答复未附监测报告")
    thread = review.threads(unit, H1)[0]
    assert thread.state == "reopened" and thread.open
    steps = [(m.kind, m.author, m.text) for m in thread.messages]
    assert steps == [("message", "reviewer", "请核实"), ("message", "wanzhou", "已核实"), ("close", "reviewer", ""),
                     ("reopen", "reviewer", "答复未附监测报告")]  # fmt: skip
    assert all(m.at.tzinfo is not None for m in thread.messages)
    reopened = [e for e in bureau.store.audit_entries(unit) if e.action == "query.reopen"]
    assert [(e.user, e.reason) for e in reopened] == [("reviewer", "答复未附监测报告")]
    with pytest.raises(UserError):
        Review(district.store).reopen_query("wanzhou", uid, "x")  # the bureau's step
    # The district sees it open again, with the step and who took it, as soon as it imports the review file.
    assert import_file(district.store, export_review(bureau, unit, tmp_path / "r2.xlsx"), "wanzhou").status == IMPORTED
    there = Review(district.store).threads(unit, H1)[0]
    assert there.state == "reopened" and [(m.kind, m.author) for m in there.messages][-2:] == [("close", "reviewer"),
                                                                                               ("reopen", "reviewer")]  # fmt: skip
    # Closed again: the newest step decides, on both sides.
    review.resolve("reviewer", uid)
    import_file(district.store, export_review(bureau, unit, tmp_path / "r3.xlsx"), "wanzhou")
    assert Review(district.store).threads(unit, H1)[0].state == "closed"
    assert [r.state for r in review.unresolved(H1)] == []


def test_people_in_queries_and_the_review_go_by_full_name_on_both_sides(two, tmp_path):
    """Each database knows only its own users: the name a message was written under travels with it."""
    from python_calamine import CalamineWorkbook

    district, bureau = two
    unit = district.units.find("500101")
    send_version_1(district, bureau, unit, tmp_path)
    review = Review(bureau.store)
    review.open_query("reviewer", unit, H1, "air.pm25", "请核实")
    review.return_half("reviewer", unit, H1, "请核实PM2.5")
    status, reason = review.decision(unit, H1)
    book = save_workbook(build_review(bureau.catalog, unit, H1, 1, status, reason, "reviewer", review.threads(unit, H1),
                                      reviewer_name="市局审核员"), tmp_path / "r1.xlsx")  # fmt: skip
    cells = CalamineWorkbook.from_path(str(book))
    assert ["审核人", "市局审核员"] in cells.get_sheet_by_name("审核意见").to_python()
    sheet = cells.get_sheet_by_name("问题与答复").to_python()
    assert sheet[1][6:8] == ["市局审核员", "市局审核员"] and sheet[1][12:14] == ["reviewer", "reviewer"]
    assert sheet[1][4] == "待答复"  # the query's state in the words of every screen, not 未解决

    taken = import_file(district.store, book, "wanzhou")
    assert "市局审核意见：已退回（市局审核员）" in taken.notes[0].zh
    (thread,) = Review(district.store).threads(unit, H1)
    assert (thread.opener, thread.messages[0].who, thread.messages[0].author) == ("市局审核员", "市局审核员", "reviewer")
    Review(district.store).reply("wanzhou", thread.uid, "已核实")
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    import_file(bureau.store, export_submission(district, unit, tmp_path / "s2.xlsx"), "reviewer")
    (row,) = review.unresolved(H1)
    assert (row.opener, row.last_who, row.last_author) == ("市局审核员", "万州区填报员", "wanzhou")


def test_query_times_print_in_local_time_and_arrive_as_the_same_instant(two, tmp_path, monkeypatch):
    """Chongqing reads 13:33 where the database keeps 05:33 UTC; the district's copy is the same moment, not 8 h off."""
    import time

    import openpyxl
    from python_calamine import CalamineWorkbook

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        district, bureau = two
        unit = district.units.find("500101")
        send_version_1(district, bureau, unit, tmp_path)
        review = Review(bureau.store)
        long = "请核实PM2.5浓度下降的原因，" * 12
        review.open_query("reviewer", unit, H1, "air.pm25", long)
        review.return_half("reviewer", unit, H1, "请核实")
        book = export_review(bureau, unit, tmp_path / "r1.xlsx")
        (said,) = review.threads(unit, H1)[0].messages
        row = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("问题与答复").to_python()[1]
        assert row[9] == said.at.astimezone().isoformat(sep=" ", timespec="seconds") and row[9].endswith("+08:00")
        assert openpyxl.load_workbook(book)["问题与答复"].row_dimensions[2].height > 40  # the long text's lines fit
        import_file(district.store, book, "wanzhou")
        (there,) = Review(district.store).threads(unit, H1)[0].messages
        assert there.at == said.at.replace(microsecond=0)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_message_kept_from_before_names_shows_its_user_name(two):
    from sqlmodel import select

    from desktop.store.models import QueryMessage

    district, bureau = two
    unit = bureau.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    review = Review(district.store)
    uid = review.open_query("reviewer", unit, H1, "air.pm25", "请核实")
    with district.store.session() as s:  # as revision 0010 leaves a message written before it
        for m in s.exec(select(QueryMessage)):
            m.author_name = None
            s.add(m)
        s.commit()
    (thread,) = review.threads(unit, H1)
    assert thread.uid == uid and (thread.opener, thread.messages[0].who) == ("reviewer", "reviewer")


def test_a_query_sheet_of_eleven_columns_still_reads():
    """Files from before closing and reopening were steps: every row is a message."""
    from desktop.exchange.queries_sheet import read_queries

    head = ["问题编号", "消息编号", "指标代码", "指标", "状态", "提出版本", "提出人", "发言人", "单位", "时间", "内容"]
    row = ["a" * 32, "b" * 32, "air.pm25", "PM2.5平均浓度", "已解决", 1, "reviewer", "reviewer", "市局", "2024-07-21T09:00:00", "请核实"]
    (thread,) = read_queries([head, row], "500101", "2024H1")
    assert thread["status"] == "resolved" and thread["messages"][0]["kind"] == "message"
    for word, status in (("已关闭", "resolved"), ("待答复", "open"), ("已答复", "open"), ("重新打开", "open"), ("未解决", "open"),
                         ("closed", "resolved"), ("answered", "open")):  # fmt: skip
        assert read_queries([head, [*row[:4], word, *row[5:]]], "500101", "2024H1")[0]["status"] == status, word


def test_an_older_version_is_refused_and_reviews_go_to_their_unit(two, tmp_path):
    district, bureau = two
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    s1 = export_submission(district, unit, tmp_path / "s1.xlsx")
    import_file(bureau.store, s1, "reviewer")
    Review(bureau.store).return_half("reviewer", unit, H1, "请补充说明")
    r1 = export_review(bureau, unit, tmp_path / "r1.xlsx")
    result = import_file(district.store, r1, "yuzhong")
    assert result.status == REFUSED and "不属于该单位" in result.problems[0].text.zh
    with pytest.raises(UserError):
        Review(district.store).return_half("wanzhou", unit, H1, "x")  # a district cannot review


def test_inbox_counts_overdue_and_queries(two):
    from datetime import date

    _, bureau = two
    rows = {r.unit.code: r for r in Review(bureau.store).inbox(H1, today=date(2024, 7, 25))}
    assert len(rows) == 38
    assert rows["500101"].status == "draft" and rows["500101"].days_overdue == 5  # deadline 2024-07-20
    assert rows["500104"].status == "accepted"
    # Returned, a submission received on time is owed again: late, as one never sent, until it comes back.
    unit = bureau.units.find("500109")  # 北碚区: received on 2024-07-08
    Review(bureau.store).return_half("reviewer", unit, H1, "请补充")
    after = {r.unit.code: r for r in Review(bureau.store).inbox(H1, today=date(2024, 7, 25))}
    assert after["500109"].status == "returned" and after["500109"].days_overdue == 5
    assert after["500104"].days_overdue == 0  # accepted on time: stays so


def test_the_received_time_is_when_the_file_arrived_and_no_later_step_moves_it(two, tmp_path):
    """Querying, reviewing, accepting: the inbox's 接收时间 (and so 逾期) stays the file's arrival."""
    district, bureau = two
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    assert import_file(bureau.store, export_submission(district, unit, tmp_path / "s.xlsx"), "reviewer").status == IMPORTED
    review = Review(bureau.store)
    received = lambda code: next(r for r in review.inbox(H1) if r.unit.code == code).received_at  # noqa: E731
    arrived = received("500101")
    assert arrived is not None and arrived.tzinfo is not None
    with bureau.store.session() as s:  # kept as its own column, not only the signing time shown instead
        kept = bureau.store._submission(s, "500101", H1).received_at
    assert kept is not None and abs((kept.replace(tzinfo=arrived.tzinfo) - arrived).total_seconds()) < 1
    thread = review.open_query("reviewer", unit, H1, "enf.penalties", "请说明")
    review.resolve("reviewer", thread)
    review.accept("reviewer", unit, H1, "同意")
    assert received("500101") == arrived
    demo = next(r for r in review.inbox(H1) if r.status == "submitted")  # the demo's history: received, not touched
    before = demo.received_at
    review.open_query("reviewer", demo.unit, H1, "enf.penalties", "请说明")
    assert received(demo.unit.code) == before and before.date() < arrived.date()


def test_review_on_the_command_line(two, tmp_path):
    district, bureau = two
    db = str(bureau.store.db.url).removeprefix("sqlite:///")
    run = lambda *a: subprocess.run([sys.executable, "-m", "desktop", "--db", db, *a, *([] if "--user" in a else ["--user", "reviewer"])],  # noqa: E731
                                    capture_output=True, text=True, env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    asked = run("review", "query", "500112", "2024H1", "enf.penalties", "请说明", "--user", "reviewer")
    uid = asked.stdout.strip()
    assert len(uid) == 32 and f"编号 {uid}" in asked.stderr  # the id alone for scripts, a sentence for people
    shown = json.loads(run("review", "show", "500112", "2024H1", "--json").stdout)
    assert shown["status"] == "in_review" and shown["queries"][0]["uid"] == uid
    # The first eight characters are enough, as people copy or read them; fewer, or an unknown id, are refused.
    assert run("review", "reply", uid[:8], "补充：请附监测报告").returncode == 0
    assert "找不到编号为" in run("review", "reply", uid[:5], "x").stderr
    assert "找不到编号为" in run("review", "reply", "0" * 8 if not uid.startswith("0" * 8) else "f" * 8, "x").stderr
    returned = run("review", "return", "500112", "2024H1", "--reason", "请补充", "--user", "reviewer")
    assert returned.returncode == 0 and "已退回" in returned.stdout and "review export" in returned.stdout
    assert run("review", "export", "500112", "2024H1", "-o", str(tmp_path / "r.xlsx"), "--user", "reviewer").returncode == 0
    inbox = json.loads(run("inbox", "2024H1", "--json").stdout)
    assert next(r for r in inbox if r["unit"] == "500112")["status"] == "returned"
    # The list across districts, and the reopening of a closed query.
    listed = json.loads(run("review", "queries", "2024H1", "--json").stdout)
    assert [(q["uid"], q["state"]) for q in listed] == [(uid, "open")]  # the bureau spoke last
    assert run("review", "resolve", uid[:8]).returncode == 0
    assert "此前已关闭，未作修改" in run("review", "resolve", uid[:8]).stdout  # twice: said, and nothing written
    assert json.loads(run("review", "queries", "2024H1", "--json").stdout) == []
    assert [(q["uid"], q["state"]) for q in json.loads(run("review", "queries", "2024H1", "--json", "--closed").stdout)] == \
        [(uid, "closed")]  # looked up again on request  # fmt: skip
    refused = run("review", "reopen-query", uid[:8], "--reason", "请附监测报告", "--user", "wanzhou")
    assert refused.returncode != 0 and refused.stderr  # the bureau's step, said so
    assert run("review", "reopen-query", uid[:8], "--reason", "请附监测报告").returncode == 0
    assert [q["state"] for q in json.loads(run("review", "queries", "2024H1", "--json").stdout)] == ["reopened"]
    assert run("review", "queries", "2024H1", "-o", str(tmp_path / "q.xlsx")).returncode == 0 and (tmp_path / "q.xlsx").exists()
    # Completeness and the 催报 notice.
    remind = json.loads(run("review", "remind", "2024H1", "--json", "-o", str(tmp_path / "催报.xlsx")).stdout)
    assert remind["total"] == 38 == remind["on_time"] + remind["late"] + remind["missing"] + remind["returned"]
    assert remind["returned"] >= 1 and remind["missing"] == len(remind["to_remind"]) - remind["returned"]
    assert "500112" in [r["unit"] for r in remind["to_remind"]] and (tmp_path / "催报.xlsx").exists()


def test_each_side_holds_the_others_signed_head_and_checks_its_own_at_every_exchange(two, tmp_path):
    """The bureau keeps the head each submission carries and sends it back in its review files: a district whose
    audit log was cut since is told so when it imports the review (and the file is taken all the same)."""
    import sqlite3

    from desktop.store import heads

    district, bureau = two
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    sent_head = district.audit.newest_head()
    received = import_file(bureau.store, export_submission(district, unit, tmp_path / "s1.xlsx"), "reviewer")
    assert received.status == IMPORTED and not received.notes
    assert heads.held(bureau.store, "500101") == [sent_head]  # the bureau's independent copy
    # Behind the application's back, the district's newest entries (the sign-off) go, their signed heads too.
    district.store.db.dispose()
    db = sqlite3.connect(district.store.db.path)
    for trigger in ("audit_no_delete", "audit_anchor_no_delete"):
        db.execute(f"DROP TRIGGER {trigger}")
    cut = sent_head["last_id"] - 2
    db.execute(f"DELETE FROM audit WHERE id >= {cut}")
    db.execute(f"DELETE FROM audit_anchor WHERE last_id >= {cut}")
    db.commit()
    db.close()
    district.store.db.witness.forget()  # as on another computer: only the bureau's copy is left
    Review(bureau.store).return_half("reviewer", unit, H1, "请核实")
    path = tmp_path / "r1.xlsx"
    run = subprocess.run([sys.executable, "-m", "desktop", "--db", str(bureau.store.db.path), "review", "export", "500101", "2024H1",
                          "-o", str(path), "--user", "reviewer"], capture_output=True, text=True,
                         env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    assert run.returncode == 0, run.stderr
    result = import_file(district.store, path, "wanzhou")
    assert result.status == IMPORTED
    said = [n("zh") for n in result.notes]
    assert any("本机审计日志与市局保存的签名头不符" in s and f"第{cut}–{sent_head['last_id']}条" in s for s in said), said


def test_audit_verify_against_the_other_sides_file_checks_the_heads_it_kept_of_this_log(two, tmp_path):
    """A review file carries the bureau's own head, which is no head of the district's log: checked against it, an
    intact log was called cut short. The heads the bureau kept of the district's log are what the file can show."""
    import sqlite3

    district, bureau = two
    unit = district.units.find("500101")
    send_version_1(district, bureau, unit, tmp_path)
    review, sent = tmp_path / "r1.xlsx", tmp_path / "s1.xlsx"
    made = subprocess.run([sys.executable, "-m", "desktop", "--db", str(bureau.store.db.path), "review", "export", "500101", "2024H1",
                           "-o", str(review), "--user", "reviewer"], capture_output=True, text=True,
                          env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # as the bureau sends it  # fmt: skip
    assert made.returncode == 0, made.stderr

    def verify(ctx, path):
        done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(ctx.store.db.path), "audit", "verify", "--against",
                               str(path), "--user", "admin", "--json"], capture_output=True, text=True,
                              env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
        return done.returncode, json.loads(done.stdout), done.stderr

    code, report, said = verify(district, review)
    assert code == 0 and report["intact"] and report["files"][0]["status"] == "held heads checked", (report, said)
    assert "按其中保存的本机签名头（1个）核对" in said
    code, report, said = verify(bureau, sent)  # the district held none of the bureau's heads yet: nothing to check
    assert code == 0 and report["files"][0]["status"] == "another installation's" and "不能用来核对本机的日志" in said
    # The district's newest entries cut behind the application's back: the bureau's file still shows it.
    district.store.db.dispose()
    db = sqlite3.connect(district.store.db.path)
    for trigger in ("audit_no_delete", "audit_anchor_no_delete"):
        db.execute(f"DROP TRIGGER {trigger}")
    last = db.execute("SELECT max(id) FROM audit").fetchone()[0]
    db.execute(f"DELETE FROM audit WHERE id >= {last - 1}")
    db.execute(f"DELETE FROM audit_anchor WHERE last_id >= {last - 1}")
    db.commit()
    db.close()
    district.store.db.witness.forget()
    code, report, _ = verify(district, review)
    assert code == 1 and (report["problem"], report["found_by"]) == ("missing", "a file")


def test_whose_log_a_files_heads_are_goes_by_the_unit_the_installation_serves():
    from desktop.exchange.heads import Carried

    mine, theirs = {"public_key": "K-district", "last_id": 9}, {"public_key": "K-bureau", "last_id": 4}
    review = Carried(theirs, "review", "500101", [mine])
    submission = Carried(mine, "submission", "500101", [theirs])
    assert review.of_this_log("500101", "500000", set()) == ([mine], False)  # at 万州区: what the bureau kept of it
    assert review.of_this_log("500102", "500000", set()) == ([], False)  # not addressed to 涪陵区
    assert review.of_this_log("500000", "500000", set()) == ([theirs], True)  # the bureau's own file
    assert submission.of_this_log("500101", "500000", set()) == ([mine], True)
    assert submission.of_this_log("500000", "500000", set()) == ([theirs], False)
    # Unnamed (the demo, an older database): by the key its own heads were signed with.
    assert review.of_this_log(None, "500000", {"K-district"}) == ([mine], False)
    assert submission.of_this_log(None, "500000", {"K-district"}) == ([mine], True)
    assert Carried(mine).of_this_log("500000", "500000", {"K-district"}) == ([mine], True)  # a backup: by its key


def test_one_database_playing_both_sides_keeps_each_change_once(demo_copy, resources, tmp_path):
    """The demo on one computer: the district's change log, received back into the database that wrote it, is not
    written a second time (an installation of one side only never holds it)."""
    from desktop.context import open_context
    from desktop.store import keys

    ctx = open_context(str(demo_copy), resources=resources)
    try:
        unit = ctx.units.find("500101")
        public, _ = keys.create_for(ctx.store, unit, "wanzhou_approver", "ecoreport")
        keys.register(ctx.store, "reviewer", unit, public)
        ctx.store.set_values("wanzhou", unit, H1, {"enf.penalties": "17"}, {"air.good_ratio": "降水偏多"})
        ctx.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
        edits = lambda: [(e.action, e.code, e.new) for e in ctx.store.audit_entries(unit) if e.action.startswith("value.")]  # noqa: E731
        before = edits()
        assert ("value.set", "enf.penalties", "17") in before
        assert import_file(ctx.store, export_submission(ctx, unit, tmp_path / "s1.xlsx"), "reviewer").status == IMPORTED
        assert edits() == before
        assert ctx.store.status(unit, H1) == "submitted"
    finally:
        ctx.store.db.dispose()


def test_a_version_that_rewrites_only_an_explanation_shows_what_it_rewrote(two, tmp_path):
    """The district's answer may be a better 说明, not another figure: the bureau sees it as a change of the version."""
    from desktop.core.workflow import Action

    district, bureau = two
    unit = district.units.find("500101")
    send_version_1(district, bureau, unit, tmp_path)
    district.submissions.act("wanzhou_approver", unit, H1, Action.WITHDRAW, "补充说明")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多，扬尘减少；已与监测站核实"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    result = import_file(bureau.store, export_submission(district, unit, tmp_path / "s2.xlsx"), "reviewer")
    assert result.status == IMPORTED and Review(bureau.store).previous_version(unit, H1)[1]["air.good_ratio"] == "降水偏多"
    # Still 已报送 (the bureau had not begun): what changed is the version, not a status that stayed the same.
    from desktop.core.display import change_lines

    lines = [(line.what, line.old, line.new) for line in change_lines(bureau.catalog, result.changed, "zh")]
    assert lines[0] == ("版本", "第1版", "第2版") and not any(what == "状态" for what, _, _ in lines)
    db = str(bureau.store.db.url).removeprefix("sqlite:///")
    run = lambda *a: subprocess.run([sys.executable, "-m", "desktop", "--db", db, *a, "--user", "reviewer"], capture_output=True,  # noqa: E731
                                    text=True, env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"), check=True)  # fmt: skip
    shown = json.loads(run("review", "show", "500101", "2024H1", "--json").stdout)
    assert shown["changed"] == {}
    assert shown["explanations_changed"] == {"air.good_ratio": ["降水偏多", "降水偏多，扬尘减少；已与监测站核实"]}
    assert "Δ 说明 优良天数比例 (air.good_ratio): 降水偏多 → 降水偏多，扬尘减少；已与监测站核实" in run("review", "show", "500101", "2024H1").stdout


def test_one_database_playing_both_sides_receives_without_a_status_that_did_not_change(two, tmp_path):
    """The demo: the district's sign-off already reads 已报送 here; receiving it says 已接收, not 已报送 → 已报送."""
    from desktop.core.display import change_lines

    district, _ = two
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    result = import_file(district.store, export_submission(district, unit, tmp_path / "s1.xlsx"), "reviewer")
    lines = [(line.what, line.old, line.new) for line in change_lines(district.catalog, result.changed, "zh")]
    assert result.status == IMPORTED and lines == [("报送件", "", "已接收")]


def test_one_database_playing_both_sides_shows_what_the_next_version_changed(two, tmp_path):
    """The demo's round trip with no file between: the reviewer returns version 1 here, the district corrects and signs
    version 2 here, and the review shows it beside version 1. Received later as a file, it is received once."""
    from desktop.core.display import change_lines

    district, _ = two
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {}, {"air.good_ratio": "降水偏多"})
    district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1)
    review = Review(district.store)
    assert review.previous_version(unit, H1) is None  # one version: nothing to compare with
    review.return_half("reviewer", unit, H1, "请核实PM2.5")
    good = district.store.unit_half(unit, H1).raw["air.days_good"]
    district.store.set_values("wanzhou", unit, H1, {"air.pm25": "37.4", "air.days_good": str(good - 1)},
                              {"air.good_ratio": "降水偏多，扬尘减少"})  # fmt: skip
    assert district.submissions.sign_off("wanzhou", "wanzhou_approver", "ecoreport", unit, H1) == 2
    values, explanations = review.previous_version(unit, H1)
    assert values["air.pm25"] == "38.1" and explanations["air.good_ratio"] == "降水偏多"
    db = str(district.store.db.url).removeprefix("sqlite:///")
    shown = json.loads(subprocess.run([sys.executable, "-m", "desktop", "--db", db, "review", "show", "500101", "2024H1", "--json",
                                       "--user", "reviewer"], capture_output=True, text=True, check=True,
                                      env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport")).stdout)  # fmt: skip
    assert shown["changed"] == {"air.pm25": ["38.1", "37.4"], "air.days_good": [str(good), str(good - 1)]}
    assert shown["explanations_changed"] == {"air.good_ratio": ["降水偏多", "降水偏多，扬尘减少"]}
    # What the changed input moved, as the review screen marks it: the ratio the bureau judges, not only the count.
    assert set(shown["derived_changed"]) == {"air.days_good_total", "air.good_ratio"}
    old_total, new_total = shown["derived_changed"]["air.days_good_total"]
    assert int(old_total) - int(new_total) == 1
    text = subprocess.run([sys.executable, "-m", "desktop", "--db", db, "review", "show", "500101", "2024H1", "--user", "reviewer"],
                          capture_output=True, text=True, check=True, env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport")).stdout  # fmt: skip
    assert f"Δ 优良天数比例 (air.good_ratio)（计算）: {shown['derived_changed']['air.good_ratio'][0]} → " in text
    # Its own sign-off, received as a file: the receipt is recorded once, and the kept version is the file's.
    path = export_submission(district, unit, tmp_path / "s2.xlsx")
    result = import_file(district.store, path, "reviewer")
    lines = [(line.what, line.old, line.new) for line in change_lines(district.catalog, result.changed, "zh")]
    assert result.status == IMPORTED and lines == [("报送件", "", "已接收")]
    assert [(v.version, v.origin, v.received_by) for v in review.versions(unit, H1)] == [(1, "sign-off", "wanzhou_approver"),
                                                                                       (2, "file", "reviewer")]  # fmt: skip
    assert import_file(district.store, path, "reviewer").status == UNCHANGED
    assert review.previous_version(unit, H1)[0]["air.pm25"] == "38.1"


def test_the_demo_keeps_what_the_bureau_received(demo_db):
    """Each received demo half has its version kept, so a second version of it shows what changed."""
    from desktop.context import open_context

    ctx = open_context(str(demo_db))
    review = Review(ctx.store)
    unit = ctx.units.find("500109")  # 北碚区: received, not yet reviewed
    (kept,) = review.versions(unit, H1)
    from desktop.core.values import to_storage

    values = json.loads(kept.snapshot)["values"]
    assert values == {c: to_storage(v) for c, v in ctx.store.unit_half(unit, H1).raw.items()} and kept.origin == "file"
    ctx.store.db.dispose()


def test_the_district_imports_the_review_on_the_command_line(two, tmp_path):
    """`review import`, as the README gives it: said in words, the changes listed on request, exit 0."""
    district, bureau = two
    unit = district.units.find("500101")
    send_version_1(district, bureau, unit, tmp_path)
    Review(bureau.store).return_half("reviewer", unit, H1, "请核实PM2.5")
    path = export_review(bureau, unit, tmp_path / "review.xlsx")
    db = str(district.store.db.url).removeprefix("sqlite:///")
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", db, "review", "import", str(path), "--changes", "--user", "wanzhou"],
                          capture_output=True, text=True, env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "review.xlsx: 已导入" in done.stdout and "状态" in done.stdout and "已退回" in done.stdout
    assert district.store.status(unit, H1) == "returned"
    shown = subprocess.run([sys.executable, "-m", "desktop", "--db", db, "audit", "500101", "--limit", "3", "--user", "wanzhou"],
                           capture_output=True, text=True, env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    assert "reviewer（wanzhou 导入）" in shown.stdout  # the bureau's act, and who brought it in
