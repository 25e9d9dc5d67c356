"""`ecoreport`: the entry point. Without a command it opens the GUI."""

from __future__ import annotations

import argparse
import sys

from desktop import __version__
from desktop.cli.words import CHINESE, Words, parser_class, words


def _common(parser: argparse.ArgumentParser, suppress: bool, t: Words = CHINESE) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", default=default, metavar="PATH_OR_URL",
                        help=t("数据库文件或地址（默认：环境变量 ECOREPORT_DB，或用户数据目录）",
                               "database file or URL (default: ECOREPORT_DB or the user data directory)"))  # fmt: skip
    parser.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS if suppress else "zh",
                        help=t("提示与帮助的语言（默认 zh）", "language of messages (default zh)"))  # fmt: skip
    parser.add_argument("--user", default=argparse.SUPPRESS if suppress else None,
                        help=t("以该用户身份操作，须其密码（终端输入，或环境变量 ECOREPORT_PASSWORD）；记入审计日志",
                               "act as this user, with their password (a prompt, or ECOREPORT_PASSWORD); "
                               "recorded in the audit log"))  # fmt: skip


def _options(add_help: bool = True, lang: str = "zh") -> argparse.ArgumentParser:
    """The options that come before any command (all the GUI takes)."""
    t = words(lang)
    parser = parser_class(lang)(prog="ecoreport", description="EcoReport 生态环境半年报填报审核系统", add_help=add_help)
    parser.add_argument("--version", action="version", version=f"EcoReport {__version__}",
                        help=t("显示版本号并退出", "show the version and exit"))  # fmt: skip
    parser.add_argument("--startup-benchmark", nargs="?", const="main", choices=("login", "main"),
                        help=t("打开图形界面（main：在演示数据库上以演示用户登录），输出到首次绘制的秒数和内存峰值后退出",
                               "open the GUI (main: logged in as a demo user on the demo database), "
                               "print seconds to first paint and peak memory, and exit"))  # fmt: skip
    parser.add_argument("--input-check", nargs="?", type=int, const=0, metavar="SECONDS",
                        help=t("不登录，打开输入法检查窗口；关闭时（或 SECONDS 秒后）输出输入的文字，含汉字才以 0 退出",
                               "open the input method check without logging in; on closing (or after SECONDS) "
                               "print what was typed, and exit 0 only if it holds Chinese"))  # fmt: skip
    _common(parser, suppress=False, t=t)
    return parser


MODULES = ("admin", "values", "exchange", "review", "keys", "users", "setup")  # in the order help lists them
# The module that registers each command, so that running one loads only its own (tests/cli checks the list).
COMMANDS = {
    **dict.fromkeys(("init", "backup", "restore", "selftest", "catalog", "audit"), "admin"),
    **dict.fromkeys(("set", "submit", "withdraw", "show", "check"), "values"),
    **dict.fromkeys(("template", "import", "export", "consolidate", "report"), "exchange"),
    **dict.fromkeys(("inbox", "review"), "review"),
    "key": "keys",
    **dict.fromkeys(("user", "account"), "users"),
    **dict.fromkeys(("package", "target", "deadline"), "setup"),
}


def build_parser(command: str | None = None, lang: str = "zh") -> argparse.ArgumentParser:
    """Every command; or, given a command's name, only the commands of its module. Help in `lang`."""
    import importlib

    t = words(lang)
    parser = _options(lang=lang)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("命令", "commands"))
    common = parser_class(lang)(add_help=False)  # of the same class: its options join each command's, not a group apart
    _common(common, suppress=True, t=t)
    for name in (COMMANDS[command],) if command in COMMANDS else MODULES:
        importlib.import_module(f"desktop.cli.{name}").register(sub, common, t)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Runs a parsed command; every refusal becomes a message in the user's language and an exit code."""
    from desktop.cli.errors import EXIT_BAD_INPUT, EXIT_BROKEN, EXIT_OK, EXIT_REFUSED, BadInput
    from desktop.core.loading import CatalogError
    from desktop.core.text import Text, UserError

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
    finally:
        for ctx in getattr(args, "opened", ()):
            ctx.close()


def parse(argv: list[str]) -> argparse.Namespace:
    args, rest = _options(add_help=False).parse_known_args(argv)
    if rest or any(a in ("-h", "--help") for a in argv):  # a command, or help
        command = rest[0] if rest and rest[0] in COMMANDS else None  # else every command, for help or the error
        args = build_parser(command, args.lang or "zh").parse_args(argv)
    else:  # the GUI: its window comes up without loading the command line's modules
        args.command = None
    args.lang_given = args.lang is not None
    args.lang = args.lang or "zh"
    return args
