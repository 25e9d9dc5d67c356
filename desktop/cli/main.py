"""`ecoreport`: the entry point. Without a command it opens the GUI."""

from __future__ import annotations

import argparse
import os
import sys
import time

from desktop import __version__
from desktop.core.text import Text, UserError

STARTED = time.perf_counter()  # for --startup-benchmark

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_BROKEN = 0, 1, 2, 3


class BadInput(UserError):
    """Input that names nothing real (an unknown unit, a malformed half): exit code 2."""


def _common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        default=default,
        metavar="PATH_OR_URL",
        help="database file or URL (default: ECOREPORT_DB or the user data directory)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=argparse.SUPPRESS if suppress else "zh",
        help="language of messages (default zh)",
    )
    parser.add_argument("--user", default=argparse.SUPPRESS if suppress else "admin",
                        help="act as this user (default admin); recorded in the audit log")  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    from desktop.cli import admin, exchange, keys, review, setup, users, values

    parser = argparse.ArgumentParser(prog="ecoreport", description="EcoReport 生态环境半年报填报审核系统")
    parser.add_argument("--version", action="version", version=f"EcoReport {__version__}")
    parser.add_argument("--startup-benchmark", nargs="?", const="main", choices=("login", "main"),
                        help="open the GUI (main: logged in as a demo user on the demo database), "
                             "print seconds to first paint and peak memory, and exit")  # fmt: skip
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    _common(common, suppress=True)
    for module in (admin, values, exchange, review, keys, users, setup):
        module.register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang_given = args.lang is not None
    args.lang = args.lang or "zh"
    if args.command is None:
        return _gui(args)
    from desktop.core.loading import CatalogError

    try:
        return args.run(args)
    except BadInput as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    except UserError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # `ecoreport show … | head`
        sys.stderr.close()
        return EXIT_OK
    except CatalogError as exc:
        text = Text("数据文件有误，程序无法启动：", "A data file is broken; EcoReport cannot start: ")
        print(text(args.lang) + str(exc), file=sys.stderr)
        return EXIT_BROKEN


def _gui(args: argparse.Namespace) -> int:
    import importlib.util

    try:
        found = importlib.util.find_spec("desktop.ui.app") is not None
    except ModuleNotFoundError:
        found = False
    if not found:
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
