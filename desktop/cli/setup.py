"""The bureau's set-up on the command line: packages, targets and deadlines."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop.cli.common import context, semester_arg, unit_arg
from desktop.cli.errors import EXIT_OK, BadInput
from desktop.cli.output import dump_json, table
from desktop.cli.words import CHINESE, Words
from desktop.core.text import Text, UserError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, t: Words = CHINESE) -> None:
    basis_en = t("英文的依据（默认：同中文）", "the same in English (default: the Chinese text)")
    package = sub.add_parser("package", parents=[common], help=t("设置包：导出、导入、展开、生成", "set-up packages: export, import, extract, build"))
    verbs = package.add_subparsers(dest="verb", metavar="VERB", required=True, title=t("操作", "verbs"))
    p = verbs.add_parser("export", parents=[common], help=t("把当前设置写成一个设置包文件", "write the current set-up as one package file"))
    p.add_argument("-o", "--output", required=True, metavar="FILE.ecopkg")
    p.add_argument("--unit", help=t("给该区县的一份，带上为其预置的账户（account add）",
                                    "a copy for this district, carrying the accounts prepared for it (account add)"))  # fmt: skip
    p.set_defaults(run=cmd_export)
    p = verbs.add_parser("import", parents=[common], help=t("显示设置包带来的变化并启用（管理员）",
                                                            "show what a package changes, and apply it (administrator)"))  # fmt: skip
    p.add_argument("file", metavar="FILE.ecopkg")
    p.add_argument("--dry-run", action="store_true", help=t("只显示将有的变化", "only show what would change"))
    p.add_argument("--demo", action="store_true", help=t("接受演示用的示例目标（仅限演示数据库）",
                                                         "accept the demo's example targets (for a demo database only)"))  # fmt: skip
    p.set_defaults(run=cmd_import)
    p = verbs.add_parser("extract", parents=[common], help=t("把当前数据文件写到一个目录，以便编辑",
                                                             "write the current data files to a folder, to edit them"))  # fmt: skip
    p.add_argument("folder", metavar="DIR")
    p.set_defaults(run=cmd_extract)
    p = verbs.add_parser("build", parents=[common], help=t("校验编辑后的目录，并设为当前设置（管理员）",
                                                           "validate an edited folder and make it the set-up (administrator)"))  # fmt: skip
    p.add_argument("folder", metavar="DIR")
    p.add_argument("--demo", action="store_true", help=t("接受示例目标（仅限演示数据库）", "accept example targets (for a demo database only)"))
    p.set_defaults(run=cmd_build)
    target = sub.add_parser("target", parents=[common], help=t("半年度的目标：列出、设置、删除、复制", "targets of a half: list, set, remove, copy"))
    verbs = target.add_subparsers(dest="verb", metavar="VERB", required=True, title=t("操作", "verbs"))
    p = verbs.add_parser("list", parents=[common], help=t("某半年度的目标和截止日期", "the targets and deadline of a half"))
    p.add_argument("semester", metavar="HALF")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_list)
    p = verbs.add_parser("set", parents=[common], help=t("新增或修改目标", "add or change a target"))
    p.add_argument("semester", metavar="HALF")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--units", default="all", help=t("municipality（全市）、districts（各区县）、all（全部）或单位代码（默认 all）",
                                                    "municipality, districts, all, or a unit code (default all)"))  # fmt: skip
    p.add_argument("--op", required=True, choices=(">=", "<=", ">", "<", "=="))
    p.add_argument("--value", required=True)
    p.add_argument("--basis-zh", required=True, help=t("目标依据：国家考核目标、市级目标……", "why this target: 国家考核目标, 市级目标, …"))
    p.add_argument("--basis-en", help=basis_en)
    p.set_defaults(run=cmd_set)
    p = verbs.add_parser("remove", parents=[common], help=t("删除目标", "remove a target"))
    p.add_argument("semester", metavar="HALF")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--units", default="all")
    p.set_defaults(run=cmd_remove)
    p = verbs.add_parser("copy", parents=[common], help=t("把一个半年度的全部目标复制到另一个半年度（如顺延）；未另给依据的沿用原依据，示例目标须给出依据",
                                                          "copy every target of one half to another (e.g. forward); each keeps "
                                                          "its basis unless one is given, and example targets need one"))  # fmt: skip
    p.add_argument("source", metavar="FROM_HALF")
    p.add_argument("target", metavar="TO_HALF")
    p.add_argument("--basis-zh", help=t("所有复制目标的依据（国家考核目标、市级目标……）",
                                        "the basis of every copied target (国家考核目标, 市级目标, …)"))  # fmt: skip
    p.add_argument("--basis-en", help=basis_en)
    p.add_argument("--basis", action="append", default=[], metavar="CODE[@SCOPE]=依据",
                   help=t("单个目标的依据（范围：municipality、districts、all 或单位代码，默认 all）；可重复",
                          "the basis of one target (scope: municipality, districts, all or a unit code; default all); "
                          "repeatable"))  # fmt: skip
    p.set_defaults(run=cmd_copy)
    p = sub.add_parser("deadline", parents=[common], help=t("设置某半年度的报送截止日期", "set when a half's submissions are due"))
    p.add_argument("semester", metavar="HALF")
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.set_defaults(run=cmd_deadline)


def _print_changes(changes, lang: str) -> None:
    if not changes:
        print(Text("没有变化", "No changes")(lang))
    for change in changes:
        print(f"  • {change.text(lang)}")


def cmd_export(args):
    from desktop.store import packages

    ctx = context(args)
    ctx.served_unit.require_bureau(Text("导出设置包", "exporting a set-up package"))  # before anything else is said
    accounts = None
    if args.unit:
        from desktop.store.accounts import DistrictAccounts

        accounts = DistrictAccounts(ctx.store).file_for(unit_arg(ctx, args.unit))
        if accounts is None:
            raise BadInput(Text(f"没有为 {args.unit} 准备账户（ecoreport account add）", f"No accounts prepared for {args.unit} (ecoreport account add)"))
    path = packages.write_file(packages.effective_content(ctx.store), packages.active_version(ctx.store), Path(args.output),
                               args.user, ctx.store, accounts)  # fmt: skip
    print_ = packages.read_file(path)[0].get("key_fingerprint", "")
    print(Text(f"已导出设置包 {packages.active_version(ctx.store)}：{path}\n市局公钥指纹 {print_}（区县首次导入时电话核对）",
               f"Exported set-up package {packages.active_version(ctx.store)}: {path}\n"
               f"The bureau's key fingerprint: {print_} (districts compare it by phone at their first import)")(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_import(args):
    from desktop.core.vocabulary import role_name
    from desktop.store import packages

    ctx = context(args)
    package = packages.incoming(ctx.store, Path(args.file), demo=args.demo)
    phone = Text("（首次导入，请与市局电话核对）", " (a first import: compare it with the bureau by phone)") if package.first \
        else Text("", "")
    print(Text(f"设置包 {package.version}，签名公钥指纹 {package.fingerprint}{phone.zh}",
               f"Set-up package {package.version}, signed by the key with fingerprint {package.fingerprint}{phone.en}")(args.lang))  # fmt: skip
    if package.changes:
        print(Text("将带来以下变化：", "It changes:")(args.lang))
        _print_changes(package.changes, args.lang)
    else:
        print(Text("设置与本机现用的相同，没有变化", "The set-up is the one in use here: no changes")(args.lang))
    for account in package.accounts:
        role, unit = role_name(account["role"])(args.lang), ctx.units.get(account["unit"])
        who = f"{account['name']}（{role}，{unit.name(args.lang) if unit else account['unit']}）"
        print((Text(f"  • 已有账户 {who}，不改动", f"  • account {who} already here, left unchanged") if account["name"] in package.existing
               else Text(f"  • 新账户 {who}", f"  • new account {who}"))(args.lang))  # fmt: skip
    if args.dry_run:
        return EXIT_OK
    origin, created, existing = packages.apply_incoming(ctx.store, args.user, package, Path(args.file).name, args.demo)
    print(origin(args.lang))
    print(Text("已应用", "Applied")(args.lang))
    if created:
        print(Text(f"已创建账户：{'、'.join(created)}；各人用市局给的一次性密码登录，首次登录须修改密码",
                   f"Accounts created: {', '.join(created)}; each logs in with the bureau's one-time password and "
                   f"changes it at first login")(args.lang))  # fmt: skip
    if existing:
        print(Text(f"已有账户，未改动：{'、'.join(existing)}", f"Already here, left unchanged: {', '.join(existing)}")(args.lang))
    return EXIT_OK


def cmd_extract(args):
    from desktop.store import packages

    ctx = context(args)
    folder = Path(args.folder)
    for rel, text in packages.effective_content(ctx.store).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    print(Text(f"已写出到 {folder}；修改后用 ecoreport package build {folder} 生效", f"Written to {folder}; apply edits with ecoreport package build {folder}")(args.lang))
    return EXIT_OK


def cmd_build(args):
    from desktop.store import packages

    ctx = context(args)
    ctx.served_unit.require_bureau(packages.SETTING_UP)  # refused before the changes are listed as if made
    packages.require_administrator(ctx.store, args.user)
    content = packages.collect(Path(args.folder))
    demo = args.demo or packages.is_demo(ctx.store)
    new = packages.validate(content, demo=demo, written_before=packages.same_catalog(ctx.store, content))
    _print_changes(packages.differences(ctx.resources, new), args.lang)
    version = packages.activate(ctx.store, args.user, content, packages.EDITED_HERE, demo=demo)
    print(Text(f"设置已更新为 {version}", f"The set-up is now {version}")(args.lang))
    return EXIT_OK


def _edit_half(args, semester, change) -> int:
    from desktop.store import packages

    ctx = context(args)
    ctx.served_unit.require_bureau(packages.SETTING_UP)  # refused before the changes are listed as if made
    packages.require_administrator(ctx.store, args.user)
    targets = list(ctx.resources.targets.by_semester.get(semester, []))
    deadline = ctx.resources.targets.deadlines.get(semester)
    targets, deadline = change(ctx, targets, deadline)
    content = packages.with_half(packages.effective_content(ctx.store), semester, targets, deadline)
    new = packages.validate(content, demo=packages.is_demo(ctx.store), written_before=packages.same_catalog(ctx.store, content))
    _print_changes(packages.differences(ctx.resources, new, [semester]), args.lang)
    packages.activate(ctx.store, args.user, content, packages.EDITED_HERE)
    return EXIT_OK


def _scope(ctx, text: str) -> str:
    """A target's scope as stored: municipality, districts, all, or the code of the unit named (500101, 万州区)."""
    from desktop.core.targets import SCOPES

    if text in SCOPES:
        return text
    try:
        return ctx.units.find(text).code
    except UserError:
        raise BadInput(Text(f"--units “{text}”应为 municipality（全市）、districts（各区县）、all（全部）或一个单位的代码或名称",
                            f"--units '{text}' should be municipality, districts, all, or a unit's code or name")) from None  # fmt: skip


def cmd_set(args):
    from desktop.core.targets import Target

    semester = semester_arg(args.semester)

    def change(ctx, targets, deadline):
        if args.code not in ctx.catalog:
            raise BadInput(Text(f"目录中没有指标 {args.code}", f"No indicator {args.code} in the catalog"))
        value = args.value if ctx.catalog[args.code].type == "category" else Decimal(args.value)
        scope = _scope(ctx, args.units)
        kept = [t for t in targets if (t.code, t.units) != (args.code, scope)]
        basis = Text(args.basis_zh.strip(), (args.basis_en or args.basis_zh).strip())
        return kept + [Target(args.code, scope, args.op, value, basis)], deadline

    return _edit_half(args, semester, change)


def cmd_remove(args):
    semester = semester_arg(args.semester)

    def change(ctx, targets, deadline):
        scope = _scope(ctx, args.units)
        return [t for t in targets if (t.code, t.units) != (args.code, scope)], deadline

    return _edit_half(args, semester, change)


def cmd_copy(args):
    source, semester = semester_arg(args.source), semester_arg(args.target)

    from desktop.core.targets import copy_targets

    every = Text(args.basis_zh, args.basis_en or args.basis_zh) if args.basis_zh else None
    bases = {}
    for item in args.basis:
        key, sep, text = item.partition("=")
        code, _, scope = key.partition("@")
        if not sep or not code or not text.strip():
            raise BadInput(Text(f"--basis 应形如 water.excellent_ratio=国家考核目标（得到“{item}”）",
                                f"--basis looks like water.excellent_ratio=国家考核目标 (got '{item}')"))  # fmt: skip
        bases[(code.strip(), scope.strip() or "all")] = Text(text.strip(), text.strip())

    def change(ctx, targets, deadline):
        copied = list(ctx.resources.targets.by_semester.get(source, []))
        if not copied:
            raise BadInput(Text(f"{source.label('zh')}没有目标可复制", f"{source} has no targets to copy"))
        return copy_targets(copied, bases, every), deadline

    return _edit_half(args, semester, change)


def cmd_deadline(args):
    semester = semester_arg(args.semester)
    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise BadInput(Text(f"“{args.date}”不是有效的日期；日期应形如 2024-07-20",
                            f"'{args.date}' is not a valid date; a date looks like 2024-07-20")) from None  # fmt: skip
    from desktop.core.targets import deadline_problem

    problem = deadline_problem(semester, day)
    if problem:
        raise BadInput(problem)
    return _edit_half(args, semester, lambda ctx, targets, deadline: (targets, day))


def cmd_list(args):
    ctx = context(args)
    semester = semester_arg(args.semester)
    targets = ctx.resources.targets.by_semester.get(semester, [])
    deadline = ctx.resources.targets.deadlines.get(semester)
    if args.json:
        dump_json({"semester": str(semester), "deadline": deadline.isoformat() if deadline else None,
                   "targets": [{"code": t.code, "units": t.units, "op": t.op, "value": str(t.value), "basis_zh": t.basis.zh,
                                "basis_en": t.basis.en, "example": t.example} for t in targets]})  # fmt: skip
        return EXIT_OK
    print(Text(f"{semester.label('zh')}截止日期：{deadline or '未设'}", f"{semester} deadline: {deadline or 'none'}")(args.lang))
    from desktop.core.targets import SCOPE_NAMES

    def scope(units: str) -> str:  # in words: 各区县, 万州区（500101）
        if units in SCOPE_NAMES:
            return SCOPE_NAMES[units](args.lang)
        name = ctx.units.find(units).name
        return Text(f"{name.zh}（{units}）", f"{name.en} ({units})")(args.lang)

    head = Text("指标|范围|目标|依据", "Indicator|Scope|Target|Basis")(args.lang).split("|")
    print(table([head] + [[t.code, scope(t.units), f"{t.op} {t.value}", t.basis(args.lang)] for t in targets]))
    return EXIT_OK
