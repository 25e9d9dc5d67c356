"""User accounts on the command line (administrators): add, list, disable, enable, passwd, role."""

from __future__ import annotations

import argparse

from desktop.cli.common import context, unit_arg
from desktop.cli.errors import EXIT_OK
from desktop.cli.output import dump_json, table
from desktop.cli.words import CHINESE, Words
from desktop.core.text import Text
from desktop.core.vocabulary import role_name


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, t: Words = CHINESE) -> None:
    shown = t("表上显示的姓名", "the name shown on forms")
    user = sub.add_parser("user", parents=[common], help=t("用户账户（管理员）", "user accounts (administrators)"))
    verbs = user.add_subparsers(dest="verb", metavar="VERB", required=True, title=t("操作", "verbs"))
    p = verbs.add_parser("add", parents=[common], help=t("新建账户；密码取自 ECOREPORT_NEW_PASSWORD 或终端输入",
                                                         "create an account; the password from ECOREPORT_NEW_PASSWORD or asked"))  # fmt: skip
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("clerk", "approver", "reviewer", "admin"))
    p.add_argument("--unit", help=t("填报人或审核人所属单位", "the unit of a clerk or approver"))
    p.add_argument("--display", default="", help=shown)
    p.set_defaults(run=cmd_add)
    p = verbs.add_parser("list", parents=[common], help=t("全部账户", "every account"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_list)
    for name, run, text in (("disable", cmd_disable, t("停用账户（不能再登录）", "disable an account (it can no longer log in)")),
                            ("enable", cmd_enable, t("启用已停用的账户", "enable a disabled account")),
                            ("passwd", cmd_passwd, t("修改密码：本人的（签名密钥随之保留），或由管理员修改任何人的；"
                                                     "新密码取自 ECOREPORT_NEW_PASSWORD 或终端输入",
                                                     "change a password: one's own (keeps one's signing keys), or, for an "
                                                     "administrator, anyone's; the new one from ECOREPORT_NEW_PASSWORD or asked"))):  # fmt: skip
        p = verbs.add_parser(name, parents=[common], help=text)
        p.add_argument("name")
        p.set_defaults(run=run)
    account = sub.add_parser("account", parents=[common],
                             help=t("市局为区县预置的账户：随该区县的设置包发出",
                                    "accounts the bureau prepares for a district: they travel in its set-up package"))  # fmt: skip
    verbs_a = account.add_subparsers(dest="verb", metavar="VERB", required=True, title=t("操作", "verbs"))
    p = verbs_a.add_parser("add", parents=[common], help=t("预置账户；一次性密码只显示这一次",
                                                           "prepare an account; prints its one-time password once"))  # fmt: skip
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("clerk", "approver"))
    p.add_argument("--unit", required=True, help=t("所属区县", "the district"))
    p.add_argument("--display", default="", help=shown)
    p.set_defaults(run=cmd_account_add)
    p = verbs_a.add_parser("list", parents=[common], help=t("已预置的账户", "the prepared accounts"))
    p.add_argument("--unit")
    p.set_defaults(run=cmd_account_list)
    p = verbs_a.add_parser("remove", parents=[common], help=t("删除预置账户", "drop a prepared account"))
    p.add_argument("name")
    p.set_defaults(run=cmd_account_remove)
    p = verbs.add_parser("role", parents=[common], help=t("更改账户的角色和单位", "change an account's role and unit"))
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("clerk", "approver", "reviewer", "admin"))
    p.add_argument("--unit")
    p.set_defaults(run=cmd_role)


def _password(args, name: str) -> str:
    from desktop.cli.common import password_from

    return password_from("ECOREPORT_NEW_PASSWORD", Text(f"{name} 的新密码：", f"New password for {name}: "), args.lang)


def cmd_add(args: argparse.Namespace) -> int:
    ctx = context(args)
    unit = unit_arg(ctx, args.unit).code if args.unit else None
    ctx.users.create(ctx.user, args.name, _password(args, args.name), args.role, unit, args.display)
    print(Text(f"已创建用户 {args.name}（{role_name(args.role).zh}）", f"Created user {args.name} ({args.role})")(args.lang))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    data = [{"name": u.name, "display_name": u.display_name, "role": u.role, "unit": u.unit_code, "active": u.active}
            for u in ctx.users.all()]  # fmt: skip
    if args.json:
        dump_json(data)
        return EXIT_OK
    head = Text("用户|姓名|角色|单位|状态", "User|Name|Role|Unit|State")(args.lang).split("|")
    state = {True: Text("启用", "active")(args.lang), False: Text("停用", "disabled")(args.lang)}
    print(table([head] + [[d["name"], d["display_name"], role_name(d["role"])(args.lang), d["unit"] or "", state[d["active"]]]
                          for d in data]))  # fmt: skip
    return EXIT_OK


def _change(args, action) -> int:
    ctx = context(args)
    action(ctx)
    print(Text("已保存", "Saved")(args.lang))
    return EXIT_OK


def cmd_disable(args):
    return _change(args, lambda ctx: ctx.users.set_active(ctx.user, args.name, False))


def cmd_enable(args):
    return _change(args, lambda ctx: ctx.users.set_active(ctx.user, args.name, True))


def cmd_passwd(args):
    ctx = context(args)
    new = _password(args, args.name)
    if args.name == ctx.user:  # one's own: the signing keys one holds follow the new password
        from desktop.store.accounts import change_own_password

        change_own_password(ctx.store, ctx.user, args.password, new)
    else:
        ctx.users.set_password(ctx.user, args.name, new)
        print(Text(f"注意：{args.name} 如持有签名密钥，需由另一位已授权审核人重新授权（ecoreport key grant）",
                   f"Note: if {args.name} held a signing key, another holder must grant it again (ecoreport key grant)")(args.lang))  # fmt: skip
    print(Text("已保存", "Saved")(args.lang))
    return EXIT_OK


def cmd_role(args):
    return _change(args, lambda ctx: ctx.users.set_role(ctx.user, args.name, args.role,
                                                         unit_arg(ctx, args.unit).code if args.unit else None))  # fmt: skip


def cmd_account_add(args):
    from desktop.store.accounts import DistrictAccounts

    ctx = context(args)
    unit = unit_arg(ctx, args.unit)
    password = DistrictAccounts(ctx.store).add(ctx.user, args.name, args.role, unit, args.display)
    print(Text(f"已为{unit.name.zh}准备账户 {args.name}（{role_name(args.role).zh}），一次性密码：{password}\n"
               f"请把密码交给本人（首次登录须修改）；用 ecoreport package export --unit {unit.code} 导出的设置包带上该账户",
               f"Prepared {args.name} ({args.role}) for {unit.name.en}; one-time password: {password}\n"
               f"Give it to the person (changed at first login); the package from "
               f"ecoreport package export --unit {unit.code} carries the account")(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_account_list(args):
    from desktop.store.accounts import DistrictAccounts

    ctx = context(args)
    rows = DistrictAccounts(ctx.store).of(unit_arg(ctx, args.unit) if args.unit else None)
    head = Text("用户|姓名|角色|单位|准备人|时间", "User|Name|Role|Unit|By|When")(args.lang).split("|")
    print(table([head] + [[r.name, r.display_name, role_name(r.role)(args.lang), ctx.units.get(r.unit_code).label(args.lang), r.created_by,
                           r.created_at.strftime("%Y-%m-%d %H:%M")] for r in rows]))  # fmt: skip
    return EXIT_OK


def cmd_account_remove(args):
    from desktop.store.accounts import DistrictAccounts

    return _change(args, lambda ctx: DistrictAccounts(ctx.store).remove(ctx.user, args.name))
