"""The unit an installation serves, kept in its database: a district's PC enters and submits that district's half
only (its administrator too), keeps that district's accounts only, and leaves review to the bureau's."""

from __future__ import annotations

import json
from contextlib import contextmanager

import pytest
from conftest import ecoreport

from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.core.workflow import Action, Actor, WorkflowRefused, decide, may_edit, may_read
from desktop.store import demo, users
from desktop.store.accounts import DistrictAccounts
from desktop.store.installation import ServedUnit

HALF = Semester(2025, 1)


@contextmanager
def refused(kind, words: str):
    """A refusal, read in Chinese as the user reads it."""
    with pytest.raises(kind) as caught:
        yield
    assert words in caught.value.text.zh, caught.value.text.zh


def test_the_rule_in_the_core(units):
    wanzhou, yuzhong, city = units.get("500101"), units.get("500103"), units.municipality
    admin = Actor("admin", "admin", None)
    at_wanzhou, at_bureau = Actor("admin", "admin", None, serves=wanzhou), Actor("admin", "admin", None, serves=city)
    assert may_edit(admin, yuzhong, "draft") is None  # the demo, a database from before: both sides, as they were
    assert may_edit(at_wanzhou, wanzhou, "draft") is None
    assert may_edit(at_wanzhou, yuzhong, "draft").zh == "本机是万州区的填报机，不能修改渝中区的数据"
    assert may_edit(at_bureau, yuzhong, "draft").zh == "本机是市局（重庆市）的电脑，不能修改渝中区的数据"
    assert may_edit(at_bureau, city, "draft") is None
    with refused(WorkflowRefused, "审核在市局进行"):
        decide(Action.ACCEPT, "submitted", at_wanzhou, wanzhou)
    assert decide(Action.ACCEPT, "submitted", at_bureau, wanzhou).new == "accepted"
    with refused(WorkflowRefused, "不能撤回渝中区的数据"):
        decide(Action.WITHDRAW, "submitted", at_wanzhou, yuzhong, "有误")
    assert may_read(at_wanzhou, yuzhong) is not None and may_read(at_wanzhou, wanzhou) is None
    assert may_read(at_bureau, yuzhong) is None


def district_pc(store, units) -> None:
    """The store fixture as 万州区's PC: its reviewer disabled (a district has none), then named."""
    with store.session() as s:
        users.set_active(s, units, "admin", "reviewer", False)
        s.commit()
    ServedUnit(store).set("admin", units.get("500101"))


def test_a_districts_administrator_writes_that_district_only(store, units):
    wanzhou, yuzhong = units.get("500101"), units.get("500103")
    served = ServedUnit(store)
    assert served.get() is None
    district_pc(store, units)
    assert served.get() == wanzhou and served.set("admin", wanzhou) is False  # said again: nothing changes
    with refused(UserError, "本机是万州区的填报机，不能修改渝中区的数据"):
        store.set_values("admin", yuzhong, HALF, {"air.pm25": "31"})
    assert store.unit_half(yuzhong, HALF).raw == {}
    store.set_values("admin", wanzhou, HALF, {"air.pm25": "33"})
    assert str(store.unit_half(wanzhou, HALF).raw["air.pm25"]) == "33.0"
    with refused(UserError, "不能改为渝中区"):
        served.set("admin", yuzhong)
    with refused(UserError, "只有管理员"):
        served.set("clerk", wanzhou)
    assert served.get() == wanzhou
    named = [e for e in store.audit_entries() if e.action == "installation.serve"]
    assert [(e.user, e.new) for e in named] == [("admin", "500101")]


def test_a_database_holding_other_units_data_or_accounts_is_not_named_a_districts(store, units):
    """A bureau's database named a district's would keep every other unit's data and accounts in reach."""
    wanzhou = units.get("500101")
    store.set_values("admin", units.get("500103"), HALF, {"air.pm25": "30"})
    with refused(UserError, "此数据库中有其他单位的数据（渝中区等1个单位），不是万州区的填报机"):
        ServedUnit(store).set("admin", wanzhou)
    assert ServedUnit(store).get() is None


def test_an_account_of_another_unit_is_not_used_on_a_districts_pc(store, units):
    """Kept from before the unit was named (a database of an earlier version): it neither signs in nor comes back."""
    district_pc(store, units)
    from sqlalchemy import update

    from desktop.store.models import UserRow

    def active(on: bool) -> None:  # as an earlier version could have left it
        with store.db.engine.begin() as conn:
            conn.execute(update(UserRow.__table__).where(UserRow.__table__.c.name == "reviewer").values(active=on))

    active(True)
    with refused(UserError, "用户 reviewer 不属于本单位，不能在本机使用"):
        users.Users(store).sign_in("reviewer", "secret-pw")
    active(False)
    with refused(UserError, "用户 reviewer 不属于本单位"):
        users.Users(store).set_active("admin", "reviewer", True)
    made = users.Users(store).create("admin", "wz9", "secret-pw-9", "clerk")  # no unit named: this PC's
    assert made.unit_code == "500101"


def test_the_demo_is_named_no_ones(demo_copy):
    from desktop.context import open_context
    from desktop.store.installation import DEMO_MARK
    from desktop.store.packages import DEMO_FILE

    assert json.dumps(DEMO_FILE) == DEMO_MARK  # how the demo's set-up is told from its stored content
    ctx = open_context(str(demo_copy))
    for name, *_ in demo.DEMO_USERS:
        ctx.users.set_active("admin", name, False)
    for unit in (ctx.units.municipality, ctx.units.get("500101")):
        with refused(UserError, "这是演示数据库"):
            ctx.served_unit.set("admin", unit)
    ctx.store.db.dispose()


def test_a_named_installation_keeps_its_accounts(store, units):
    with refused(UserError, "此数据库中有不属于万州区的账户（reviewer）"):
        ServedUnit(store).set("admin", units.get("500101"))
    with refused(UserError, "此数据库中有不属于重庆市的账户（clerk）"):
        ServedUnit(store).set("admin", units.municipality)
    assert ServedUnit(store).get() is None


def test_a_districts_installation_keeps_that_districts_accounts_only(store, units):
    district_pc(store, units)
    with store.session() as s:
        with refused(UserError, "只能建立万州区的"):
            users.create(s, units, "admin", "yz", "secret-pw-1", "clerk", "500103")
        with refused(UserError, "只能建立万州区的"):
            users.create(s, units, "admin", "rv", "secret-pw-1", "reviewer")
        with refused(UserError, "只能建立万州区的"):
            users.set_role(s, units, "admin", "clerk", "approver", "500103")
        users.create(s, units, "admin", "wz2", "secret-pw-1", "approver", "500101")
        s.commit()
    with refused(UserError, "区县账户由市局准备"):
        DistrictAccounts(store).add("admin", "wz3", "clerk", units.get("500101"))
    assert {u.name for u in users.Users(store).all()} == {"admin", "clerk", "reviewer", "wz2"}


def test_the_bureaus_installation_prepares_district_accounts_rather_than_making_them(store, units):
    with store.session() as s:
        users.set_active(s, units, "admin", "clerk", False)  # the fixture's 万州区 clerk: not the bureau's
        s.commit()
    ServedUnit(store).set("admin", units.municipality)
    with store.session() as s, refused(UserError, "区县账户"):
        users.create(s, units, "admin", "yz", "secret-pw-1", "clerk", "500103")
    with store.session() as s:
        users.create(s, units, "admin", "city", "secret-pw-1", "clerk", "500000")
        users.create(s, units, "admin", "reviewer2", "secret-pw-1", "reviewer")
        s.commit()


def test_a_district_pc_refuses_another_districts_set_up_package(tmp_path):
    bureau, district, package = tmp_path / "bureau.sqlite3", tmp_path / "wanzhou.sqlite3", tmp_path / "渝中区.ecopkg"
    ecoreport(bureau, "init", "--unit", "500000", password="bureau-pw-1")
    ecoreport(bureau, "account", "add", "yuzhong", "--role", "clerk", "--unit", "500103", password="bureau-pw-1")
    ecoreport(bureau, "package", "export", "--unit", "500103", "-o", str(package), password="bureau-pw-1")
    ecoreport(district, "init", "--unit", "万州区", password="district-pw-1")
    before = district.read_bytes()
    refused = ecoreport(district, "package", "import", str(package), password="district-pw-1", check=1)
    assert "属于渝中区，是发给渝中区的；本机是万州区的填报机，未导入" in refused.stderr
    assert district.read_bytes() == before  # nothing of it kept: not its set-up, not its accounts


def test_review_is_the_bureaus_a_districts_pc_neither_queries_nor_decides(store, units):
    """万州区's half received and queried while the database played both sides; named 万州区's PC, it reviews nothing."""
    from desktop.store.review import Review
    from desktop.store.submissions import Submissions

    wanzhou = units.get("500101")
    store.set_values("admin", wanzhou, HALF, {"air.pm25": "38.1"})
    Submissions(store).record_demo("admin", wanzhou, HALF, accepted=False)
    review = Review(store)
    asked = review.open_query("reviewer", wanzhou, HALF, "air.pm25", "请核实")
    district_pc(store, units)
    with refused(UserError, "审核在市局进行"):
        review.open_query("admin", wanzhou, HALF, "air.pm25", "请核实")
    with refused(UserError, "审核在市局进行"):
        review.resolve("admin", asked)
    with refused(UserError, "审核在市局进行"):
        Submissions(store).accept("admin", wanzhou, HALF)
    with refused(UserError, "审核在市局进行"):
        Submissions(store).return_half("admin", wanzhou, HALF, "请核实")
    assert store.status(wanzhou, HALF) == "in_review"
    assert [(t.status, len(t.messages)) for t in review.threads(wanzhou, HALF)] == [("open", 1)]


def test_init_names_the_unit_once_and_an_existing_database_needs_its_administrator(tmp_path):
    db = tmp_path / "wanzhou.sqlite3"
    made = ecoreport(db, "init", "--unit", "万州区", password="district-pw-1")
    assert "本机所属单位：万州区（500101）" in made.stdout
    again = ecoreport(db, "init", "--unit", "500103", "--user", "admin", password="district-pw-1", check=1)
    assert "本机所属单位已设为万州区（500101），不能改为渝中区" in again.stderr
    shown = ecoreport(db, "show", "渝中区", "2025H1", password="district-pw-1", check=1)
    assert "本机是万州区的填报机，只处理万州区的数据，不处理渝中区的" in shown.stderr
    older = tmp_path / "older.sqlite3"
    ecoreport(older, "init", password="older-pw-1")
    unsigned = ecoreport(older, "init", "--unit", "500101", password="older-pw-1", check=2)
    assert "须以管理员身份（--user admin）" in unsigned.stderr
    ecoreport(older, "init", "--unit", "500101", "--user", "admin", password="older-pw-1")
    assert "万州区（500101）" in ecoreport(older, "init", password="older-pw-1").stdout
    demo = ecoreport(tmp_path / "demo.sqlite3", "init", "--demo", "--unit", "500101", password="x", check=2)
    assert "演示数据库同时扮演市局和各区县" in demo.stderr
    typo = ecoreport(tmp_path / "typo.sqlite3", "init", "--unit", "万洲区", password="typo-pw-12", check=2)
    assert "找不到单位“万洲区”" in typo.stderr and not (tmp_path / "typo.sqlite3").exists()  # no empty database left


def test_a_districts_pc_does_not_set_up_or_issue_what_the_bureau_issues(tmp_path):
    """Targets, deadlines and packages are the bureau's: a district's PC that issued a package signed with a key of its
    own as the bureau's would lock the next district that trusted it out of the real bureau's packages."""
    district, out = tmp_path / "wanzhou.sqlite3", tmp_path / "fake.ecopkg"
    ecoreport(district, "init", "--unit", "万州区", password="district-pw-1")
    before = district.read_bytes()
    for args in (("target", "set", "2025H1", "air.pm25", "--op", "<=", "--value", "30", "--basis-zh", "市级目标",
                  "--basis-en", "Municipal target"),
                 ("deadline", "2025H1", "2025-08-01"),
                 ("package", "export", "-o", str(out)), ("package", "export", "--unit", "500101", "-o", str(out))):  # fmt: skip
        refusal = ecoreport(district, *args, password="district-pw-1", check=1)
        assert "本机是万州区的填报机" in refusal.stderr and "由市局进行" in refusal.stderr, args
        assert refusal.stdout == "", args  # no change listed as if it had been made
    assert not out.exists() and district.read_bytes() == before


def test_a_backup_of_another_units_installation_is_not_restored(tmp_path):
    district, bureau = tmp_path / "wanzhou.sqlite3", tmp_path / "bureau.sqlite3"
    ecoreport(district, "init", "--unit", "万州区", password="same-pw-12")
    ecoreport(bureau, "init", "--unit", "500000", password="same-pw-12")
    before = district.read_bytes()
    refusal = ecoreport(district, "restore", str(bureau), password="same-pw-12", check=1)
    assert "此备份是重庆市（500000）的数据库，本机所属单位是万州区（500101）；未恢复" in refusal.stderr
    assert district.read_bytes() == before
    older = tmp_path / "older.sqlite3"  # a backup from before the unit was kept, holding a reviewer: refused
    ecoreport(older, "init", password="same-pw-12")
    ecoreport(older, "user", "add", "r1", "--role", "reviewer", password="same-pw-12", new="reviewer-pw-1")
    refusal = ecoreport(district, "restore", str(older), password="same-pw-12", check=1)
    assert "此备份不能恢复到本机：此数据库中有不属于万州区的账户（r1）" in refusal.stderr
    assert district.read_bytes() == before
    ecoreport(older, "user", "disable", "r1", password="same-pw-12")  # as this PC could have held it: restored, still 万州区's
    ecoreport(district, "restore", str(older), password="same-pw-12")
    assert "本机所属单位：万州区（500101）" in ecoreport(district, "init", password="same-pw-12").stdout
    refusal = ecoreport(district, "user", "enable", "r1", password="same-pw-12", check=1)  # and it stays off
    assert "本机是万州区的填报机，用户 r1 不属于本单位" in refusal.stderr
