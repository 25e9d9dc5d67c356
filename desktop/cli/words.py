"""The command line's help in the language of its messages: Chinese, or English with --lang en. argparse's own
words (usage, the section titles, -h, its common errors) are given here too, since it only speaks English."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from desktop.core.text import display_width

Words = Callable[[str, str], str]  # (zh, en) -> the one in the chosen language


def words(lang: str) -> Words:
    return (lambda zh, en: zh) if lang == "zh" else (lambda zh, en: en)


CHINESE = words("zh")


# argparse's error messages that people meet, by their English start (Python 3.11 wording).
_ERRORS = (
    ("the following arguments are required: ", "缺少参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "无效的取值："),
    ("expected one argument", "需要一个参数值"),
    ("argument ", "参数 "),
)


def parser_class(lang: str) -> type[argparse.ArgumentParser]:
    """An ArgumentParser (and so every sub-command's, which argparse makes of the same class) in `lang`."""
    t = words(lang)

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):
            super().add_usage(usage, actions, groups, t("用法：", "usage: ") if prefix is None else prefix)

        def _split_lines(self, text, width):
            return wrap(text, width)

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args, add_help: bool = True, parents=(), **kwargs):
            kwargs.setdefault("formatter_class", Formatter)
            super().__init__(*args, add_help=False, **kwargs)
            self._positionals.title = t("位置参数", "positional arguments")
            self._optionals.title = t("选项", "options")
            if add_help:  # first, as argparse's own -h is
                self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                                  help=t("显示本帮助并退出", "show this help message and exit"))  # fmt: skip
            for parent in parents:  # as ArgumentParser does with `parents`, after its -h
                self._add_container_actions(parent)
                self._defaults.update(parent._defaults)

        def error(self, message: str):
            if lang == "zh":
                for english, chinese in _ERRORS:
                    message = message.replace(english, chinese)
                message = re.sub(r" ?\(choose from (.*)\)$", r"（可选：\1）", message)
            self.print_usage(sys.stderr)
            self.exit(2, t(f"{self.prog}：错误：{message}\n", f"{self.prog}: error: {message}\n"))

    return Parser


_PIECES = re.compile(r"[\x21-\x7e]+|\s+|.")  # a run of ASCII (a word, an option, a code) stays whole; a Chinese character is a piece


_NO_LINE_START = set("，。、；：？！）》」』”’")  # closing marks stay with what they close


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal columns (a Chinese character takes two), breaking between Chinese
    characters or at spaces; argparse's own wrapping counts characters, and so overruns the terminal in Chinese.
    A closing mark never starts a line: one may hang past the edge; more take the piece before them along."""
    lines: list[str] = []
    line: list[str] = []
    for piece in _PIECES.findall(" ".join(text.split())):
        if not line or display_width("".join(line) + piece) <= width:
            line.append(piece)
        elif piece in _NO_LINE_START:
            marks = next((i for i in range(len(line), 0, -1) if line[i - 1] not in _NO_LINE_START), 0)
            if marks == len(line) or marks <= 1:  # a first mark hangs; or nothing to take along
                line.append(piece)
            else:
                lines.append("".join(line[: marks - 1]).rstrip())
                line = [*line[marks - 1 :], piece]
        else:
            lines.append("".join(line).rstrip())
            line = [] if piece.isspace() else [piece]
    rest = "".join(line).rstrip()
    return [*lines, rest] if rest else lines
