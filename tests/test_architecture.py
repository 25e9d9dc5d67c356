"""Layering rules, enforced by ruff: only desktop/ui may import Qt."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def ruff(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=REPO, input=stdin, capture_output=True, text=True)


def test_the_tree_is_lint_clean():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_qt_is_banned_outside_the_ui_package():
    code = "from PySide6.QtWidgets import QWidget\nimport PySide6.QtCore\n\nprint(QWidget, PySide6)\n"
    for path in ("desktop/core/probe.py", "desktop/store/probe.py", "desktop/cli/probe.py"):
        result = ruff("check", "--stdin-filename", path, "-", stdin=code)
        assert result.returncode == 1 and "TID251" in result.stdout, path
    result = ruff("check", "--stdin-filename", "desktop/ui/probe.py", "-", stdin=code)
    assert "TID251" not in result.stdout


def test_the_core_imports_neither_qt_nor_the_database():
    probe = (
        "import sys, desktop.core.checks, desktop.core.loading, desktop.core.consolidation;"
        "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'sqlmodel', 'alembic')])"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
