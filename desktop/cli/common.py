"""Helpers shared by the commands: opening the context, reading UNIT and HALF arguments."""

from __future__ import annotations

import argparse

from desktop.cli.main import BadInput
from desktop.context import AppContext, open_context
from desktop.core.semester import Semester
from desktop.core.text import UserError
from desktop.core.units import Unit


def context(args: argparse.Namespace) -> AppContext:
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
