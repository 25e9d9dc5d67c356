"""Signed submissions: where a workbook comes from, and that nobody edited it since."""

from __future__ import annotations

import os
import subprocess
import sys

import openpyxl
import pytest
from conftest import sign_off

from desktop.core.fingerprint import fingerprint
from desktop.core.semester import Semester
from desktop.exchange.export import submission_workbook
from desktop.exchange.importer import IMPORTED, REFUSED, UNCHANGED, import_file
from desktop.exchange.save import save_workbook
from desktop.store import keys

H1 = Semester(2024, 1)


@pytest.fixture
def pair(installations):
    return installations


def export(ctx, code, path):
    """万州区 signs off (which makes its key) and exports its submission."""
    if ctx.submissions.status(ctx.units.find(code), H1) == "draft":
        sign_off(ctx, code, H1)
    return save_workbook(submission_workbook(ctx.store, ctx.units.find(code), H1), path)


def reason(result):
    return result.problems[0].text.zh if result.problems else ""


def test_an_unregistered_key_then_the_registered_one(pair, tmp_path):
    district, bureau = pair
    path = export(district, "500101", tmp_path / "s.xlsx")
    result = import_file(bureau.store, path, "reviewer")
    assert result.status == REFUSED and "尚未登记" in reason(result)
    book = openpyxl.load_workbook(path)
    assert not any("草稿" in name for name in book.sheetnames)
    unit = bureau.units.find("500101")
    keys.register(bureau.store, "reviewer", unit, keys.own_public_key(district.store, unit)[0])
    assert import_file(bureau.store, path, "reviewer").status in (IMPORTED, UNCHANGED)


def test_a_key_registered_to_another_district(pair, tmp_path):
    district, bureau = pair
    wanzhou, yuzhong = bureau.units.find("500101"), bureau.units.find("500103")
    path = export(district, "500101", tmp_path / "s.xlsx")
    keys.register(bureau.store, "reviewer", yuzhong, keys.own_public_key(district.store, wanzhou)[0])
    result = import_file(bureau.store, path, "reviewer")
    assert result.status == REFUSED and "登记给了渝中区" in reason(result)
    with pytest.raises(Exception, match="already registered"):
        keys.register(bureau.store, "reviewer", wanzhou, keys.own_public_key(district.store, wanzhou)[0])


def test_a_value_edited_after_signing_even_with_a_recomputed_fingerprint(pair, tmp_path):
    district, bureau = pair
    unit = bureau.units.find("500101")
    path = export(district, "500101", tmp_path / "s.xlsx")
    keys.register(bureau.store, "reviewer", unit, keys.own_public_key(district.store, unit)[0])
    wb = openpyxl.load_workbook(path)
    values = {}
    for row in wb["数据表"].iter_rows(min_row=7):
        if row[0].value == "enf.penalties":
            row[4].value = 1  # fewer penalties look better
    meta = {r[0].value: r[1] for r in wb["_ecoreport"].iter_rows()}
    half = district.store.unit_half(district.units.find("500101"), H1)
    values = dict(half.raw, **{"enf.penalties": 1})
    meta["fingerprint"].value = fingerprint("500101", "2024H1", district.catalog.version, values, half.explanations)
    wb.save(path)
    result = import_file(bureau.store, path, "reviewer")
    assert result.status == REFUSED and "签名无效" in reason(result)
    # The refusal names the cell: where it is, what was signed, what the file has now.
    cell = next(p for p in result.problems if p.code == "enf.penalties")
    signed = str(half.raw["enf.penalties"])
    assert cell.message("zh") == f"数据表!{cell.cell}: “环境行政处罚案件”签署时为“{signed}”，文件中为“1”"
    assert len([p for p in result.problems if p.code]) == 1  # only the changed one


def test_every_changed_cell_is_named_when_the_fingerprint_was_left_alone(pair, tmp_path):
    district, bureau = pair
    unit = bureau.units.find("500101")
    path = export(district, "500101", tmp_path / "s.xlsx")
    keys.register(bureau.store, "reviewer", unit, keys.own_public_key(district.store, unit)[0])
    wb = openpyxl.load_workbook(path)
    for row in wb["数据表"].iter_rows(min_row=7):
        if row[0].value == "air.pm25":
            row[4].value = 30.5
        if row[0].value == "water.river_cases":
            row[4].value = None
    wb.save(path)
    result = import_file(bureau.store, path, "reviewer")
    named = {p.code: p.message("zh") for p in result.problems if p.code}
    assert result.status == REFUSED and set(named) == {"air.pm25", "water.river_cases"}
    assert "签署时为“38.1”，文件中为“30.5”" in named["air.pm25"] and "文件中为“空”" in named["water.river_cases"]


def test_an_unsigned_workbook(pair, tmp_path):
    district, bureau = pair
    path = export(district, "500101", tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    for row in wb["_ecoreport"].iter_rows():
        if row[0].value == "signature":
            row[1].value = ""
    wb.save(path)
    assert "没有签名" in reason(import_file(bureau.store, path, "reviewer"))


def test_key_files_on_the_command_line(pair, tmp_path):
    district, bureau = pair
    run = lambda ctx, *a: subprocess.run([sys.executable, "-m", "desktop", "--db", ctx.store.db.url.removeprefix("sqlite:///"),  # noqa: E731
                                          *a, *([] if "--user" in a else ["--user", "admin"])], capture_output=True,
                                         text=True, env=dict(os.environ, ECOREPORT_PASSWORD="ecoreport"))  # fmt: skip
    refused = run(district, "key", "export", "500101", "-o", str(tmp_path / "wanzhou.pub"), "--user", "wanzhou")
    assert refused.returncode == 1 and "审核人" in refused.stderr  # the key is made by an approver, with their password
    out = run(district, "key", "export", "500101", "-o", str(tmp_path / "wanzhou.pub"), "--user", "wanzhou_approver").stdout
    print_ = keys.own_public_key(district.store, district.units.find("500101"))[1]
    assert print_ in out and len(print_) == 24  # five groups of four, to read over the phone
    registered = run(bureau, "key", "register", str(tmp_path / "wanzhou.pub"), "--user", "reviewer")
    assert registered.returncode == 0 and print_ in registered.stdout
    assert print_ in run(bureau, "key", "list").stdout
    (tmp_path / "junk.pub").write_text("not a key")
    assert "不是有效的公钥文件" in run(bureau, "key", "register", str(tmp_path / "junk.pub"), "--user", "reviewer").stderr
    refused = run(bureau, "key", "register", str(tmp_path / "wanzhou.pub"), "--user", "wanzhou")
    assert refused.returncode == 1
