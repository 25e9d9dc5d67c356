"""Fuzzing the importer with Hypothesis: mutated real workbooks never raise, never write half a file."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.exchange.importer import IMPORTED, REFUSED, UNCHANGED, import_file

from .conftest import H1, snapshot
from .helpers import make_submission, make_template

CASES = 120


@pytest.fixture(scope="module")
def world(tmp_path_factory, demo_db, resources):
    """One database and two real workbooks (a filled template, a submission) to mutate."""
    import shutil

    from desktop.context import open_context

    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(demo_db, folder / "db.sqlite3")
    ctx = open_context(str(folder / "db.sqlite3"), resources=resources)
    template = make_template(ctx, "500101", H1, folder / "t.xlsx").read_bytes()
    submission = make_submission(ctx, "500112", H1, folder / "s.xlsx").read_bytes()
    yield ctx, folder, {"template": template, "submission": submission}
    ctx.store.db.dispose()


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def rezip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buffer.getvalue()


texts = st.one_of(st.text(max_size=30), st.sampled_from(["-1", "1e309", "NaN", "=1+1", "Ⅱ", "99999999999999999999", "0.000001",
                                                        "<!DOCTYPE x>", "&amp;", "\x00", "2024H9", "500199"]))  # fmt: skip


@st.composite
def mutated(draw, originals):
    kind = draw(st.sampled_from(["template", "submission"]))
    data = originals[kind]
    how = draw(st.sampled_from(["flip", "truncate", "xml", "meta", "drop"]))
    if how == "flip":
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 20))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return bytes(raw)
    if how == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    parts = entries(data)
    if how == "drop":
        del parts[draw(st.sampled_from(sorted(parts)))]
        return rezip(parts)
    sheets = sorted(n for n in parts if n.startswith("xl/worksheets/"))
    name = draw(st.sampled_from(sheets)) if how == "xml" else sheets[-1]  # the identity sheet is the last one
    xml = parts[name].decode("utf-8")
    values = [m for m in range(len(xml)) if xml.startswith("<v>", m)] or [0]
    at = draw(st.sampled_from(values))
    end = xml.find("</v>", at)
    if end > at:
        replacement = draw(texts).replace("<", "&lt;")
        xml = xml[: at + 3] + replacement + xml[end:]
    else:
        xml = xml[: draw(st.integers(0, len(xml)))] + draw(texts)
    parts[name] = xml.encode("utf-8", "surrogatepass")
    return rezip(parts)


@settings(max_examples=CASES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_workbooks_are_refused_cleanly_or_imported_whole(world, data):
    ctx, folder, originals = world
    blob = data.draw(mutated(originals))
    path = folder / "case.xlsx"
    path.write_bytes(blob)
    before = snapshot(ctx)
    user = "reviewer" if b"submission" in blob else "wanzhou"
    result = import_file(ctx.store, path, user)  # must not raise, whatever the bytes
    assert result.status in (IMPORTED, UNCHANGED, REFUSED)
    if result.status == REFUSED:
        assert result.problems and all(p.text.zh and p.text.en for p in result.problems)
        assert snapshot(ctx) == before  # nothing partial
    assert path.read_bytes() == blob  # the file is never touched
