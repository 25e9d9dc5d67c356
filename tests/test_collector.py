"""The collector over the program's life: off while it loads, on over a frozen heap once its database is open,
nothing to walk at exit — and none of it for a caller in-process (the tests themselves)."""

import gc

import pytest

from desktop import collector, launch
from desktop.context import open_context


@pytest.fixture(autouse=True)
def python_defaults(monkeypatch):
    monkeypatch.setattr(collector, "_loading", False)
    yield
    gc.unfreeze()
    gc.enable()


def test_the_program_loads_without_collections_and_ends_with_nothing_to_walk(monkeypatch):
    seen = {}

    def main():
        seen["enabled while loading"] = gc.isenabled()
        return 4

    monkeypatch.setattr(launch, "main", main)
    gc.unfreeze()
    assert launch.entry() == 4  # main's exit code, unchanged
    assert seen["enabled while loading"] is False
    assert gc.get_freeze_count() > 0


def test_once_the_database_is_open_the_collector_runs_again_over_what_the_work_makes(tmp_path):
    gc.unfreeze()
    collector.loading()
    assert not gc.isenabled()
    ctx = open_context(str(tmp_path / "x.sqlite3"))
    ctx.store.db.dispose()
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_a_caller_in_process_keeps_pythons_collector(tmp_path):
    gc.unfreeze()
    ctx = open_context(str(tmp_path / "x.sqlite3"))
    ctx.store.db.dispose()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_every_way_the_program_starts_goes_through_entry():
    """The installed `ecoreport` command, `python -m desktop`, and (in the source tree) the bundle's starter."""
    from importlib.metadata import entry_points
    from pathlib import Path

    import desktop

    (script,) = entry_points(group="console_scripts", name="ecoreport")
    assert script.value == "desktop.launch:entry"
    assert "SystemExit(entry())" in (Path(desktop.__file__).parent / "__main__.py").read_text(encoding="utf-8")
    bundle = Path(__file__).resolve().parent.parent / "installer" / "entry.py"  # not part of an installed package
    if bundle.exists():
        assert "SystemExit(entry())" in bundle.read_text(encoding="utf-8")
