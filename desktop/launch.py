"""`ecoreport`: the entry point. With a command it runs the command line; without one it opens the GUI."""

from __future__ import annotations

import argparse
import os
import sys


def entry() -> int:
    """The program's entry (the `ecoreport` command, `python -m desktop`, the bundle): main, with the collector
    managed for a process that loads, works and ends (see desktop.collector)."""
    from desktop import collector

    collector.loading()
    code = main()
    collector.ending()
    return code


def main(argv: list[str] | None = None) -> int:
    from desktop.cli.main import parse, run_command

    args = parse(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        return _gui(args)
    return run_command(args)


def _gui(args: argparse.Namespace) -> int:
    try:
        from desktop.ui.app import run  # Qt is loaded only for the GUI
    except ImportError as exc:  # an installation without Qt (a server's command line only)
        if not (exc.name or "").startswith(("PySide6", "shiboken6")):
            raise
        from desktop.cli.errors import EXIT_BROKEN
        from desktop.core.text import Text

        message = Text(f"无法启动图形界面（缺少 {exc.name}）；命令行仍可使用，例如 ecoreport --help",
                       f"The graphical interface cannot start ({exc.name} is missing); the command line works, "
                       "e.g. ecoreport --help")  # fmt: skip
        print(message(args.lang), file=sys.stderr)
        return EXIT_BROKEN
    return run(args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    raise SystemExit(entry())
