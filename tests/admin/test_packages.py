"""Set-up packages: a new half opened by the bureau alone — targets, deadline, one new indicator — with files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def two(demo_db, tmp_path):
    paths = {}
    for name in ("bureau", "district"):
        paths[name] = tmp_path / f"{name}.sqlite3"
        shutil.copy(demo_db, paths[name])
    return paths


def cli(db, *args, check=True):
    env = dict(os.environ, XDG_CACHE_HOME=str(Path(db).parent / "cache"), ECOREPORT_PASSWORD="ecoreport")
    user = [] if "--user" in args else ["--user", "admin"]
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args, *user], capture_output=True, text=True,
                            env=env)  # fmt: skip
    if check:
        assert result.returncode == 0, result.stderr + result.stdout
    return result


def add_indicator(folder: Path) -> None:
    """What an administrator does by hand: one more indicator in a data file, and the catalog version bumped."""
    water = folder / "catalog" / "water.toml"
    water.write_text(water.read_text(encoding="utf-8") + '''
[[indicator]]
code = "water.black_odorous"
name_zh = "城市黑臭水体数"
name_en = "Black and odorous urban water bodies"
unit_zh = "个"
unit_en = "bodies"
type = "integer"
max = 1000
nature = "stock"
''', encoding="utf-8")  # fmt: skip
    index = folder / "catalog" / "catalog.toml"
    index.write_text(index.read_text(encoding="utf-8").replace('version = "2024.3"', 'version = "2024.4"'), encoding="utf-8")


def test_a_new_half_opened_by_the_bureau_reaches_the_district(two, tmp_path):
    bureau, district = two["bureau"], two["district"]
    # The bureau: a new indicator through the data files only, targets copied forward, a deadline.
    cli(bureau, "package", "extract", str(tmp_path / "edit"))
    add_indicator(tmp_path / "edit")
    built = cli(bureau, "package", "build", str(tmp_path / "edit"), "--user", "admin").stdout
    assert "新增指标 water.black_odorous" in built and "2024.3 → 2024.4" in built
    refused = cli(bureau, "target", "copy", "2024H1", "2024H2", "--user", "admin", check=False)
    assert refused.returncode == 1 and "water.excellent_ratio（districts）" in refused.stderr  # an example basis
    cli(bureau, "target", "copy", "2024H1", "2024H2", "--basis", "water.excellent_ratio@municipality=国家考核目标",
        "--basis-zh", "市级目标", "--basis-en", "Municipal target", "--user", "admin")  # fmt: skip
    copied = json.loads(cli(bureau, "target", "list", "2024H2", "--json").stdout)["targets"]
    assert copied and not any(t["example"] or "示例" in t["basis_zh"] for t in copied)
    assert {t["basis_zh"] for t in copied} == {"国家考核目标", "市级目标"}
    cli(bureau, "target", "set", "2024H2", "water.black_odorous", "--units", "all", "--op", "<=", "--value", "0",
        "--basis-zh", "消除城市黑臭水体", "--basis-en", "No black and odorous water", "--user", "admin")  # fmt: skip
    cli(bureau, "deadline", "2024H2", "2025-01-20", "--user", "admin")
    cli(bureau, "package", "export", "-o", str(tmp_path / "setup.ecopkg"))
    # The district: sees what changes, then applies it in one step.
    preview = cli(district, "package", "import", str(tmp_path / "setup.ecopkg"), "--dry-run").stdout
    assert "新增指标 water.black_odorous" in preview and "2024年下半年截止日期 无 → 2025-01-20" in preview
    assert "water.black_odorous" not in cli(district, "catalog").stdout  # nothing applied yet
    cli(district, "package", "import", str(tmp_path / "setup.ecopkg"), "--user", "admin")
    # Every output carries the new indicator.
    assert "water.black_odorous" in cli(district, "catalog").stdout
    cli(district, "set", "500101", "2024H2", "water.black_odorous=1", "--user", "wanzhou")
    shown = json.loads(cli(district, "show", "500101", "2024H2", "--json").stdout)
    assert shown["values"]["water.black_odorous"] == 1 and shown["catalog_version"] == "2024.4"
    assert shown["targets"]["water.black_odorous"]["status"] == "missed"
    checks = json.loads(cli(district, "check", "500101", "2024H2", "--json", check=False).stdout)
    assert any(r["rule"] == "target:water.black_odorous" for r in checks)
    cli(district, "template", "500101", "2024H2", "-o", str(tmp_path / "t.xlsx"))
    cli(district, "export", "500101", "2024H2", "-o", str(tmp_path / "s.xlsx"))
    cli(district, "consolidate", "2024H2", "-o", str(tmp_path / "c.xlsx"))
    from python_calamine import CalamineWorkbook

    for name in ("t.xlsx", "s.xlsx", "c.xlsx"):
        book = CalamineWorkbook.from_path(str(tmp_path / name))
        text = json.dumps([book.get_sheet_by_name(n).to_python() for n in book.sheet_names], ensure_ascii=False, default=str)
        assert "城市黑臭水体数" in text, name
    inbox = json.loads(cli(bureau, "inbox", "2024H2", "--json").stdout)
    assert inbox[0]["deadline"] == "2025-01-20"


def test_a_submission_made_with_an_older_package_is_flagged(two, tmp_path):
    bureau, district = two["bureau"], two["district"]
    cli(bureau, "target", "set", "2024H1", "air.pm25", "--units", "districts", "--op", "<=", "--value", "38",
        "--basis-zh", "区县年度目标", "--basis-en", "District annual target", "--user", "admin")  # fmt: skip
    cli(bureau, "package", "export", "-o", str(tmp_path / "v1.ecopkg"))
    cli(district, "package", "import", str(tmp_path / "v1.ecopkg"), "--user", "admin")
    # The bureau tightens the target again after the district took the package.
    cli(bureau, "target", "set", "2024H1", "air.pm25", "--units", "districts", "--op", "<=", "--value", "35",
        "--basis-zh", "区县年度目标", "--basis-en", "District annual target", "--user", "admin")  # fmt: skip
    cli(district, "key", "export", "500101", "-o", str(tmp_path / "wanzhou.pub"), "--user", "wanzhou_approver")
    cli(bureau, "key", "register", str(tmp_path / "wanzhou.pub"), "--user", "reviewer")
    cli(district, "set", "500101", "2024H1", "--explain", "air.good_ratio=新增两个监测站，优良天数增加属实", "--user", "wanzhou")
    cli(district, "set", "500101", "2024H1", "--explain", "air.pm25=受沙尘天气影响，已核实", "--user", "wanzhou")
    os.environ["ECOREPORT_APPROVER_PASSWORD"] = "ecoreport"
    try:
        cli(district, "submit", "500101", "2024H1", "--approver", "wanzhou_approver", "--user", "wanzhou", "--head", "李局长",
            "--phone", "023-58123456")  # fmt: skip
    finally:
        del os.environ["ECOREPORT_APPROVER_PASSWORD"]
    cli(district, "export", "500101", "2024H1", "-o", str(tmp_path / "s.xlsx"), "--user", "wanzhou")
    result = cli(bureau, "import", str(tmp_path / "s.xlsx"), "--user", "reviewer", "--json", check=False)
    messages = [m["message"] for m in json.loads(result.stdout)]
    assert any("按设置包" in m for m in messages)
    assert any("PM2.5平均浓度（各区县）：<= 38 → <= 35" in m for m in messages)  # in words, not codes


def test_a_broken_package_is_refused_and_changes_nothing(two, tmp_path):
    district = two["district"]
    (tmp_path / "junk.ecopkg").write_text("not a package at all", encoding="utf-8")
    refused = cli(district, "package", "import", str(tmp_path / "junk.ecopkg"), "--user", "admin", check=False)
    assert refused.returncode == 1 and "不是有效的设置包文件" in refused.stderr
    # A package cut short in the copying (as on a USB stick pulled too soon) is said to be so, and what to do.
    whole = tmp_path / "setup.ecopkg"
    cli(two["bureau"], "package", "export", "-o", str(whole))
    for size in (7000, whole.stat().st_size - 30):
        cut = tmp_path / f"cut-{size}.ecopkg"
        cut.write_bytes(whole.read_bytes()[:size])
        damaged = cli(district, "package", "import", str(cut), "--user", "admin", check=False)
        assert damaged.returncode == 1 and "不完整或已损坏" in damaged.stderr and "重新拷贝" in damaged.stderr, damaged.stderr
    cli(district, "package", "extract", str(tmp_path / "edit"))
    air = tmp_path / "edit" / "catalog" / "air.toml"
    air.write_text(air.read_text(encoding="utf-8").replace('type = "decimal"', 'type = "real"', 1), encoding="utf-8")
    broken = cli(district, "package", "build", str(tmp_path / "edit"), "--user", "admin", check=False)
    assert broken.returncode == 1 and "catalog/air.toml" in broken.stderr and "(air.pm25).type" in broken.stderr
    assert cli(district, "package", "build", str(tmp_path / "edit"), "--user", "wanzhou", check=False).returncode == 1


def test_the_setup_screen(qapp, qtbot, two, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.context import open_context
    from desktop.core.semester import Semester
    from desktop.ui.dialogs.setup import CopyTargetsDialog, SetupDialog, TargetForm

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    bureau = open_context(str(two["bureau"]))
    dialog = SetupDialog(bureau, "admin")
    qtbot.addWidget(dialog)
    dialog.half.setCurrentIndex(dialog.half.findData("2024H2"))
    assert dialog.model.rowCount() == 0
    source = bureau.resources.targets.by_semester[Semester(2024, 1)]
    ask = CopyTargetsDialog(bureau, list(source), Semester(2024, 2), dialog)
    qtbot.addWidget(ask)
    blank = [box for box in ask.fields if not box.currentText()]
    assert blank and len(blank) == sum(t.sample for t in source)  # example bases are not offered again
    ask.setResult(CopyTargetsDialog.DialogCode.Accepted)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: warned.append(a[2])))
    assert not dialog.copy_forward(ask) and "需要填写依据" in warned[0]
    for box in blank:
        box.setCurrentIndex(1)  # 市级目标
    assert dialog.copy_forward(ask)
    assert dialog.model.rowCount() == len(source)
    copied = bureau.resources.targets.by_semester[Semester(2024, 2)]
    assert not any(t.sample for t in copied) and {t.basis.en for t in copied} >= {"Municipal target"}
    form = TargetForm(bureau)
    form.code.setCurrentIndex(form.code.findData("air.pm25"))
    form.scope.setCurrentIndex(form.scope.findData("municipality"))
    form.op.setCurrentText("<=")
    form.value.setText("35")
    form.basis_zh.setText("市级年度目标")
    form.basis_en.setText("Municipal annual target")
    form.setResult(TargetForm.DialogCode.Accepted)
    assert dialog.add(form)
    from datetime import date

    from PySide6.QtCore import QDate

    dialog.deadline.setDate(QDate(2025, 1, 20))
    assert dialog.set_deadline()
    assert bureau.resources.targets.deadlines[Semester(2024, 2)] == date(2025, 1, 20)
    city = bureau.resources.targets.for_unit(Semester(2024, 2), bureau.units.municipality)
    assert str(city["air.pm25"].value) == "35"
    package = dialog.export_package(str(tmp_path / "p.ecopkg"))
    district = open_context(str(two["district"]))
    other = SetupDialog(district, "admin")
    qtbot.addWidget(other)
    seen = []
    assert other.import_package(str(package), confirm=lambda version, lines: seen.extend(lines) or True)
    assert any("2025-01-20" in line for line in seen)
    from desktop.store import keys

    assert keys.public_key(bureau.store, bureau.units.municipality)[1] in told[0]  # export shows the fingerprint
    assert any("已登记市局公钥" in t for t in told)
    assert str(district.resources.targets.for_unit(Semester(2024, 2), district.units.municipality)["air.pm25"].value) == "35"
    bureau.store.db.dispose()
    district.store.db.dispose()


def test_packages_carry_the_bureau_signature(two, tmp_path):
    bureau, district = two["bureau"], two["district"]
    exported = cli(bureau, "package", "export", "-o", str(tmp_path / "a.ecopkg")).stdout
    print_ = exported.split("市局公钥指纹 ")[1].split("（")[0]
    first = cli(district, "package", "import", str(tmp_path / "a.ecopkg"), "--user", "admin").stdout
    assert f"首次导入：已登记市局公钥，指纹 {print_}" in first  # what the bureau reads out is what the district sees
    assert f"本机密钥：500000 重庆市 指纹 {print_}" in cli(bureau, "key", "list").stdout
    assert print_ in cli(district, "key", "list").stdout  # registered there, with who and when
    cli(bureau, "deadline", "2024H2", "2025-01-20", "--user", "admin")
    cli(bureau, "package", "export", "-o", str(tmp_path / "b.ecopkg"))
    assert "市局签名有效" in cli(district, "package", "import", str(tmp_path / "b.ecopkg"), "--user", "admin").stdout
    # A package from some other installation posing as the bureau.
    impostor = tmp_path / "impostor.sqlite3"
    shutil.copy(two["district"], impostor)
    cli(impostor, "package", "export", "-o", str(tmp_path / "c.ecopkg"))
    from desktop.context import open_context
    from desktop.store import keys

    ctx = open_context(str(impostor))
    with ctx.store.session() as s:  # give the impostor its own, different key for the city
        from sqlmodel import delete

        from desktop.store.models import InstallationKey

        s.exec(delete(InstallationKey))
        s.commit()
    keys.own_public_key(ctx.store, ctx.units.municipality)
    ctx.store.db.dispose()
    cli(impostor, "package", "export", "-o", str(tmp_path / "c.ecopkg"))
    refused = cli(district, "package", "import", str(tmp_path / "c.ecopkg"), "--user", "admin", check=False)
    assert refused.returncode == 1 and "不是本机已登记的市局公钥" in refused.stderr


def test_values_of_a_removed_indicator_are_kept_and_visible(two, tmp_path):
    district = two["district"]
    cli(district, "set", "500101", "2024H1", "water.river_cases=3", "--user", "wanzhou")
    cli(district, "package", "extract", str(tmp_path / "edit"))
    water = tmp_path / "edit" / "catalog" / "water.toml"
    text = water.read_text(encoding="utf-8")
    start = text.index('[[indicator]]\ncode = "water.river_cases"')
    end = text.index("[[rule]]", start)
    water.write_text(text[:start] + text[end:], encoding="utf-8")
    narrative = tmp_path / "edit" / "narrative.toml"  # its sentence goes too, or the package is refused
    lines = narrative.read_text(encoding="utf-8").split("\n[[paragraph.clause]]")
    narrative.write_text("\n[[paragraph.clause]]".join(c for c in lines if "water.river_cases" not in c), encoding="utf-8")
    built = cli(district, "package", "build", str(tmp_path / "edit"), "--user", "admin").stdout
    assert "移除指标 市级美丽河湖优秀案例（water.river_cases，已填数据保留）" in built
    assert "water.river_cases" not in cli(district, "catalog").stdout
    shown = json.loads(cli(district, "show", "500101", "2024H1", "--json").stdout)
    assert shown["values"]["water.river_cases"] == "3"  # kept, as stored
    history = json.loads(cli(district, "audit", "500101", "--json").stdout)
    assert any(e["code"] == "water.river_cases" and e["new"] == "3" for e in history)


def test_a_reviewer_is_refused_a_deadline_before_any_change_is_listed(two):
    """It printed • 无 → 2024-07-20 as if the change were made, then refused it."""
    before = two["bureau"].read_bytes()
    refused = cli(two["bureau"], "deadline", "2025H1", "2025-08-01", "--user", "reviewer", check=False)
    assert refused.returncode == 1 and "只有管理员可以更改设置" in refused.stderr and refused.stdout == ""
    assert two["bureau"].read_bytes() == before
