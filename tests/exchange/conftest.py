from __future__ import annotations

import hashlib

import pytest

from desktop.core.semester import Semester

H1 = Semester(2024, 1)


@pytest.fixture
def ctx(demo_copy, resources):
    from desktop.context import open_context

    context = open_context(str(demo_copy), resources=resources)
    yield context
    context.store.db.dispose()


def snapshot(ctx) -> str:
    """A digest of everything the database holds that an import could change."""
    with ctx.store.db.engine.connect() as conn:
        rows = []
        for table in ("value", "submission", "audit"):
            rows += [repr(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")]
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
