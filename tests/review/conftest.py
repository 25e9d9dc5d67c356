"""Two installations from the demo database: a district's PC and the bureau's."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture
def installations(demo_db, tmp_path, resources):
    """(district, bureau) contexts on copies of the demo database: district.sqlite3 and bureau.sqlite3."""
    from desktop.context import open_context

    made = []
    for name in ("district", "bureau"):
        shutil.copy(demo_db, tmp_path / f"{name}.sqlite3")
        made.append(open_context(str(tmp_path / f"{name}.sqlite3"), resources=resources))
    yield made
    for ctx in made:
        ctx.store.db.dispose()
