"""A production database holds no sample data: example targets live only in the demo."""

from __future__ import annotations

import json

import pytest
from conftest import ecoreport

from desktop.core.semester import Semester
from desktop.core.targets import Target, copy_targets
from desktop.core.text import Text, UserError


def cli(db, *args, check=0, password="production-pw"):
    return ecoreport(db, *args, password=password, check=check)


@pytest.fixture
def production(tmp_path):
    db = tmp_path / "bureau.sqlite3"
    cli(db, "init")
    return db


def test_a_fresh_database_has_no_targets_let_alone_sample_ones(production):
    for half in ("2023H1", "2024H1", "2025H1"):
        assert json.loads(cli(production, "target", "list", half, "--json").stdout)["targets"] == []
    shown = json.loads(cli(production, "show", "500101", "2024H1", "--json").stdout)
    assert not any(t.get("example") for t in shown["targets"].values())


def test_the_demo_package_and_example_targets_are_refused_without_demo(production, demo_copy, tmp_path):
    cli(demo_copy, "package", "export", "-o", str(tmp_path / "demo.ecopkg"), password="ecoreport")
    before = cli(production, "package", "export", "-o", str(tmp_path / "before.ecopkg")).stdout
    refused = cli(production, "package", "import", str(tmp_path / "demo.ecopkg"), check=1)
    assert "演示用的设置包" in refused.stderr
    # A bureau's own folder whose target carries the example mark, or 示例 in its basis.
    cli(production, "package", "extract", str(tmp_path / "edit"))
    (tmp_path / "edit" / "targets").mkdir(exist_ok=True)
    (tmp_path / "edit" / "targets" / "2025H1.toml").write_text(
        'semester = "2025H1"\n\n[[target]]\ncode = "air.pm25"\nunits = "all"\nop = "<="\nvalue = 35\n'
        'basis_zh = "市级目标（示例）"\nbasis_en = "Municipal target"\n', encoding="utf-8")  # fmt: skip
    refused = cli(production, "package", "build", str(tmp_path / "edit"), check=1)
    assert "标为示例" in refused.stderr and "2025H1 air.pm25" in refused.stderr
    assert json.loads(cli(production, "target", "list", "2025H1", "--json").stdout)["targets"] == []
    assert cli(production, "package", "export", "-o", str(tmp_path / "after.ecopkg")).stdout == before.replace("before", "after")
    # With --demo it is taken (a demo database).
    cli(production, "package", "import", str(tmp_path / "demo.ecopkg"), "--demo")
    assert json.loads(cli(production, "target", "list", "2024H1", "--json").stdout)["targets"]


def test_a_target_for_the_next_real_half_is_set_on_a_fresh_database(production):
    cli(production, "target", "set", "2025H1", "air.pm25", "--op", "<=", "--value", "35", "--basis-zh", "市级目标",
        "--basis-en", "Municipal target")  # fmt: skip
    early = cli(production, "deadline", "2025H1", "2025-06-30", check=2)
    assert "不在2025年上半年结束（2025-06-30）之后" in early.stderr
    assert "不是有效的日期" in cli(production, "deadline", "2025H1", "2025-02-30", check=2).stderr
    cli(production, "deadline", "2025H1", "2025-07-20")
    cli(production, "target", "set", "2025H1", "air.days_severe", "--op", "<=", "--value", "0", "--basis-zh", "市级目标")
    severe = [t for t in json.loads(cli(production, "target", "list", "2025H1", "--json").stdout)["targets"]
              if t["code"] == "air.days_severe"]  # fmt: skip
    assert severe[0]["basis_en"] == "市级目标"  # no English basis needed
    listed = json.loads(cli(production, "target", "list", "2025H1", "--json").stdout)
    assert listed["deadline"] == "2025-07-20" and listed["targets"][0]["basis_zh"] == "市级目标"
    refused = cli(production, "target", "set", "2025H2", "air.pm25", "--op", "<=", "--value", "35",
                  "--basis-zh", "市级目标（示例）", "--basis-en", "x", check=1)  # fmt: skip
    assert "标为示例" in refused.stderr


def test_copying_never_carries_a_sample_mark():
    real = Target("air.pm25", "all", "<=", 35, Text("市级目标", "Municipal target"))
    sample = Target("water.excellent_ratio", "districts", ">=", 90, Text("国家考核目标（示例）", "x (example)"), True)
    with pytest.raises(UserError) as refused:
        copy_targets([real, sample])
    assert "water.excellent_ratio（districts）" in refused.value.text.zh and "air.pm25" not in refused.value.text.zh
    copied = copy_targets([real, sample], {("water.excellent_ratio", "districts"): Text("国家考核目标", "National")})
    assert [t.basis.zh for t in copied] == ["市级目标", "国家考核目标"] and not any(t.sample for t in copied)
    with pytest.raises(UserError):
        copy_targets([real], basis=Text("区县目标（示例）", "District target (example)"))
    assert Semester(2025, 1).next() == Semester(2025, 2)


def test_a_fresh_installation_opens_on_the_half_being_reported_and_lists_the_current_one(production, qapp):
    import argparse
    from datetime import date

    from desktop.ui.app import GuiApp

    gui = GuiApp(argparse.Namespace(db=str(production), lang="zh", lang_given=True, startup_benchmark=None), qapp)
    current = Semester.containing(date.today())
    assert gui.default_semester() == current.previous()
    halves = gui.semesters()
    assert halves[0] == current and current.previous() in halves and len(halves) >= 6
    cli(production, "target", "set", str(current.next()), "air.pm25", "--op", "<=", "--value", "35",
        "--basis-zh", "市级目标", "--basis-en", "Municipal target")  # fmt: skip
    gui.context().reload_resources()
    assert gui.semesters()[0] == current.next() and current in gui.semesters()
    from desktop.ui import i18n

    i18n.remove(qapp, gui.translators)
    gui.context().store.db.dispose()


def test_a_set_up_in_use_from_before_maxima_were_required_still_opens_and_takes_new_targets(production, tmp_path):
    """Upgrading the program must not lock out an installation whose active set-up predates a new catalog rule;
    the rule binds a changed catalog."""
    import re
    import sqlite3

    from desktop.resources import resources_dir
    from desktop.store import packages

    content = packages.collect(resources_dir())
    old = {rel: re.sub(r"(?m)^max = \d+\n", "", text) if rel.startswith("catalog/") else text for rel, text in content.items()}
    db = sqlite3.connect(production)
    db.execute("INSERT INTO resource_package (version, sha256, content, active, source, created_by, created_at) "
               "VALUES ('2024.1+old', ?, ?, 1, 'edited here', 'admin', '2025-01-01 00:00:00')",
               (packages.digest(old), json.dumps(old, ensure_ascii=False)))  # fmt: skip
    db.commit()
    db.close()
    cli(production, "show", "500101", "2024H1")  # opens
    cli(production, "target", "set", "2027H1", "air.pm25", "--op", "<=", "--value", "35", "--basis-zh", "市级目标",
        "--basis-en", "Municipal target", "--user", "admin")  # fmt: skip
    folder = tmp_path / "edit"
    cli(production, "package", "extract", str(folder), "--user", "admin")
    water = folder / "catalog" / "water.toml"
    water.write_text(water.read_text(encoding="utf-8").replace("name_zh = \"国控断面数\"", "name_zh = \"国家考核断面数\""), encoding="utf-8")
    refused = cli(production, "package", "build", str(folder), "--user", "admin", check=1)
    assert "max" in refused.stderr and "is required" in refused.stderr  # a changed catalog gives its maxima


def test_a_target_for_a_district_named_applies_to_that_district(production, tmp_path, resources):
    """`--units 万州区` was stored as the name: listed, shown in the set-up dialog, and never applied to 万州区."""
    cli(production, "target", "set", "2025H1", "soil.safe_use_rate", "--units", "万州区", "--op", ">=", "--value", "95",
        "--basis-zh", "市级目标")  # fmt: skip
    cli(production, "target", "set", "2025H1", "soil.safe_use_rate", "--units", "wanzhou", "--op", ">=", "--value", "96",
        "--basis-zh", "市级目标")  # the same district by its other name: the same target, changed  # fmt: skip
    targets = json.loads(cli(production, "target", "list", "2025H1", "--json").stdout)["targets"]
    assert [(t["units"], t["value"]) for t in targets] == [("500101", "96")]
    assert "万州区（500101）" in cli(production, "target", "list", "2025H1").stdout
    shown = lambda unit: json.loads(cli(production, "show", unit, "2025H1", "--json").stdout)["targets"]  # noqa: E731
    assert "soil.safe_use_rate" in shown("500101") and "soil.safe_use_rate" not in shown("500102")
    refused = cli(production, "target", "set", "2025H1", "air.pm25", "--units", "999999", "--op", "<=", "--value", "35",
                  "--basis-zh", "市级目标", check=2)  # fmt: skip
    assert "--units “999999”应为" in refused.stderr and "must be" not in refused.stderr
    # A set-up package written by hand with a unit's name reads it as the unit's code.
    from desktop.core.loading import load_targets

    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "2025H1.toml").write_text('semester = "2025H1"\n\n[[target]]\ncode = "air.pm25"\nunits = "万州区"\n'
                                                'op = "<="\nvalue = 35\nbasis_zh = "市级目标"\nbasis_en = "Municipal target"\n', encoding="utf-8")  # fmt: skip
    book = load_targets(tmp_path / "t", resources.catalog, resources.units)
    assert [t.units for t in book.by_semester[Semester(2025, 1)]] == ["500101"]
