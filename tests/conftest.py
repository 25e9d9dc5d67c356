"""Shared fixtures. Most tests need neither Qt nor a database: the core is loaded from resources/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def resources():
    from desktop.core.loading import load_resources

    return load_resources(REPO / "resources")


@pytest.fixture(scope="session")
def catalog(resources):
    return resources.catalog


@pytest.fixture(scope="session")
def units(resources):
    return resources.units


POSTGRES_URL = os.environ.get("ECOREPORT_TEST_DATABASE_URL")


def _empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> str:
    """A fresh database URL: SQLite always; PostgreSQL too when ECOREPORT_TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    if not POSTGRES_URL:
        pytest.skip("ECOREPORT_TEST_DATABASE_URL is not set")
    _empty_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def store(backend, resources):
    """An empty, migrated database with the admin account, a clerk of 万州区 and a reviewer."""
    from desktop.context import open_context
    from desktop.store import users

    ctx = open_context(backend, resources=resources)
    with ctx.store.session() as s:
        users.create(s, resources.units, "admin", "admin", "secret", "admin")
        users.create(s, resources.units, "admin", "clerk", "secret", "clerk", "500101")
        users.create(s, resources.units, "admin", "reviewer", "secret", "reviewer")
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
