"""The manual page is written from the command line's own help: every command and verb with its options."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

MANPAGE = Path(__file__).resolve().parents[2] / "installer" / "manpage.py"


@pytest.mark.skipif(not MANPAGE.exists(), reason="installer/ belongs to the source tree, not to the installed package")
def test_the_manual_page_gives_each_command_and_verb_with_its_own_options():
    spec = importlib.util.spec_from_file_location("manpage", MANPAGE)
    manpage = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(manpage)
    page = manpage.page()
    # A verb's options, not only its name (an IT person reading `man ecoreport` for `package import --dry-run`).
    assert '.SS "ecoreport package import"' in page and "\\-\\-dry\\-run" in page
    assert '.SS "ecoreport restore"' in page and "\\-\\-older" in page
    assert '.SS "ecoreport target set"' in page and "\\-\\-basis\\-zh" in page
    # The options every command shares are described once, not under each command; no argparse "usage:" prefix.
    assert page.count("\\-\\-db PATH_OR_URL") == 1
    assert "用法：" not in page and "usage:" not in page
