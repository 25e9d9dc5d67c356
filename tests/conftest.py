"""Shared fixtures. Most tests need neither Qt nor a database: the core is loaded from resources/."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
# Each computer's own record of its audit chains: never the real user's folder from a test.
os.environ.setdefault("ECOREPORT_WITNESS_DIR", __import__("tempfile").mkdtemp(prefix="ecoreport-witness-"))
# The set-ups a test opens are written to a cache of the test run's own, not the user's.
os.environ.setdefault("XDG_CACHE_HOME", __import__("tempfile").mkdtemp(prefix="ecoreport-cache-"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """The windows a test closed are deleted as it ends, not inside the next test's first event loop (pytest-qt's
    deleteLater waits for one): 32 windows torn down during an import's loop, each call into Python waiting for the
    worker, held that window still for 200-370 ms."""
    result = yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result


@pytest.fixture(autouse=True)
def own_witness_folder(tmp_path, monkeypatch):
    """A fresh folder per test, inherited by the command lines it starts."""
    monkeypatch.setenv("ECOREPORT_WITNESS_DIR", str(tmp_path / "witness"))


@pytest.fixture(scope="session")
def resources():
    """The demo's set-up (the shipped data files with the example targets), as `init --demo` makes it."""
    from desktop.core.loading import load_resources

    return load_resources(REPO / "resources", demo=True)


@pytest.fixture(scope="session")
def catalog(resources):
    return resources.catalog


@pytest.fixture(scope="session")
def units(resources):
    return resources.units


POSTGRES_URL = os.environ.get("ECOREPORT_TEST_DATABASE_URL")
# Each pytest-xdist worker in a schema of its own: two workers emptying one schema would lose each other's tables.
POSTGRES_SCHEMA = os.environ.get("PYTEST_XDIST_WORKER", "public")


def _empty_postgres(url: str) -> str:
    """Empties this worker's schema and returns the URL that works in it."""
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{POSTGRES_SCHEMA}" CASCADE')
        conn.exec_driver_sql(f'CREATE SCHEMA "{POSTGRES_SCHEMA}"')
    engine.dispose()
    if POSTGRES_SCHEMA == "public":
        return url
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{POSTGRES_SCHEMA}"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> str:
    """A fresh database URL: SQLite always; PostgreSQL too when ECOREPORT_TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    if not POSTGRES_URL:
        pytest.skip("ECOREPORT_TEST_DATABASE_URL is not set")
    return _empty_postgres(POSTGRES_URL)


@pytest.fixture
def store(backend, resources):
    """An empty, migrated database with the admin account, a clerk of 万州区 and a reviewer."""
    from desktop.context import open_context
    from desktop.store import users

    ctx = open_context(backend, resources=resources)
    with ctx.store.session() as s:
        users.create(s, resources.units, "admin", "admin", "secret-pw", "admin")
        users.create(s, resources.units, "admin", "clerk", "secret-pw", "clerk", "500101")
        users.create(s, resources.units, "admin", "reviewer", "secret-pw", "reviewer")
        s.commit()
    yield ctx.store
    ctx.store.db.dispose()


@pytest.fixture
def sqlite_store(store):
    """For the tests about SQLite itself (pragmas, the sqlite3 shell, files)."""
    if store.db.path is None:
        pytest.skip("SQLite only")
    return store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, resources) -> Path:
    """A demo database built once per test session; copy it before changing it."""
    from desktop.context import open_context
    from desktop.store import demo, users

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    ctx = open_context(str(path), resources=resources)
    with ctx.store.session() as s:
        users.create(s, resources.units, "admin", "admin", demo.DEMO_PASSWORD, "admin")
        s.commit()
    demo.fill(ctx.store)
    ctx.store.db.dispose()
    return path


@pytest.fixture
def demo_copy(demo_db, tmp_path) -> Path:
    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db, target)
    return target


def accept_all(store, semester) -> None:
    """Every district's half accepted by the bureau, through the workflow (as the demo records its history)."""
    from desktop.core.workflow import Status
    from desktop.store.submissions import Submissions

    submissions = Submissions(store)
    for unit in store.units.districts():
        status = submissions.status(unit, semester)
        if status == Status.ACCEPTED:
            continue
        if status in (Status.DRAFT, Status.RETURNED):
            submissions.record_demo("admin", unit, semester, accepted=True)
        else:
            submissions.accept("admin", unit, semester)


def sign_off(ctx, unit_code: str = "500101", semester=None, clerk: str = "wanzhou", approver: str = "wanzhou_approver") -> int:
    """The demo's 万州区 clerk prepares and its approver signs off the half (password of the demo)."""
    from desktop.core.semester import Semester

    unit, semester = ctx.units.find(unit_code), semester or Semester(2024, 1)
    notes = {r.codes[0]: "已与监测站核实，属实：本期新增站点" for r in ctx.store.checks(unit, semester)
             if r.blocking and r.severity == "warning"}  # fmt: skip
    if notes:
        ctx.store.set_values(clerk, unit, semester, {}, notes)
    return ctx.submissions.sign_off(clerk, approver, "ecoreport", unit, semester)


def sign_off_any(ctx, unit, semester=None) -> int:
    """Any district's half signed off on this installation, with a clerk and an approver made for it if needed.

    A half the demo records as received or accepted is first sent back through the workflow (reopen, return).
    """
    from desktop.core.semester import Semester
    from desktop.core.workflow import EDITABLE, Action, Status

    semester = semester or Semester(2024, 1)
    clerk, approver = f"clerk_{unit.code}", f"approver_{unit.code}"
    if unit.code == "500101":
        clerk, approver = "wanzhou", "wanzhou_approver"
    for name, role in ((clerk, "clerk"), (approver, "approver")):
        if ctx.users.find(name) is None:
            ctx.users.create("admin", name, "ecoreport", role, unit.code)
    status = ctx.submissions.status(unit, semester)
    if status == Status.ACCEPTED:
        ctx.submissions.act("admin", unit, semester, Action.REOPEN, "重新填报以签署")
    if ctx.submissions.status(unit, semester) not in EDITABLE:
        ctx.submissions.act("admin", unit, semester, Action.RETURN, "重新填报以签署")
    return sign_off(ctx, unit.code, semester, clerk, approver)


def ecoreport(db, *args, password: str, new: str | None = None, check: int | None = 0):
    """The command line in a subprocess, signed in as admin unless `--user` is given; `password` is the acting
    user's (and the new admin's at `init`), `new` a password being set."""
    import subprocess
    import sys

    env = dict(os.environ, XDG_CACHE_HOME=str(Path(db).parent / "cache"), ECOREPORT_PASSWORD=password,
               ECOREPORT_ADMIN_PASSWORD=password)  # fmt: skip
    env.pop("ECOREPORT_NEW_PASSWORD", None)
    if new is not None:
        env["ECOREPORT_NEW_PASSWORD"] = new
    user = [] if "--user" in args or args[0] == "init" else ["--user", "admin"]
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args, *user], capture_output=True,
                            text=True, encoding="utf-8", env=env, cwd=REPO)  # fmt: skip
    if check is not None:
        assert result.returncode == check, result.stderr + result.stdout
    return result
