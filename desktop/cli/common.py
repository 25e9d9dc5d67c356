"""Helpers shared by the commands: opening the context, reading UNIT and HALF arguments."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.main import BadInput
from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.core.units import Unit

if TYPE_CHECKING:
    from desktop.context import AppContext


def context(args: argparse.Namespace) -> AppContext:
    from desktop.context import open_context  # the database stack loads only when a command needs it

    return open_context(args.db, args.lang)


def unit_arg(ctx: AppContext, text: str) -> Unit:
    try:
        return ctx.units.find(text)
    except UserError as exc:
        raise BadInput(exc.text) from None


def semester_arg(text: str) -> Semester:
    try:
        return Semester.parse(text)
    except UserError as exc:
        raise BadInput(exc.text) from None
