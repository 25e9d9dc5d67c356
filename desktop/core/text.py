"""Bilingual text: every message a user can see exists in Chinese and English."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

LANGS = ("zh", "en")


@dataclass(frozen=True, slots=True)
class Text:
    zh: str
    en: str

    def __call__(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def format(self, **kw: object) -> Text:
        return Text(self.zh.format(**kw), self.en.format(**kw))


class UserError(Exception):
    """An error caused by the user's input; its message is shown as is, in the user's language."""

    def __init__(self, text: Text):
        super().__init__(text.en)
        self.text = text

    def message(self, lang: str = "zh") -> str:
        return self.text(lang)


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal, or half-ems in print: two for a Chinese character or full-width sign."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
