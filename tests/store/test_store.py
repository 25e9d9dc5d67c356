"""The store on a temporary SQLite database: migrations, values, permissions, audit."""

import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy.exc import DatabaseError

from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.store.database import HEAD_REVISION, MIGRATIONS, Database
from desktop.store.service import ValuesRefused

H1 = Semester(2024, 1)


def test_migrations_run_from_an_empty_file(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert db.revision() is None
    assert db.migrate() is True
    assert db.revision() == HEAD_REVISION
    assert db.migrate() is False  # already current: Alembic is not even loaded
    tables = {r[0] for r in sqlite3.connect(tmp_path / "new.sqlite3").execute("select name from sqlite_master")}
    assert {"unit", "user", "value", "submission", "audit", "alembic_version"} <= tables


def test_head_revision_constant_matches_the_migration_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_sqlite_is_opened_with_wal_foreign_keys_and_a_busy_timeout(sqlite_store):
    store = sqlite_store
    with store.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_set_values_stores_and_audits_every_change(store, units):
    wanzhou = units.find("500101")
    changes = store.set_values("clerk", wanzhou, H1, {"water.sections_total": "4", "water.sections_excellent": "3"})
    assert {c.code for c in changes} == {"water.sections_total", "water.sections_excellent"}
    half = store.unit_half(wanzhou, H1)
    assert half.raw == {"water.sections_total": 4, "water.sections_excellent": 3}
    assert store.figures(wanzhou, H1).get("water.excellent_ratio") == Decimal("75.0")
    store.set_values("clerk", wanzhou, H1, {"water.sections_excellent": "4"}, {"water.sections_excellent": "新增达标断面"}, reason="复核")
    entries = [e for e in store.audit_entries(wanzhou) if e.action.startswith("value.")]
    assert [(e.code, e.old, e.new) for e in entries] == [
        ("water.sections_total", None, "4"),
        ("water.sections_excellent", None, "3"),
        ("water.sections_excellent", "3", "4"),
        ("water.sections_excellent", None, "新增达标断面"),
    ]
    assert all(e.user == "clerk" and e.unit_code == "500101" and e.semester == "2024H1" for e in entries)
    assert entries[-1].reason == "复核"


def test_unchanged_values_write_nothing(store, units):
    wanzhou = units.find("500101")
    store.set_values("clerk", wanzhou, H1, {"water.river_cases": "1"})
    before = len(store.audit_entries())
    assert store.set_values("clerk", wanzhou, H1, {"water.river_cases": "1"}) == []
    assert len(store.audit_entries()) == before


def test_one_bad_value_stores_nothing(store, units):
    wanzhou = units.find("500101")
    with pytest.raises(ValuesRefused) as info:
        store.set_values("clerk", wanzhou, H1, {"water.sections_total": "4", "air.days_valid": "190", "nope.x": "1"})
    codes = [code for code, _ in info.value.problems]
    assert codes == ["air.days_valid", "nope.x"]
    assert "不能大于182" in info.value.message("zh")
    assert store.unit_half(wanzhou, H1).raw == {}
    assert not [e for e in store.audit_entries() if e.action.startswith("value.")]


def test_city_sums_cannot_be_entered_but_its_measurements_can(store, units):
    city = units.municipality
    with pytest.raises(ValuesRefused) as info:
        store.set_values("admin", city, H1, {"water.sections_total": "74"})
    assert "由各区县数据汇总得出" in info.value.message("zh")
    assert "sum of the districts" in info.value.message("en")
    store.set_values("admin", city, H1, {"air.pm25": "36.6", "water.yangtze_class": "II"})
    assert store.unit_half(city, H1).raw["water.yangtze_class"] == "Ⅱ"


def test_districts_cannot_enter_municipal_elements_or_derived_ones(store, units):
    with pytest.raises(ValuesRefused, match="bureau only"):
        store.set_values("admin", units.find("500101"), H1, {"climate.carbon_rank": "3"})
    with pytest.raises(ValuesRefused, match="derived"):
        store.set_values("admin", units.find("500101"), H1, {"water.excellent_ratio": "98.6"})


def test_roles_and_units_limit_what_a_user_may_change(store, units):
    with pytest.raises(UserError, match="does not belong"):
        store.set_values("clerk", units.find("500102"), H1, {"water.river_cases": "1"})
    with pytest.raises(UserError, match="reviewer cannot"):
        store.set_values("reviewer", units.find("500101"), H1, {"water.river_cases": "1"})
    with pytest.raises(UserError, match="No user"):
        store.set_values("ghost", units.find("500101"), H1, {"water.river_cases": "1"})


def test_a_submitted_half_is_locked(store, units):
    from desktop.store.submissions import Submissions

    wanzhou = units.find("500101")
    store.set_values("clerk", wanzhou, H1, {"water.river_cases": "1"})
    Submissions(store).record_demo("reviewer", wanzhou, H1, accepted=False)  # received by the bureau
    with pytest.raises(UserError, match="locked"):
        store.set_values("clerk", wanzhou, H1, {"water.river_cases": "2"})
    with pytest.raises(UserError, match="locked"):
        store.set_values("admin", wanzhou, H1, {"water.river_cases": "2"})
    last = store.audit_entries()[-1]
    assert (last.action, last.user, last.old, last.new) == ("status.receive", "reviewer", "draft", "submitted")


def test_the_audit_log_is_append_only(store, units):
    store.set_values("clerk", units.find("500101"), H1, {"water.river_cases": "1"})
    with store.db.engine.begin() as conn, pytest.raises(DatabaseError, match="append-only"):
        conn.exec_driver_sql("UPDATE audit SET new = '99'")
    with store.db.engine.begin() as conn, pytest.raises(DatabaseError, match="append-only"):
        conn.exec_driver_sql("DELETE FROM audit")


def test_passwords_are_argon2_hashes(store):
    from desktop.store import users

    with store.session() as s:
        user = users.find(s, "clerk")
        assert user.password_hash.startswith("$argon2id$") and "secret" not in user.password_hash
        assert users.authenticate(s, "clerk", "secret-pw").name == "clerk"
        with pytest.raises(UserError, match="Wrong user name or password"):
            users.authenticate(s, "clerk", "wrong")


def test_password_hashes_keep_owasps_minimum_and_older_hashes_still_verify():
    import re

    from argon2 import PasswordHasher

    from desktop.store.passwords import hash_password, verify_password

    memory, passes, lanes = map(int, re.search(r"m=(\d+),t=(\d+),p=(\d+)", hash_password("secret-pw")).groups())
    assert memory >= 19456 and passes >= 2 and lanes >= 1  # Argon2id, OWASP's recommended minimum
    older = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash("secret-pw")  # made before 2026-11
    assert verify_password(older, "secret-pw") and not verify_password(older, "wrong")


def test_demo_database_reproduces_the_seed_report(demo_copy, resources):
    from conftest import accept_all

    from desktop.context import open_context

    ctx = open_context(str(demo_copy), resources=resources)
    city = ctx.units.municipality
    assert ctx.store.figures(city, H1).get("water.sections_total") < 74  # only the 5 accepted districts count
    accept_all(ctx.store, H1)
    figures = ctx.store.figures(city, H1)
    assert figures.get("water.sections_total") == 74 and figures.get("water.sections_excellent") == 73
    assert figures.get("water.excellent_ratio") == Decimal("98.6")
    assert (figures.get("air.days_excellent"), figures.get("air.days_good"), figures.get("air.days_good_total")) == (72, 91, 163)
    assert figures.get("air.good_ratio") == Decimal("89.6")
    assert figures.get("air.pm25") == Decimal("36.6")
    assert figures.get("water.outlets_total") == 4012 and figures.get("water.outlet_remediation_rate") == Decimal("94.0")
    assert figures.get("insp.complaints_received") == 3421
    assert figures.get("waste.plastic_recycled_t") == Decimal("16.85")
    last_year = ctx.store.figures(city, H1.same_last_year())
    assert figures.get("air.days_good_total") - last_year.get("air.days_good_total") == 6
    assert last_year.get("air.pm25") - figures.get("air.pm25") == Decimal("4.3")
    for unit in ctx.units:
        for half in (Semester(2023, 1), Semester(2023, 2), H1):
            errors = [r for r in ctx.store.checks(unit, half) if r.severity == "error"]
            assert errors == [], (unit.code, half, errors)
    ctx.store.db.dispose()


def test_a_database_of_the_first_schema_is_upgraded_with_its_data(tmp_path):
    from alembic import command
    from alembic.config import Config

    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.exec_driver_sql("INSERT INTO unit (code, name_zh, name_en, kind) VALUES ('500101', '万州区', 'Wanzhou', 'district')")
        conn.exec_driver_sql("INSERT INTO value (unit_code, semester, code, value, updated_by, updated_at, version) "
                             "VALUES ('500101', '2024H1', 'air.pm25', '36.6', 'admin', '2024-07-01 00:00:00', 1)")  # fmt: skip
    assert db.revision() == "0001"
    assert db.migrate() is True and db.revision() == HEAD_REVISION
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM value").scalar() == "36.6"
        assert conn.exec_driver_sql("SELECT count(*) FROM query_thread").scalar() == 0


def test_a_statement_built_once_refuses_a_key_that_names_no_column():
    """Run with parameters, SQLAlchemy would drop a misspelt key and leave the column as it was (a previous
    version's signature, say); the writes that use statements built once check their keys first."""
    from desktop.store.models import SubmissionRow, columns_of

    table = SubmissionRow.__table__
    assert columns_of(table, {"fingerprint": "f", "signature": "s"}) == {"fingerprint": "f", "signature": "s"}
    with pytest.raises(KeyError, match="fingerprnt"):
        columns_of(table, {"fingerprnt": "f"})
