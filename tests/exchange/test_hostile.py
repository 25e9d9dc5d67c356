"""Hostile, malformed and huge workbooks: refused with a clear message, database and file untouched."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from desktop.exchange.importer import REFUSED, import_file

from .conftest import H1, file_digest, snapshot
from .helpers import fill, make_template
from .hostile import corpus, meta_tampered, plain_workbook


@pytest.fixture
def valid(ctx, tmp_path):
    return fill(make_template(ctx, "500101", H1, tmp_path / "t.xlsx"), tmp_path / "valid.xlsx", {"water.river_cases": 7})


def test_every_hostile_file_is_refused_cheaply_and_changes_nothing(ctx, valid, tmp_path):
    folder = tmp_path / "nasty"
    folder.mkdir()
    files = corpus(valid, folder)
    before = snapshot(ctx)
    for name, path in files.items():
        digest = file_digest(path)
        tracemalloc.start()
        start = time.perf_counter()
        result = import_file(ctx.store, path, "wanzhou")
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert result.status == REFUSED, name
        message = result.problems[0].text
        assert message.zh and message.en and "Traceback" not in message.en, name
        assert peak < 40 * 1024 * 1024, f"{name}: {peak / 1e6:.0f} MB"
        assert elapsed < 5, f"{name}: {elapsed:.1f} s"
        assert file_digest(path) == digest, name
    assert snapshot(ctx) == before


@pytest.mark.parametrize(
    "name, expect",
    [
        ("not a zip (CSV renamed)", "不是有效的 Excel 工作簿"),
        ("zip bomb (ratio)", "压缩"),
        ("declared size over the limit", "过大"),
        ("billion laughs", "XML 实体"),
        ("external entity", "XML 实体"),
        ("absurd sheet size", "工作表过大"),
        ("path traversal", "非法路径"),
        ("too many parts", "部件过多"),
        ("data before the zip", "不是有效的 Excel 工作簿"),
    ],
)
def test_each_kind_says_what_is_wrong(ctx, valid, tmp_path, name, expect):
    path = corpus(valid, tmp_path, only=name)[name]
    result = import_file(ctx.store, path, "wanzhou")
    assert expect in result.problems[0].text.zh


def test_a_workbook_not_made_by_ecoreport(ctx, tmp_path):
    result = import_file(ctx.store, plain_workbook(tmp_path / "plain.xlsx"), "wanzhou")
    assert result.status == REFUSED and "标识页" in result.problems[0].text.zh


@pytest.mark.parametrize("field, value", [("first_row", "999999999"), ("sheet", "不存在"), ("semester", "2024H7"),
                                          ("kind", "macro"), ("value_col", "-3"), ("unit", "999999")])  # fmt: skip
def test_a_tampered_identity_sheet(ctx, valid, tmp_path, field, value):
    before = snapshot(ctx)
    result = import_file(ctx.store, meta_tampered(valid, tmp_path / "m.xlsx", field, value), "wanzhou")
    assert result.status == REFUSED and result.problems[0].text.zh
    assert snapshot(ctx) == before


def test_a_missing_file(ctx, tmp_path):
    result = import_file(ctx.store, tmp_path / "nope.xlsx", "wanzhou")
    assert result.status == REFUSED and "无法读取文件" in result.problems[0].text.zh


def test_a_formula_is_noticed_whatever_prefix_its_writer_gave_the_element(tmp_path):
    """The safety pass tells the reader whether any cell holds a formula (so a workbook without one is read once):
    a writer that prefixes the sheet's namespace (`<x:f>`, as the Open XML SDK does) is noticed too."""
    import zipfile

    import openpyxl

    from desktop.exchange.safety import inspect_workbook, read_workbook_file

    valid, wb = tmp_path / "values.xlsx", openpyxl.Workbook()
    wb.active.append(["<f>", "a <formula> in text", 1.5])  # text that looks like a formula is escaped: not one
    wb.save(valid)
    assert inspect_workbook(read_workbook_file(valid)) is False
    for element in (b"<f>1+1</f>", b"<x:f>1+1</x:f>", b'<f t="shared" ref="E5:E6" si="0"/>'):
        path = tmp_path / "formula.xlsx"
        with zipfile.ZipFile(valid) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename.startswith("xl/worksheets/") and b"</sheetData>" in data:
                    data = data.replace(b"</sheetData>", b'<row r="4999"><c r="A4999">' + element + b"</c></row></sheetData>", 1)
                target.writestr(item, data)
        assert inspect_workbook(read_workbook_file(path)) is True, element
    # A sheet whose relationship puts it outside xl/worksheets/ is read all the same, so its formulas are seen too.
    moved = tmp_path / "moved.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(moved, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item).replace(b"worksheets/sheet1.xml", b"sheetdata/sheet1.xml")
            target.writestr(item.filename.replace("xl/worksheets/sheet1.xml", "xl/sheetdata/sheet1.xml"), data)
    assert inspect_workbook(read_workbook_file(moved)) is True
    assert openpyxl.load_workbook(moved).active["A4999"].data_type == "f"  # what the reader would then find


def test_the_quick_formula_search_finds_exactly_what_the_plain_pattern_finds():
    """The scan looks for a formula element from where its name ends; on any text it must agree with the plain
    pattern (`<`, an optional `prefix:`, `f`, then a space, `>` or `/`)."""
    import random
    import re

    from desktop.exchange.safety import _has_formula

    plain = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
    cases = [b"<f>", b"<x:f t='shared'/>", b"<f\n>", b"<formula>", b"<firstHeader>", b"a:f >", b"<a b:f>", b"<<f/",
             b"<x.y-z:f>", b"<1:f>", b"< f>", b"<:f>", b"<x:<f>", b"f>", b"<", b""]  # fmt: skip
    cases += [b"f " * 70 + b"<x:f>", b"f>" * 70, b"<a " + b"f/" * 70 + b"<f ", b"<f " + b"f " * 70]  # many places
    rng = random.Random(17)
    cases += [bytes(rng.choice(b"<>f:/ x_.-1\n") for _ in range(rng.randrange(12))) for _ in range(20000)]
    for text in cases:
        assert _has_formula(text) == (plain.search(text) is not None), text


def test_the_file_checked_is_the_file_taken_even_if_it_changes_while_it_is_read(ctx, valid, tmp_path, monkeypatch):
    """A file on a stick or in a synced folder can change between reads. The workbook is read once: the bytes the
    safety pass checked are the bytes hashed into the audit log and the bytes whose values are taken."""
    import hashlib

    from desktop.core.values import to_storage
    from desktop.exchange import reader

    original = valid.read_bytes()
    other = fill(make_template(ctx, "500101", H1, tmp_path / "t2.xlsx"), tmp_path / "other.xlsx", {"water.river_cases": 99})
    checked = reader.inspect_workbook

    def then_replaced(source):
        found = checked(source)
        valid.write_bytes(other.read_bytes())  # the file changes right after the check
        return found

    monkeypatch.setattr(reader, "inspect_workbook", then_replaced)
    result = import_file(ctx.store, valid, "wanzhou")
    assert result.status != REFUSED, result.problems
    values, _ = ctx.store.all_units(H1)["500101"]
    assert to_storage(values["water.river_cases"]) == "7"
    with ctx.store.db.engine.connect() as conn:
        reason = conn.exec_driver_sql("SELECT reason FROM audit WHERE action LIKE 'import.%' ORDER BY id DESC").scalar()
    assert reason.startswith(f"sha256:{hashlib.sha256(original).hexdigest()} ")


def test_a_part_made_to_slow_the_formula_search_costs_no_more_than_one_plain_search(valid, tmp_path):
    """A part full of places where a formula's name could end (and no "<" to start one) must not make the scan
    look back from each: it stays about as quick as one search of the part."""
    import os
    import zipfile

    from desktop.exchange.safety import inspect_workbook, read_workbook_file

    half = 12 * 1024 * 1024
    body = bytearray(2 * half)
    body[0::2] = b"f" * half
    body[1::2] = os.urandom(half).translate(bytes(b" \t\r\n>/"[i % 6] for i in range(256)))  # compresses like text
    slow = tmp_path / "slow.xlsx"
    with zipfile.ZipFile(valid) as source, zipfile.ZipFile(slow, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/media/notes.xml", bytes(body))
    start = time.process_time()
    inspect_workbook(read_workbook_file(slow))
    assert time.process_time() - start < 3


def test_the_checks_a_file_says_its_district_ran_are_kept_only_whole_and_short(resources):
    """They are shown to the reviewer beside the district's 说明: what cannot be one of the catalog's checks is dropped."""
    import json
    from types import SimpleNamespace

    from desktop.exchange.claims import signed_checks
    from desktop.exchange.meta import chunked

    good = {"rule": "yoy:air.good_ratio", "kind": "yoy", "severity": "warning", "codes": ["air.good_ratio"], "zh": "同比变化",
            "en": "change", "explained": True}
    items = [good, {**good, "severity": "fatal"}, {**good, "codes": ["no.such"]}, {**good, "codes": []}, {**good, "zh": 5},
             "text", {**good, "zh": "长" * 5000, "explained": "yes"}]
    book = lambda text: SimpleNamespace(meta=chunked("checks", text))  # noqa: E731
    kept = signed_checks(book(json.dumps(items)), resources.catalog)
    assert kept[0] == good and len(kept) == 2 and len(kept[1]["zh"]) == 500 and kept[1]["explained"] is False
    assert signed_checks(book("{not json"), resources.catalog) == [] and signed_checks(book('{"a": 1}'), resources.catalog) == []
    assert signed_checks(SimpleNamespace(meta={"checks_parts": "99999999", "checks.0": "[]"}), resources.catalog) == []
    assert len(signed_checks(book(json.dumps([good] * 5000)), resources.catalog)) == 2000
