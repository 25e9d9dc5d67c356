"""A set-up package's files in the cache: the window and a command line may open the same set-up at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import packages

CONTENT = {"catalog/catalog.toml": 'version = "2024.3"\n', "units.toml": "[[unit]]\ncode = \"500101\"\n"}


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "packages"
    monkeypatch.setattr(packages, "cache_dir", lambda sha: root / sha)
    return root


def read_back(folder: Path) -> dict[str, str]:
    return {rel: (folder / rel).read_text(encoding="utf-8") for rel in CONTENT}


def test_a_set_up_appears_in_the_cache_whole_or_not_at_all(cache, monkeypatch):
    sha = packages.digest(CONTENT)
    in_place_while_writing: list[bool] = []
    write_text = Path.write_text

    def watched(self, *args, **kwargs):
        in_place_while_writing.append((cache / sha).exists())
        return write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", watched)
    folder = packages.materialise(CONTENT)
    assert in_place_while_writing and not any(in_place_while_writing)  # another reader finds nothing, not half
    assert folder == cache / sha and read_back(folder) == CONTENT and (folder / ".complete").read_text() == sha
    assert [p.name for p in cache.iterdir()] == [sha]  # nothing left beside it
    assert packages.materialise(CONTENT) == folder  # once: a second open reads what is there


def test_a_half_written_set_up_left_by_an_older_version_is_written_again_whole(cache):
    sha = packages.digest(CONTENT)
    (cache / sha).mkdir(parents=True)
    (cache / sha / "units.toml").write_text("", encoding="utf-8")  # cut off, and no marker
    folder = packages.materialise(CONTENT)
    assert read_back(folder) == CONTENT and (folder / ".complete").read_text() == sha
    assert [p.name for p in cache.iterdir()] == [sha]
