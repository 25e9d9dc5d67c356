"""The submission workflow's rules, each one a test that fails when the rule is taken out.

The table (core.workflow) is tested directly; the rules that live in the store and the importer are
tested through them, with a district and a bureau installation that exchange files.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import openpyxl
import pytest
from conftest import accept_all, sign_off

from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.units import Unit
from desktop.core.workflow import (
    Action,
    Actor,
    Status,
    WorkflowRefused,
    available,
    decide,
    may_edit,
    sign_off_refusal,
)
from desktop.exchange.export import submission_workbook
from desktop.exchange.importer import IMPORTED, REFUSED, UNCHANGED, import_file
from desktop.exchange.save import save_workbook
from desktop.store import keys
from desktop.store.review import Review

H1 = Semester(2024, 1)
WANZHOU = Unit("500101", Text("万州区", "Wanzhou"), "district")
CLERK = Actor("wanzhou", "clerk", "500101")
APPROVER = Actor("wanzhou_approver", "approver", "500101")
OTHER_APPROVER = Actor("yuzhong_approver", "approver", "500103")
REVIEWER = Actor("reviewer", "reviewer", None)


# --- the table --------------------------------------------------------------------------------
def test_only_the_bureau_receives_a_submission():
    assert decide(Action.RECEIVE, Status.DRAFT, REVIEWER, WANZHOU).new is Status.SUBMITTED
    for actor in (CLERK, APPROVER):
        with pytest.raises(WorkflowRefused, match="Only a bureau reviewer"):
            decide(Action.RECEIVE, Status.DRAFT, actor, WANZHOU)


def test_an_accepted_half_is_final_until_a_reviewer_reopens_it_with_a_reason():
    for action, actor in ((Action.RECEIVE, REVIEWER), (Action.RETURN, REVIEWER), (Action.WITHDRAW, APPROVER),
                          (Action.SUBMIT, APPROVER)):  # fmt: skip
        with pytest.raises(WorkflowRefused) as refused:
            decide(action, Status.ACCEPTED, actor, WANZHOU, "原因")
        assert "已审核通过" in refused.value.text.zh
    with pytest.raises(WorkflowRefused, match="needs a reason"):
        decide(Action.REOPEN, Status.ACCEPTED, REVIEWER, WANZHOU, "  ")
    with pytest.raises(WorkflowRefused, match="Only a bureau reviewer"):
        decide(Action.REOPEN, Status.ACCEPTED, APPROVER, WANZHOU, "原因")
    step = decide(Action.REOPEN, Status.ACCEPTED, REVIEWER, WANZHOU, "发现断面数有误")
    assert (step.old, step.new) == (Status.ACCEPTED, Status.REOPENED)
    assert {Action.RETURN, Action.ACCEPT} <= available(Status.REOPENED, "reviewer")


def test_a_district_withdraws_only_its_own_half_and_never_an_accepted_one():
    assert decide(Action.WITHDRAW, Status.SUBMITTED, APPROVER, WANZHOU, "发现错误").new is Status.DRAFT
    with pytest.raises(WorkflowRefused, match="does not belong"):
        decide(Action.WITHDRAW, Status.SUBMITTED, OTHER_APPROVER, WANZHOU, "x")
    with pytest.raises(WorkflowRefused, match="Only an approver"):
        decide(Action.WITHDRAW, Status.SUBMITTED, CLERK, WANZHOU, "x")


def test_sign_off_needs_another_approver_of_the_same_unit():
    assert sign_off_refusal(CLERK, APPROVER, WANZHOU) is None
    assert "不能自己审核" in sign_off_refusal(APPROVER, APPROVER, WANZHOU).zh
    assert "另一位审核人" in sign_off_refusal(CLERK, OTHER_APPROVER, WANZHOU).zh
    assert "另一位审核人" in sign_off_refusal(CLERK, Actor("x", "clerk", "500101"), WANZHOU).zh
    assert "另一位审核人" in sign_off_refusal(CLERK, Actor("x", "approver", "500101", active=False), WANZHOU).zh
    with pytest.raises(WorkflowRefused):
        decide(Action.SUBMIT, Status.DRAFT, CLERK, WANZHOU)


def test_who_may_edit_a_half():
    assert may_edit(CLERK, WANZHOU, Status.DRAFT) is None and may_edit(CLERK, WANZHOU, Status.RETURNED) is None
    assert "locked" in may_edit(CLERK, WANZHOU, Status.SUBMITTED).en
    assert "does not belong" in may_edit(Actor("yuzhong", "clerk", "500103"), WANZHOU, Status.DRAFT).en
    assert "reviewer cannot" in may_edit(REVIEWER, WANZHOU, Status.DRAFT).en
    assert "disabled" in may_edit(Actor("wanzhou", "clerk", "500101", active=False), WANZHOU, Status.DRAFT).en


# --- two installations ------------------------------------------------------------------------
@pytest.fixture
def two(installations):
    return installations


def export(ctx, path):
    return save_workbook(submission_workbook(ctx.store, ctx.units.find("500101"), H1), path)


def register(district, bureau):
    unit = bureau.units.find("500101")
    keys.register(bureau.store, "reviewer", unit, keys.own_public_key(district.store, unit)[0])


def problem(result) -> str:
    return result.problems[0].text.zh if result.problems else ""


def test_a_draft_leaves_marked_as_such_and_the_bureau_refuses_it(two, tmp_path):
    district, bureau = two
    path = export(district, tmp_path / "draft.xlsx")
    book = openpyxl.load_workbook(path)
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    assert visible and all("草稿" in ws.title and "草稿" in ws.oddHeader.center.text for ws in visible)
    assert "草稿" in book.worksheets[0]["A1"].value
    before = bureau.store.audit_entries()
    result = import_file(bureau.store, path, "reviewer")
    assert result.status == REFUSED and "这是草稿，不是报送件" in problem(result)
    assert bureau.store.audit_entries() == before
    # Relabelled as a submission by hand, it is still refused: no signature covers it.
    meta = book["_ecoreport"]
    for row in meta.iter_rows():
        if row[0].value == "status":
            row[1].value = "submitted"
        if row[0].value == "version":
            row[1].value = "1"
    book.save(path)
    assert import_file(bureau.store, path, "reviewer").status == REFUSED


def test_versions_newer_wins_one_file_per_version_the_same_file_twice_is_a_no_op(two, tmp_path):
    district, bureau = two
    unit = district.units.find("500101")
    sign_off(district)
    register(district, bureau)
    v1 = export(district, tmp_path / "v1.xlsx")
    assert import_file(bureau.store, v1, "reviewer").status == IMPORTED
    assert import_file(bureau.store, v1, "reviewer").status == UNCHANGED
    # The district withdraws, corrects and signs off version 2.
    district.submissions.withdraw("wanzhou_approver", unit, H1, "PM2.5录入有误")
    district.store.set_values("wanzhou", unit, H1, {"air.pm25": "37.0"})
    assert sign_off(district) == 2
    v2 = export(district, tmp_path / "v2.xlsx")
    assert import_file(bureau.store, v2, "reviewer").status == IMPORTED
    refused = import_file(bureau.store, v1, "reviewer")
    assert refused.status == REFUSED and "已接收过更新的版本（第2版）" in problem(refused)
    # Another installation's version 2 with other content: one version cannot have two files.
    district.store.db.backup(tmp_path / "rival.sqlite3")
    from desktop.context import open_context

    rival = open_context(str(tmp_path / "rival.sqlite3"))
    with rival.store.db.engine.begin() as conn:  # as if v2 had been signed off with a different value
        conn.exec_driver_sql("UPDATE submission SET status = 'draft', version = 1 WHERE unit_code = '500101'")
        conn.exec_driver_sql("DELETE FROM submission_version WHERE unit_code = '500101' AND version = 2")
    rival.store.set_values("wanzhou", unit, H1, {"air.pm25": "36.0"})
    assert sign_off(rival) == 2
    rival_v2 = export(rival, tmp_path / "rival-v2.xlsx")
    rival.store.db.dispose()
    before = bureau.store.audit_entries()
    refused = import_file(bureau.store, rival_v2, "reviewer")
    assert refused.status == REFUSED and "同一版本不能有两份不同的报送" in problem(refused)
    assert bureau.store.audit_entries() == before


def test_the_bureau_log_keeps_who_changed_what_in_the_district(two, tmp_path):
    district, bureau = two
    unit = district.units.find("500101")
    district.store.set_values("wanzhou", unit, H1, {"enf.penalties": "31"}, reason="补录6月处罚")
    sign_off(district)
    register(district, bureau)
    assert import_file(bureau.store, export(district, tmp_path / "v1.xlsx"), "reviewer").status == IMPORTED
    entries = [e for e in bureau.store.audit_entries(unit) if e.action == "value.set" and e.code == "enf.penalties"]
    assert entries[-1].user == "wanzhou" and entries[-1].imported_by == "reviewer"
    assert entries[-1].new == "31" and entries[-1].reason == "补录6月处罚"
    receive = [e for e in bureau.store.audit_entries(unit) if e.action == "status.receive"][-1]
    assert receive.user == "reviewer"
    # Nothing that arrived is credited to the reviewer as its author.
    assert not [e for e in bureau.store.audit_entries(unit) if e.action.startswith("value.") and e.user == "reviewer"]


def test_the_signature_covers_status_version_and_names(two, tmp_path):
    district, bureau = two
    sign_off(district)
    register(district, bureau)
    path = export(district, tmp_path / "v1.xlsx")
    for field, forged in (("signed_by", "boss"), ("version", "7"), ("people", '{"approver": "局长"}')):
        book = openpyxl.load_workbook(path)
        for row in book["_ecoreport"].iter_rows():
            if row[0].value == field:
                row[1].value = forged
        book.save(tmp_path / "forged.xlsx")
        result = import_file(bureau.store, tmp_path / "forged.xlsx", "reviewer")
        assert result.status == REFUSED and "签名无效" in problem(result), field


def test_the_bureau_accepts_reopens_and_the_district_cannot_withdraw_after_acceptance(two, tmp_path):
    district, bureau = two
    unit = district.units.find("500101")
    sign_off(district)
    register(district, bureau)
    import_file(bureau.store, export(district, tmp_path / "v1.xlsx"), "reviewer")
    with pytest.raises(UserError, match="Only a bureau reviewer"):
        district.submissions.accept("wanzhou_approver", unit, H1)
    bureau.submissions.accept("reviewer", unit, H1, "数据齐全")
    with pytest.raises(UserError, match="accepted and final"):
        bureau.submissions.return_half("reviewer", unit, H1, "再看看")
    bureau.submissions.reopen("reviewer", unit, H1, "发现断面数有误")
    assert bureau.submissions.decision(unit, H1) == (Status.REOPENED, "发现断面数有误")
    bureau.submissions.accept("reviewer", unit, H1)
    # The acceptance travels back; the district cannot withdraw an accepted half.
    from desktop.exchange.review_book import build_review

    review = Review(bureau.store)
    book = build_review(bureau.catalog, unit, H1, 1, Status.ACCEPTED, None, "reviewer", review.threads(unit, H1))
    assert book.worksheets[0]["A1"].alignment.horizontal == "center"  # a document's title, as on the other forms
    assert import_file(district.store, save_workbook(book, tmp_path / "r.xlsx"), "wanzhou").status == IMPORTED
    assert district.submissions.status(unit, H1) == Status.ACCEPTED
    entry = [e for e in district.store.audit_entries(unit) if e.action == "status.accept"][-1]
    assert entry.user == "reviewer" and entry.imported_by == "wanzhou"  # the reviewer decided; the clerk imported
    with pytest.raises(UserError, match="accepted and final"):
        district.submissions.withdraw("wanzhou_approver", unit, H1, "想改")


def test_copying_the_database_does_not_let_anyone_sign_as_the_district(two, tmp_path):
    district, _ = two
    sign_off(district)
    path = tmp_path / "district.sqlite3"
    with sqlite3.connect(path) as db:
        private, sealed = db.execute("SELECT private_key, sealed FROM installation_key WHERE unit_code = '500101'").fetchone()
        slots = db.execute("SELECT user_name FROM key_slot").fetchall()
    assert private == "" and sealed and "PRIVATE" not in sealed and slots == [("wanzhou_approver",)]
    unit = district.units.find("500101")
    with district.store.session() as s, pytest.raises(keys.KeyLocked):
        keys.unlock(s, unit, "wanzhou_approver", "guessed-password")
    with district.store.session() as s, pytest.raises(keys.KeyLocked, match="not yet granted"):
        keys.unlock(s, unit, "wanzhou", "ecoreport")  # the clerk holds no slot


def test_received_submissions_count_for_the_city_only_when_asked(two, tmp_path):
    _, bureau = two
    city = bureau.units.municipality
    accepted_only = bureau.store.unit_half(city, H1).consolidated.coverage
    assert accepted_only.accepted == 5 and len(accepted_only.counted) == 5 and not accepted_only.final
    with_received = bureau.store.unit_half(city, H1, "received").consolidated.coverage
    assert len(with_received.counted) == 35 and with_received.excluded == {"500101": "draft", "500102": "draft",
                                                                           "500103": "draft"}  # fmt: skip
    accept_all(bureau.store, H1)
    final = bureau.store.unit_half(city, H1).consolidated.coverage
    assert final.final and final.describe("zh") == "38个区县中已审核通过38个"


# --- the command line signs in as the GUI does -----------------------------------------------
def cli(db, *args, env=None, stdin=subprocess.DEVNULL):
    base = {k: v for k, v in os.environ.items() if not k.startswith("ECOREPORT_")}
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], capture_output=True, text=True,
                          env={**base, **(env or {})}, stdin=stdin)  # fmt: skip


def test_the_command_line_needs_a_user_and_their_password(demo_copy):
    none = cli(demo_copy, "show", "500101", "2024H1")
    assert none.returncode == 2 and "--user" in none.stderr
    no_terminal = cli(demo_copy, "show", "500101", "2024H1", "--user", "wanzhou")
    assert no_terminal.returncode == 2 and "ECOREPORT_PASSWORD" in no_terminal.stderr and "Traceback" not in no_terminal.stderr
    wrong = cli(demo_copy, "show", "500101", "2024H1", "--user", "wanzhou", env={"ECOREPORT_PASSWORD": "nope"})
    assert wrong.returncode == 1 and "用户名或密码错误" in wrong.stderr
    right = cli(demo_copy, "show", "500101", "2024H1", "--json", "--user", "wanzhou", env={"ECOREPORT_PASSWORD": "ecoreport"})
    assert right.returncode == 0 and json.loads(right.stdout)["unit"] == "500101"
    unnamed = cli(demo_copy, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou",
                  env={"ECOREPORT_PASSWORD": "ecoreport"})  # fmt: skip
    assert unnamed.returncode == 2 and "--head 和 --phone" in unnamed.stderr  # the form is not left blank
    submit = cli(demo_copy, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou",
                 "--head", "李局长", "--phone", "023-58123456", env={"ECOREPORT_PASSWORD": "ecoreport"})  # fmt: skip
    assert submit.returncode == 2 and "ECOREPORT_APPROVER_PASSWORD" in submit.stderr and "Traceback" not in submit.stderr


def test_reopen_and_withdraw_on_the_command_line(demo_copy):
    env = {"ECOREPORT_PASSWORD": "ecoreport"}
    refused = cli(demo_copy, "review", "reopen", "500101", "2024H1", "--reason", "复核", "--user", "wanzhou", env=env)
    assert refused.returncode == 1 and "只有市局审核员" in refused.stderr
    assert cli(demo_copy, "review", "reopen", "500104", "2024H1", "--reason", "复核", "--user", "reviewer", env=env).returncode == 0
    shown = json.loads(cli(demo_copy, "review", "show", "500104", "2024H1", "--json", "--user", "reviewer", env=env).stdout)
    assert shown["status"] == "reopened" and shown["reason"] == "复核"
    withdrawn = cli(demo_copy, "withdraw", "500101", "2024H1", "--reason", "x", "--user", "wanzhou_approver", env=env)
    assert withdrawn.returncode == 1 and "未报送" in withdrawn.stderr  # nothing signed off to withdraw



def test_a_second_approver_is_granted_the_key_by_one_who_holds_it(two, demo_copy):
    district, _ = two
    sign_off(district)  # wanzhou_approver now holds the sealed key
    district.users.create("admin", "wanzhou_approver2", "ecoreport2", "approver", "500101", "万州区副审核人")
    db = str(district.store.db.path)
    refused = cli(db, "key", "grant", "500101", "--to", "wanzhou_approver2", "--user", "wanzhou",
                  env={"ECOREPORT_PASSWORD": "ecoreport", "ECOREPORT_APPROVER_PASSWORD": "ecoreport2"})  # fmt: skip
    assert refused.returncode == 1  # the clerk holds no slot
    granted = cli(db, "key", "grant", "500101", "--to", "wanzhou_approver2", "--user", "wanzhou_approver",
                  env={"ECOREPORT_PASSWORD": "ecoreport", "ECOREPORT_APPROVER_PASSWORD": "ecoreport2"})  # fmt: skip
    assert granted.returncode == 0, granted.stderr
    unit = district.units.find("500101")
    with district.store.session() as s:
        keys.unlock(s, unit, "wanzhou_approver2", "ecoreport2")  # opens with the new approver's own password


def test_the_command_line_sign_off_takes_the_forms_people_and_checks_them(demo_copy, tmp_path):
    env = {"ECOREPORT_PASSWORD": "ecoreport", "ECOREPORT_APPROVER_PASSWORD": "ecoreport"}
    blocked = cli(demo_copy, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou",
                  "--head", "李局长", "--phone", "023-58123456", env=env)  # fmt: skip
    assert blocked.returncode == 1 and "不能报送" in blocked.stderr and "“优良天数比例”同比变化" in blocked.stderr  # what is in the way
    cli(demo_copy, "set", "500101", "2024H1", "--explain", "air.good_ratio=新增两个监测站，属实", "--user", "wanzhou", env=env)
    bad = cli(demo_copy, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou",
              "--head", "李局长", "--phone", "023-58123456", "--date", "2024-13-45", env=env)  # fmt: skip
    assert bad.returncode == 2 and "不是有效日期" in bad.stderr
    ok = cli(demo_copy, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou",
             "--head", "李局长", "--phone", "023-58123456", "--date", "2024-07-15", env=env)  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert "ecoreport export 500101 2024H1 -o" in ok.stderr  # where the file for the bureau comes from
    out = cli(demo_copy, "export", "500101", "2024H1", "-o", str(tmp_path / "s.xlsx"), "--head", "别人", "--user", "wanzhou", env=env)
    assert out.returncode == 0 and "以签署时为准" in out.stderr
    cover = {r[0].value: r[1].value for r in openpyxl.load_workbook(tmp_path / "s.xlsx")["封面"].iter_rows() if r[0].value}
    assert (cover["单位负责人"], cover["联系电话"], cover["报出日期"], cover["填表人"]) == \
        ("李局长", "023-58123456", "2024-07-15", "万州区填报员")  # fmt: skip
    # Version 2 is signed with the people of version 1 unless told otherwise, and the command says what it took.
    assert cli(demo_copy, "withdraw", "500101", "2024H1", "--reason", "更正", "--user", "wanzhou_approver", env=env).returncode == 0
    again = cli(demo_copy, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou",
                "--phone", "023-58000000", "-o", str(tmp_path / "v2.xlsx"), env=env)  # fmt: skip
    assert again.returncode == 0, again.stderr
    cover = {r[0].value: r[1].value for r in openpyxl.load_workbook(tmp_path / "v2.xlsx")["封面"].iter_rows() if r[0].value}
    assert cover["报送版本"] == "2" and cover["联系电话"] == "023-58000000"  # signed and saved in one step, as the window does
    assert "沿用2024年上半年第1版签署时的单位负责人：李局长（如有变化，请用 --head 给出）" in again.stderr
    cli(demo_copy, "export", "500101", "2024H1", "-o", str(tmp_path / "s2.xlsx"), "--user", "wanzhou", env=env)
    cover = {r[0].value: r[1].value for r in openpyxl.load_workbook(tmp_path / "s2.xlsx")["封面"].iter_rows() if r[0].value}
    assert (cover["报送版本"], cover["单位负责人"], cover["联系电话"]) == ("2", "李局长", "023-58000000")
    # Given empty, a field is not taken from before: the form is then not signed without it.
    assert cli(demo_copy, "withdraw", "500101", "2024H1", "--reason", "再更正", "--user", "wanzhou_approver", env=env).returncode == 0
    blank = cli(demo_copy, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou", "--phone", "",
                env=env)  # fmt: skip
    assert blank.returncode == 2 and "--phone" in blank.stderr and "023-58000000" not in blank.stderr


def test_a_district_is_told_that_submissions_are_the_bureaus_to_import(two, tmp_path):
    district, _ = two
    sign_off(district)
    path = export(district, tmp_path / "s.xlsx")
    result = import_file(district.store, path, "wanzhou")
    assert result.status == REFUSED and "由市局审核员导入" in problem(result)


def test_read_access_is_scoped_like_write_access(demo_copy, tmp_path):
    env = {"ECOREPORT_PASSWORD": "ecoreport"}
    for command in (("show", "500103", "2024H1"), ("check", "500103", "2024H1"), ("template", "500103", "2024H1", "-o", str(tmp_path / "t.xlsx")),
                    ("export", "500103", "2024H1", "-o", str(tmp_path / "s.xlsx")), ("report", "2024H1", "500103"),
                    ("consolidate", "2024H1", "--json"), ("inbox", "2024H1"), ("audit", "500103")):  # fmt: skip
        refused = cli(demo_copy, *command, "--user", "wanzhou", env=env)
        assert refused.returncode == 1 and "只能查看本单位" in refused.stderr, command
    assert not (tmp_path / "s.xlsx").exists() and not (tmp_path / "t.xlsx").exists()
    assert cli(demo_copy, "show", "500101", "2024H1", "--user", "wanzhou", env=env).returncode == 0
    assert cli(demo_copy, "show", "500103", "2024H1", "--user", "reviewer", env=env).returncode == 0
    own = json.loads(cli(demo_copy, "audit", "--json", "--limit", "50", "--user", "wanzhou", env=env).stdout)
    assert own and {e["unit"] for e in own} == {"500101"}


def test_set_refuses_a_change_based_on_a_value_someone_else_changed(demo_copy):
    env = {"ECOREPORT_PASSWORD": "ecoreport"}
    assert cli(demo_copy, "set", "500101", "2024H1", "enf.penalties=30", "--user", "wanzhou", env=env).returncode == 0
    stale = cli(demo_copy, "set", "500101", "2024H1", "enf.penalties=40", "--expect", "enf.penalties=25",
                "--user", "wanzhou_approver", env=env)  # fmt: skip
    assert stale.returncode == 1 and "wanzhou" in stale.stderr and "30" in stale.stderr and "25" in stale.stderr
    shown = json.loads(cli(demo_copy, "show", "500101", "2024H1", "--json", "--user", "wanzhou", env=env).stdout)
    assert shown["values"]["enf.penalties"] == 30
    fresh = cli(demo_copy, "set", "500101", "2024H1", "enf.penalties=40", "--expect", "enf.penalties=30",
                "--user", "wanzhou_approver", env=env)  # fmt: skip
    assert fresh.returncode == 0


def test_an_approver_signs_only_with_their_own_password_and_keeps_the_key_when_changing_it(two):
    district, _ = two
    unit = district.units.find("500101")
    from desktop.store import users
    from desktop.store.accounts import change_own_password

    with district.store.session() as s:  # as the bureau's package makes an approver: a one-time password
        users.find(s, "wanzhou_approver").must_change_password = True
        s.commit()
    with pytest.raises(UserError) as refused:
        sign_off(district)
    assert "一次性密码" in refused.value.text.zh
    with pytest.raises(UserError) as refused:  # nor make the unit's key with it
        keys.create_for(district.store, unit, "wanzhou_approver", "ecoreport")
    assert "一次性密码" in refused.value.text.zh
    assert district.submissions.status(unit, H1) == Status.DRAFT
    change_own_password(district.store, "wanzhou_approver", "ecoreport", "approver-own-1")
    with pytest.raises(UserError):
        change_own_password(district.store, "wanzhou_approver", "wrong-password", "approver-own-2")
    assert district.submissions.sign_off("wanzhou", "wanzhou_approver", "approver-own-1", unit, H1) == 1
    # A later change keeps the signing key usable: the approver's key slot follows the new password.
    district.submissions.withdraw("wanzhou_approver", unit, H1, "补充说明")
    change_own_password(district.store, "wanzhou_approver", "approver-own-1", "approver-own-2")
    with pytest.raises(UserError):
        district.submissions.sign_off("wanzhou", "wanzhou_approver", "approver-own-1", unit, H1)
    assert district.submissions.sign_off("wanzhou", "wanzhou_approver", "approver-own-2", unit, H1) == 2
