"""Writes ecoreport(1) from the command line's own argparse help, so the manual page never drifts from it.

Usage: python installer/manpage.py OUT.1
"""

from __future__ import annotations

import argparse
import datetime
import sys


def esc(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace("-", "\\-").replace("\n.", "\n\\&.")


def options(parser: argparse.ArgumentParser, skip: frozenset[str] = frozenset()) -> list[str]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS or action.dest in skip:
            continue
        flags = ", ".join(action.option_strings) or action.metavar or action.dest
        if action.option_strings and action.nargs != 0:
            flags += " " + (action.metavar or action.dest.upper())
        out += [".TP", f"\\fB{esc(flags)}\\fR", esc(action.help or "")]
    return out


def usage(parser: argparse.ArgumentParser) -> str:
    """The synopsis without argparse's "usage:" (or its Chinese) and the options every command shares."""
    text = parser.format_usage().strip()
    for prefix in ("usage:", "用法："):
        text = text.removeprefix(prefix).strip()
    text = " ".join(text.split()) + " "
    for shared in ("[-h] ", "[--db PATH_OR_URL] ", "[--lang {zh,en}] ", "[--user USER] "):
        text = text.replace(shared, "")
    return text.strip()


def command_section(title: str, parser: argparse.ArgumentParser, about: str | None) -> list[str]:
    """A command (or a command's verb): its synopsis, what it does, and its own options."""
    import textwrap

    synopsis = textwrap.wrap(usage(parser), 72, subsequent_indent="    ", break_on_hyphens=False, break_long_words=False)
    return [f'.SS "{esc(title)}"', ".nf", *(f"\\fB{esc(line)}\\fR" for line in synopsis), ".fi", ".PP", esc(about or ""),
            *options(parser, SHARED)]


SHARED = frozenset({"help", "db", "lang", "user"})  # described once, under OPTIONS


def page() -> str:
    from desktop import __version__
    from desktop.cli.main import build_parser

    parser = build_parser()
    lines = [f'.TH ECOREPORT 1 "{datetime.date.today():%Y-%m-%d}" "EcoReport {__version__}" "User Commands"',
             ".SH NAME", "ecoreport \\- 生态环境半年报填报审核系统 (half-year ecological-environment reporting)",
             ".SH SYNOPSIS", "\\fBecoreport\\fR [\\fIoptions\\fR] [\\fICOMMAND\\fR [\\fIarguments\\fR]]",
             ".SH DESCRIPTION", esc("Without a command, opens the graphical interface. With a command, works on the database "
                                    "from the command line; --user names the acting user, whose password is asked for at "
                                    "the terminal or read from ECOREPORT_PASSWORD."),
             ".SH OPTIONS", *options(parser), ".SH COMMANDS",
             esc("Each command also takes --db, --lang and --user, as above, and -h for its help.")]  # fmt: skip
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in sub._choices_actions}
    for name, command in sub.choices.items():
        lines += command_section(f"ecoreport {name}", command, helps.get(name))
        verbs = next((a for a in command._actions if isinstance(a, argparse._SubParsersAction)), None)
        if verbs is not None:
            verb_helps = {c.dest: c.help for c in verbs._choices_actions}
            for verb, verb_parser in verbs.choices.items():
                lines += command_section(f"ecoreport {name} {verb}", verb_parser, verb_helps.get(verb))
    lines += [".SH EXIT STATUS", "0 done; 1 refused (nothing stored) or errors found; 2 bad input or no password; 3 broken data file.",
              ".SH ENVIRONMENT", ".TP", "ECOREPORT_DB", "database file or URL", ".TP", "ECOREPORT_PASSWORD",
              "the password of the --user, for scripts", ".TP", "ECOREPORT_APPROVER_PASSWORD", "the approver's password at sign-off"]  # fmt: skip
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write(page())
