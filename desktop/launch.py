"""`ecoreport`: the entry point. With a command it runs the command line; without one it opens the GUI."""

from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    from desktop.cli.main import parse, run_command

    args = parse(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        return _gui(args)
    return run_command(args)


def _gui(args: argparse.Namespace) -> int:
    import importlib.util

    try:
        found = importlib.util.find_spec("desktop.ui.app") is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        from desktop.cli.errors import EXIT_OK
        from desktop.core.text import Text

        message = Text(
            "图形界面尚未完成；请使用命令行，例如 ecoreport --help、ecoreport show 500101 2024H1",
            "The graphical interface is not built yet; use the command line, e.g. ecoreport --help, "
            "ecoreport show 500101 2024H1",
        )
        print(message(args.lang), file=sys.stderr)
        return EXIT_OK
    from desktop.ui.app import run  # Qt is loaded only for the GUI

    return run(args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    raise SystemExit(main())
