"""Commands on one unit-half: set, show, check."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from desktop.cli.common import context, password_from, semester_arg, unit_arg
from desktop.cli.errors import EXIT_OK, EXIT_REFUSED, BadInput
from desktop.cli.output import dump_json, table
from desktop.cli.words import CHINESE, Words
from desktop.core.display import change as change_text
from desktop.core.display import shown
from desktop.core.form import telephone_refusal
from desktop.core.text import Text, UserError
from desktop.core.values import ValueRefused, parse_value, to_storage
from desktop.core.workflow import STATUS_NAMES, Status


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, t: Words = CHINESE) -> None:
    p = sub.add_parser("set", parents=[common], help=t("录入数值：ecoreport set 500101 2024H1 air.pm25=35.2",
                                                       "enter values: ecoreport set 500101 2024H1 air.pm25=35.2"))  # fmt: skip
    p.add_argument("unit", metavar="UNIT", help=t("单位代码或名称：500101、万州区、Wanzhou", "unit code or name: 500101, 万州区, Wanzhou"))
    p.add_argument("semester", metavar="HALF", help=t("半年度，如 2024H1", "half-year, e.g. 2024H1"))
    p.add_argument("pairs", nargs="*", metavar="CODE=VALUE", help=t("数值；CODE= 清空一项", "values; CODE= clears one"))
    p.add_argument("--explain", action="append", default=[], metavar="CODE=TEXT", help=t("数值的说明", "explanation of a value"))
    p.add_argument("--reason", help=t("修改原因（记入审计日志）", "why the change is made (kept in the audit log)"))
    p.add_argument("--expect", action="append", default=[], metavar="CODE=VALUE",
                   help=t("修改所依据的原值（空值写 CODE=）：如果此后已被他人修改，则不保存，并显示两个值",
                          "the value you based the change on (CODE= for empty): if someone has changed it since, "
                          "nothing is stored and both values are shown"))  # fmt: skip
    p.set_defaults(run=cmd_set)
    p = sub.add_parser("submit", parents=[common], help=t("签发并报送一个半年度（--user 填报人，--approver 审核人）",
                                                          "sign off and submit a half (--user clerk, --approver approver)"))  # fmt: skip
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("semester", metavar="HALF")
    p.add_argument("--approver", required=True, help=t("本单位另一位具有审核人角色的用户", "another user of the unit with the approver role"))
    last = ("（默认：沿用本单位上次签署时的）", " (default: as at the unit's last sign-off)")
    for name, zh, en in (("head", "单位负责人" + last[0], "单位负责人 head of unit" + last[1]),
                         ("stats", "统计负责人" + last[0], "统计负责人 head of statistics" + last[1]),
                         ("preparer", "填表人（默认：--user 的姓名）", "填表人 prepared by (default: the --user's full name)"),
                         ("phone", "联系电话" + last[0], "联系电话 telephone" + last[1]),
                         ("date", "报出日期，YYYY-MM-DD（默认：今天）", "报出日期 date sent, YYYY-MM-DD (default: today)")):  # fmt: skip
        p.add_argument(f"--{name}", help=t(f"{zh}，印在表上，并由签名覆盖", f"{en}, printed on the form and covered by the signature"))
    p.add_argument("-o", "--output", metavar="FILE.xlsx", help=t("同时保存签署后的报送文件（交市局的文件）",
                                                                "also save the signed submission workbook (the file for the bureau)"))  # fmt: skip
    p.set_defaults(run=cmd_submit)
    p = sub.add_parser("withdraw", parents=[common], help=t("撤回已签发、尚未审核通过的半年度（审核人；--reason）",
                                                            "take back a signed-off half not yet accepted (approver; --reason)"))  # fmt: skip
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("semester", metavar="HALF")
    p.add_argument("--reason", required=True)
    p.set_defaults(run=cmd_withdraw)
    for name, run, text in (("show", cmd_show, t("原始数值、计算指标、目标和状态", "raw values, derived indicators, targets and status")),
                            ("check", cmd_check, t("运行全部审核规则；有错误时以 1 退出",
                                                   "run every check; exit 1 when any error is found"))):  # fmt: skip
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("unit", metavar="UNIT")
        p.add_argument("semester", metavar="HALF")
        p.add_argument("--json", action="store_true")
        if name == "show":
            p.add_argument("--include", choices=("accepted", "received"), default="accepted",
                           help=t("全市：只计已审核通过的区县（默认），或连同已报送的",
                                  "for the city: count accepted districts only (default), or received ones too"))  # fmt: skip
        p.set_defaults(run=run)


def _pairs(items: list[str], what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        code, sep, value = item.partition("=")
        if not sep or not code.strip():
            raise BadInput(Text(f"“{item}”应写作 {what}", f"'{item}' should read {what}"))
        out[code.strip()] = value
    return out


def cmd_set(args: argparse.Namespace) -> int:
    values = _pairs(args.pairs, "CODE=VALUE")
    explanations = _pairs(args.explain, "CODE=TEXT")
    if not values and not explanations:
        raise BadInput(Text("没有要保存的数据：请给出 CODE=VALUE", "Nothing to save: give CODE=VALUE"))
    ctx = context(args)
    unit, semester = unit_arg(ctx, args.unit), semester_arg(args.semester)
    # Every write is checked against the versions this command read, so a change made by someone else in
    # between is refused rather than overwritten; --expect also compares the values the user saw.
    half = ctx.store.unit_half(unit, semester)
    expected = {code: half.versions.get(code, (0,))[0] for code in set(values) | set(explanations)}
    for code, seen in _pairs(args.expect, "CODE=VALUE").items():
        ind = ctx.catalog.indicators.get(code)
        if ind is None:
            raise BadInput(Text(f"目录中没有指标 {code}", f"no indicator {code} in the catalog"))
        now = half.raw.get(code)
        try:
            seen_value = parse_value(ind, seen, semester) if seen.strip() else None
        except ValueRefused as exc:
            raise BadInput(Text(f"--expect {code}: {exc.text.zh}", f"--expect {code}: {exc.text.en}")) from None
        if (None if now is None else to_storage(now)) != (None if seen_value is None else to_storage(seen_value)):
            who = ctx.users.known_as(half.versions.get(code, (0, "", None))[1])
            shown = "∅" if now is None else to_storage(now)
            kept = Text(f"您输入的“{values[code]}”未保存，其他数据也未保存", f"your '{values[code]}' and nothing else was stored") \
                if values.get(code) else Text("未保存任何数据", "nothing was stored")
            raise UserError(Text(f"“{ind.name.zh}”已被 {who} 改为 {shown}，不是您依据的 {seen or '∅'}；{kept.zh}",
                                 f"'{ind.name.en}' was changed by {who} to {shown}, not the {seen or '∅'} you based this on; "
                                 f"{kept.en}"))  # fmt: skip
        expected[code] = half.versions.get(code, (0,))[0]
    changes = ctx.store.set_values(args.user, unit, semester, values, explanations, args.reason, expected=expected)
    lang = args.lang
    if not changes:
        print(Text("数据未变化", "Nothing changed")(lang))
    for change in changes:
        what = Text("说明", "explanation") if change.what == "explanation" else Text("值", "value")
        print(
            f"{unit.name(lang)} {semester} {change.code} {what(lang)}: {change.old or '∅'} → {change.new or '∅'}"
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.core.report import half_json
    from desktop.store.reports import half_report

    ctx = context(args)
    unit, semester = unit_arg(ctx, args.unit), semester_arg(args.semester)
    catalog, lang = ctx.catalog, args.lang
    report = half_report(ctx.store, unit, semester, args.include)
    if args.json:
        dump_json(half_json(report, catalog.version, lang, ctx.units))
        return EXIT_OK
    # The city submits nothing: how final its figures are is the coverage line below, not a status of its own.
    status = "" if unit.is_municipality else f" · {Text('状态', 'status')(lang)}: {STATUS_NAMES[report.status](lang)}"
    print(f"{unit.label(lang)} · {semester.label(lang)}{status}")
    if report.coverage is not None:
        print(report.coverage.describe(lang))
        if report.coverage.excluded:
            names = "、".join(f"{ctx.units.get(c).name(lang)}（{STATUS_NAMES[Status(s)](lang)}）"
                             for c, s in report.coverage.excluded.items())  # fmt: skip
            print(Text(f"未计入的区县：{names}", f"Districts not counted: {names}")(lang))
    head = Text(
        "代码|指标|本期|单位|上年同期|同比|目标|达标情况",
        "code|indicator|value|unit|last year|change|target|attainment",
    )
    figures, before = report.figures, report.last_year
    for topic in catalog.topics:
        rows = []
        for ind in catalog.applicable(unit.is_municipality):
            if ind.topic != topic.code:
                continue
            goal = report.attainments.get(ind.code)
            name = ind.name(lang) + (Text(" [计算]", " [derived]")(lang) if ind.derived else "")
            note = report.half.explanations.get(ind.code)
            rows.append([ind.code, name + (f" ※{note}" if note else ""), shown(ind, figures, lang), ind.unit(lang),
                         shown(ind, before, lang), change_text(ind, figures.get(ind.code), before.get(ind.code), lang),
                         goal.target.shown(ind, lang) if goal else "", goal.describe(ind, lang) if goal else ""])  # fmt: skip
        print(f"\n[{topic.name(lang)}]")
        print(table([head(lang).split("|")] + rows, right={2, 4, 5}))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    ctx = context(args)
    unit, semester = unit_arg(ctx, args.unit), semester_arg(args.semester)
    results = ctx.store.checks(unit, semester)
    lang = args.lang
    if args.json:
        dump_json([r.to_json(lang) for r in results])
    else:
        counts = {s: sum(r.severity == s for r in results) for s in ("error", "warning", "notice")}
        print(Text(f"{unit.name.zh} {semester.label('zh')}：{counts['error']}个错误，{counts['warning']}个警告，"
                   f"{counts['notice']}个提示",
                   f"{unit.name.en} {semester.label('en')}: {counts['error']} errors, {counts['warning']} warnings, "
                   f"{counts['notice']} notices")(lang))  # fmt: skip
        for severity, title in (("error", Text("错误", "Errors")), ("warning", Text("警告", "Warnings")),
                                ("notice", Text("提示", "Notices"))):  # fmt: skip
            chosen = [r for r in results if r.severity == severity]
            if chosen:
                print(f"\n{title(lang)}")
            for r in chosen:
                done = Text("（已说明）", " (explained)")(lang) if r.explained else ""
                print(f"  [{r.rule}] {r.message(lang)}{done}")
    return EXIT_REFUSED if any(r.severity == "error" for r in results) else EXIT_OK


def form_people(args: argparse.Namespace, keys: tuple[str, ...]) -> dict[str, str]:
    """The form's people from the command line, with the date checked: nothing is printed as typed unchecked."""
    people = {k: getattr(args, k).strip() for k in keys if getattr(args, k, None) and getattr(args, k).strip()}
    if "date" in people:
        try:
            people["date"] = date.fromisoformat(people["date"]).isoformat()
        except ValueError:
            raise BadInput(Text(f"报出日期“{people['date']}”不是有效日期，请写作 2024-07-15",
                                f"Date sent '{people['date']}' is not a date; write it as 2024-07-15")) from None
    if "phone" in people and (refusal := telephone_refusal(people["phone"])):
        raise BadInput(refusal)
    return people


def cmd_withdraw(args: argparse.Namespace) -> int:
    ctx = context(args)
    unit, semester = unit_arg(ctx, args.unit), semester_arg(args.semester)
    ctx.submissions.withdraw(ctx.user, unit, semester, args.reason)
    print(Text(f"{unit.name.zh}{semester.label('zh')}已撤回，可修改后重新报送",
               f"{unit.name.en} {semester} withdrawn; it can be corrected and submitted again")(args.lang))  # fmt: skip
    return EXIT_OK


LASTING_NAMES = {"head": Text("单位负责人", "head of unit"), "stats": Text("统计负责人", "head of statistics"),
                 "phone": Text("联系电话", "telephone")}  # fmt: skip


def _last_people(ctx, unit, args: argparse.Namespace) -> None:
    """What is not given is taken from the unit's last sign-off, as the sign-off dialog offers it, and said so."""
    kept, half, version = ctx.submissions.last_people(unit)
    taken = {k: v for k, v in kept.items() if getattr(args, k) is None}  # --phone "" clears: it is not taken
    for name, value in taken.items():
        setattr(args, name, value)
    if taken:
        zh = "，".join(f"{LASTING_NAMES[k].zh}：{v}" for k, v in taken.items())
        en = ", ".join(f"{LASTING_NAMES[k].en}: {v}" for k, v in taken.items())
        flags = " ".join(f"--{k}" for k in taken)
        print(Text(f"沿用{half.label('zh')}第{version}版签署时的{zh}（如有变化，请用 {flags} 给出）",
                   f"Taken from the sign-off of {half.label('en')} version {version}: {en} (give {flags} if changed)")(args.lang),
              file=sys.stderr)  # fmt: skip


def cmd_submit(args: argparse.Namespace) -> int:
    """The approver's password comes from ECOREPORT_APPROVER_PASSWORD or is asked for, never from the command line."""
    ctx = context(args)
    unit, semester = unit_arg(ctx, args.unit), semester_arg(args.semester)
    _last_people(ctx, unit, args)
    missing = [name for name, given in (("--head", args.head), ("--phone", args.phone)) if not (given or "").strip()]
    if missing:  # printed on the form: as the sign-off dialog, the command line does not leave them blank
        raise BadInput(Text(f"请用 {' 和 '.join(missing)} 给出单位负责人和联系电话：它们印在报表上",
                            f"Give {' and '.join(missing)}: the head of unit and the telephone are printed on the form"))  # fmt: skip
    password = password_from("ECOREPORT_APPROVER_PASSWORD",
                             Text(f"审核人 {args.approver} 的密码：", f"Password of approver {args.approver}: "), args.lang)  # fmt: skip
    people = form_people(args, ("head", "stats", "preparer", "phone", "date"))
    people.setdefault("date", date.today().isoformat())
    version = ctx.submissions.sign_off(args.user, args.approver, password, unit, semester, people)
    print(Text(f"{unit.name.zh}{semester.label('zh')}第{version}版已报送", f"{unit.name.en} {semester} version {version} submitted")(args.lang))
    if args.output:  # as the window's sign-off saves it: the file that goes to the bureau
        from desktop.exchange.export import submission_workbook
        from desktop.exchange.save import save_workbook

        saved = save_workbook(submission_workbook(ctx.store, unit, semester, args.lang), Path(args.output))
        print(Text(f"报送文件已保存：{saved}（交市局）", f"Submission saved: {saved} (for the bureau)")(args.lang))
    else:
        print(Text(f"交市局的报送文件：ecoreport export {unit.code} {semester} -o 文件.xlsx",
                   f"The file for the bureau: ecoreport export {unit.code} {semester} -o FILE.xlsx")(args.lang), file=sys.stderr)  # fmt: skip
    return EXIT_OK
