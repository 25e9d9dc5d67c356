"""What start-up leaves out: the GUI does not load the command line's modules, and PySide6 does not read the source
of the modules loaded after it (the database stack, after login)."""

from __future__ import annotations

import json
import subprocess
import sys


def run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_gui_is_parsed_without_the_command_modules_and_a_command_with_them():
    seen = run("import json, sys\nfrom desktop.cli.main import parse\n"
               "gui = parse(['--db', 'x.sqlite3', '--lang', 'en'])\n"
               "before = sorted(m for m in sys.modules if m.startswith('desktop.cli.') and m not in ('desktop.cli.main', 'desktop.cli.words'))\n"
               "cmd = parse(['--db', 'x.sqlite3', 'show', '500101', '2024H1'])\n"
               "print(json.dumps({'gui': [gui.command, gui.db, gui.lang], 'before': before, 'cmd': cmd.command}))")  # fmt: skip
    assert seen == {"gui": [None, "x.sqlite3", "en"], "before": [], "cmd": "show"}


def test_pyside_does_not_read_the_source_of_the_database_stack():
    """PySide6 scans each module imported after it for the word PySide6 (for its __feature__ switches): for the
    database stack that is hundreds of files read at start-up, and their text kept in memory."""
    seen = run("import json, linecache\nimport desktop.ui.app\nimport desktop.context\n"
               "print(json.dumps(sorted(f for f in linecache.cache if f.endswith('.py') and ('sqlalchemy' in f or 'desktop/store' in f))))")
    assert seen == []


def test_the_windows_carry_the_applications_icon_drawn_from_its_file(qapp):
    """The icon in the title bar and the task bar: a missing file or image plugin would leave a blank square, silently."""
    from desktop.ui.icon import app_icon

    image = app_icon().pixmap(48, 48).toImage()
    assert not image.isNull() and image.width() == 48
    drawn = sum(image.pixelColor(x, y).alpha() > 0 for x in range(48) for y in range(48))
    assert drawn > 48 * 48 // 4, drawn  # drawn, not an empty square
