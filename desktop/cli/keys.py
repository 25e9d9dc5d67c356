"""Signing keys on the command line: a district exports its public key, the bureau registers it."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import context, unit_arg
from desktop.cli.errors import EXIT_OK
from desktop.cli.output import dump_json, table
from desktop.cli.words import CHINESE, Words
from desktop.core.text import Text


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, t: Words = CHINESE) -> None:
    key = sub.add_parser("key", parents=[common], help=t("签名密钥：导出本机的，登记区县的",
                                                         "signing keys: export this installation's, register a district's"))  # fmt: skip
    verbs = key.add_subparsers(dest="verb", metavar="VERB", required=True, title=t("操作", "verbs"))
    p = verbs.add_parser("export", parents=[common], help=t("写出本机 UNIT 的公钥文件", "write this installation's public key file for UNIT"))
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pub")
    p.set_defaults(run=cmd_export)
    p = verbs.add_parser("register", parents=[common], help=t("登记并信任区县的公钥文件（市局）", "trust a district's key file (bureau)"))
    p.add_argument("file", metavar="FILE.pub")
    p.set_defaults(run=cmd_register)
    p = verbs.add_parser("grant", parents=[common],
                         help=t("让 UNIT 的另一位审核人也能签发（--user：持有密钥的审核人；--to：新审核人，其密码取自 "
                                "ECOREPORT_APPROVER_PASSWORD 或终端输入）",
                                "let another approver of UNIT sign (--user: an approver who holds the key; --to: the new "
                                "approver, whose password comes from ECOREPORT_APPROVER_PASSWORD or a prompt)"))  # fmt: skip
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("--to", required=True, metavar="APPROVER")
    p.set_defaults(run=cmd_grant)
    p = verbs.add_parser("list", parents=[common], help=t("已登记的区县公钥", "the registered district keys"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_list)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.store import keys

    ctx = context(args)
    unit = unit_arg(ctx, args.unit)
    path = Path(args.output)
    if keys.public_key(ctx.store, unit) is None or unit.is_municipality:
        keys.create_for(ctx.store, unit, ctx.user, args.password)  # an approver's password seals the new key
    path.write_text(keys.key_file(ctx.store, unit), encoding="utf-8")
    _, print_ = keys.own_public_key(ctx.store, unit)
    print(Text(f"已保存公钥文件 {path}。请向市局口头核对指纹：{print_}",
               f"Saved the public key file {path}. Read its fingerprint to the bureau: {print_}")(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_grant(args: argparse.Namespace) -> int:
    from desktop.cli.common import password_from
    from desktop.store import keys

    ctx = context(args)
    unit = unit_arg(ctx, args.unit)
    password = password_from("ECOREPORT_APPROVER_PASSWORD", Text(f"{args.to} 的密码：", f"Password of {args.to}: "), args.lang)
    keys.grant(ctx.store, unit, ctx.user, args.password, args.to, password)
    print(Text(f"{args.to} 现在可以为{unit.name.zh}签署报送", f"{args.to} can now sign {unit.name.en}'s submissions")(args.lang))
    return EXIT_OK


def cmd_register(args: argparse.Namespace) -> int:
    from desktop.store import keys

    ctx = context(args)
    code, public = keys.read_key_file(Path(args.file))
    unit = unit_arg(ctx, code)
    print_ = keys.register(ctx.store, args.user, unit, public)
    print(Text(f"已登记{unit.name.zh}的公钥，指纹 {print_}（请与区县口头核对）",
               f"Registered {unit.name.en}'s key, fingerprint {print_} (check it with the district)")(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.store import keys

    ctx = context(args)
    rows = keys.registered(ctx.store)
    if args.json:
        dump_json([{"unit": k.unit_code, "fingerprint": k.fingerprint, "registered_by": k.registered_by,
                    "registered_at": k.registered_at.isoformat(timespec="seconds")} for k in rows])  # fmt: skip
        return EXIT_OK
    for own in keys.own_keys(ctx.store):
        print(Text(f"本机密钥：{ctx.units.get(own.unit_code).label('zh')} 指纹 {own.fingerprint}",
                   f"This installation's key: {ctx.units.get(own.unit_code).label('en')} fingerprint {own.fingerprint}")(args.lang))  # fmt: skip
    head = Text("单位|指纹|登记人|登记时间", "Unit|Fingerprint|Registered by|When")(args.lang).split("|")
    print(table([head] + [[ctx.units.get(k.unit_code).label(args.lang), k.fingerprint, k.registered_by,
                           k.registered_at.strftime("%Y-%m-%d %H:%M")] for k in rows]))  # fmt: skip
    return EXIT_OK
