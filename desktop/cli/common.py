"""Helpers shared by the commands: opening the context, reading UNIT and HALF arguments."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.errors import BadInput
from desktop.core.semester import Semester
from desktop.core.text import Text, UserError
from desktop.core.units import Unit

if TYPE_CHECKING:
    from desktop.context import AppContext


def context(args: argparse.Namespace, anonymous: bool = False) -> AppContext:
    """Opens the database and, unless the command is `anonymous`, signs in `--user` as the GUI's login does."""
    from desktop.context import open_context  # the database stack loads only when a command needs it

    if not anonymous:
        _existing(args.db)
    ctx = open_context(args.db, args.lang)
    vars(args).setdefault("opened", []).append(ctx)  # closed by run_command when the command ends
    if not anonymous:
        ctx.user = sign_in(ctx, args)
    return ctx


def _existing(db: str | None) -> None:
    """A command on a database file that is not there is refused: a mistyped --db made a new empty database, and the
    sign-in then failed with 用户名或密码错误. Only `init` makes one."""
    from pathlib import Path

    from desktop.store.database import database_url

    url = database_url(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        path = url.removeprefix("sqlite:///")
        raise BadInput(Text(f"找不到数据库文件 {path}；请检查 --db 或 ECOREPORT_DB（新建数据库请用 ecoreport init）",
                            f"No database file {path}: check --db or ECOREPORT_DB (ecoreport init makes a new one)"))  # fmt: skip


def password_from(variable: str, prompt: Text, lang: str) -> str:
    """A password from the environment (scripts) or typed at a terminal; never from the command line."""
    import getpass
    import os
    import sys

    password = os.environ.get(variable)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise BadInput(Text(f"需要密码：请在终端中运行以便输入，或为脚本设置环境变量 {variable}",
                            f"A password is needed: run this at a terminal to type it, or set {variable} for a script"))  # fmt: skip
    return getpass.getpass(prompt(lang))


def sign_in(ctx: AppContext, args: argparse.Namespace) -> str:
    if not getattr(args, "user", None):
        raise BadInput(Text("请用 --user 指定操作用户（需要该用户的密码）", "Name the acting user with --user (their password is needed)"))
    password = password_from("ECOREPORT_PASSWORD", Text(f"用户 {args.user} 的密码：", f"Password of {args.user}: "), args.lang)
    account = ctx.users.sign_in(args.user, password)
    user = account.name
    changing_own = getattr(args, "verb", None) == "passwd" and getattr(args, "name", None) == user
    if account.must_change_password and not changing_own:
        raise UserError(Text(f"{user} 须先修改初始密码：ecoreport user passwd {user} --user {user}"
                             "（新密码在终端中输入，或用环境变量 ECOREPORT_NEW_PASSWORD）",
                             f"{user} must first change the one-time password: ecoreport user passwd {user} --user {user} "
                             "(the new password typed at a terminal, or in ECOREPORT_NEW_PASSWORD)"))  # fmt: skip
    args.password = password  # for a command that unlocks the signing key with it (key export)
    return user


def unit_arg(ctx: AppContext, text: str) -> Unit:
    """The unit a command names, once it is clear the signed-in user may see it."""
    try:
        unit = ctx.units.find(text)
    except UserError as exc:
        raise BadInput(exc.text) from None
    readable(ctx, unit)
    return unit


def readable(ctx: AppContext, unit: Unit) -> None:
    from desktop.core.workflow import Actor, may_read

    if ctx.user is None:
        return  # a command that needs no sign-in (init, catalog, selftest)
    user = ctx.users.find(ctx.user)
    refusal = may_read(Actor(user.name, user.role, user.unit_code, user.active, ctx.served_unit.get()), unit)
    if refusal is not None:
        raise UserError(refusal)


def semester_arg(text: str) -> Semester:
    try:
        return Semester.parse(text)
    except UserError as exc:
        raise BadInput(exc.text) from None
