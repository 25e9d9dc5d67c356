"""Commands that exchange Excel workbooks and write reports: template, import, export, consolidate, report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import context, readable, semester_arg, unit_arg
from desktop.cli.errors import EXIT_OK, EXIT_REFUSED
from desktop.cli.output import dump_json
from desktop.cli.words import CHINESE, Words
from desktop.core.text import Text


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, t: Words = CHINESE) -> None:
    p = sub.add_parser("template", parents=[common], help=t("为一个单位和半年度生成填报模板", "write a fill-in template for a unit and half"))
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("semester", metavar="HALF")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(run=cmd_template)
    p = sub.add_parser("import", parents=[common], help=t("导入填好的模板或报送文件", "import filled templates or submission workbooks"))
    p.add_argument("files", nargs="+", metavar="FILE.xlsx")
    p.add_argument("--unit", metavar="UNIT", help=t("拒收其他单位的文件", "refuse files of any other unit"))
    p.add_argument("--half", metavar="HALF", help=t("拒收其他半年度的文件", "refuse files of any other half-year"))
    p.add_argument("--changes", action="store_true", help=t("逐项列出每个文件改动的数值、说明和状态（原为 → 改为）",
                                                            "list each value, explanation and status a file changed (was → now)"))
    p.add_argument("--json", action="store_true", help=t("每个文件的结果，连同其全部改动", "each file's result, with all it changed"))
    p.set_defaults(run=cmd_import)
    p = sub.add_parser("export", parents=[common], help=t("生成正式的报送文件", "write the official submission workbook"))
    p.add_argument("unit", metavar="UNIT")
    p.add_argument("semester", metavar="HALF")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    for name, text in (("preparer", "填表人"), ("approver", "审核人"), ("head", "单位负责人"), ("phone", "联系电话"), ("date", "报出日期")):
        p.add_argument(f"--{name}", help=t(f"表上的{text}（默认：取自审计日志，或留空手签）",
                                           f"{text} on the form (default: from the audit log, or blank to sign by hand)"))  # fmt: skip
    p.set_defaults(run=cmd_export)
    include = t("全市计入哪些区县：只计已审核通过的（默认，全部通过后即为最终数），或连同已报送的（初步数）",
                "which districts the city counts: accepted only (default, final once all are), or received ones too "
                "(provisional)")  # fmt: skip
    p = sub.add_parser("consolidate", parents=[common], help=t("由各区县数据生成全市汇总表", "the city's workbook from the districts' data"))
    p.add_argument("semester", metavar="HALF")
    p.add_argument("-o", "--output", metavar="FILE.xlsx")
    p.add_argument("--json", action="store_true", help=t("像 show --json 一样输出全市数据", "print the city's figures as `show --json` does"))
    p.add_argument("--include", choices=("accepted", "received"), default="accepted", help=include)
    p.set_defaults(run=cmd_consolidate)
    p = sub.add_parser("report", parents=[common], help=t("半年度的文字报告（全市，或一个单位）",
                                                          "the narrative report of a half (the city, or one unit)"))  # fmt: skip
    p.add_argument("semester", metavar="HALF")
    p.add_argument("unit", nargs="?", metavar="UNIT")
    p.add_argument("--include", choices=("accepted", "received"), default="accepted", help=include)
    p.add_argument("-o", "--output", metavar="FILE.docx", help=t("把报告写成 Word 文档（GB/T 9704 版式）",
                                                                 "write the report as a Word document (GB/T 9704 layout)"))  # fmt: skip
    p.set_defaults(run=cmd_report)


def _saved(path: Path, lang: str) -> None:
    print(Text(f"已保存：{path}", f"Saved: {path}")(lang))


def cmd_template(args: argparse.Namespace) -> int:
    from desktop.core.derived import compute
    from desktop.exchange.save import save_workbook
    from desktop.exchange.template import build_template, reading_of

    ctx = context(args)
    unit, semester = unit_arg(ctx, args.unit), semester_arg(args.semester)
    store, catalog = ctx.store, ctx.catalog
    reading = reading_of(store, unit, semester)
    half = store.unit_half(unit, semester)
    wb = build_template(catalog, unit, semester, compute(catalog, half.raw, semester),
                        store.figures(unit, semester.previous()), store.figures(unit, semester.same_last_year()),
                        half.explanations, args.lang, reading)  # fmt: skip
    _saved(save_workbook(wb, Path(args.output)), args.lang)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.exchange.importer import REFUSED, import_files

    ctx = context(args)
    unit = unit_arg(ctx, args.unit) if args.unit else None
    semester = semester_arg(args.half) if args.half else None
    results = import_files(ctx.store, [Path(f) for f in args.files], args.user, unit, semester)
    lang = args.lang
    if args.json:
        dump_json([item for r in results for item in r.to_json(lang)])
    else:
        for r in results:
            for item in r.to_json(lang):
                stream = sys.stderr if r.status == REFUSED or item["level"] == "notice" else sys.stdout
                print(f"{r.path.name}: {item['message'] if not item['cell'] else item['sheet'] + '!' + item['cell'] + ': ' + item['message']}",
                      file=stream)  # fmt: skip
            if args.changes:
                _print_changes(ctx.catalog, r.changed, lang)
    return EXIT_REFUSED if any(r.status == REFUSED for r in results) else EXIT_OK


def _print_changes(catalog, changed, lang: str) -> None:
    from desktop.core.display import change_lines

    empty = Text("（空）", "(empty)")(lang)
    for line in change_lines(catalog, changed, lang):
        unit = ("" if line.unit == "%" else " ") + line.unit if line.unit and line.new else ""
        print(f"  {line.name} · {line.what}: {line.old or empty} → {line.new or empty}{unit}")


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.exchange.export import submission_workbook
    from desktop.exchange.save import save_workbook

    ctx = context(args)
    unit, semester = unit_arg(ctx, args.unit), semester_arg(args.semester)
    from desktop.cli.values import form_people

    people = form_people(args, ("preparer", "approver", "head", "phone", "date"))
    signed = ctx.submissions.sign_off_of(unit, semester) is not None
    if people and signed:
        print(Text("该版本已签署：封面上的签字人与日期以签署时为准，命令行给出的不予采用",
                   "This version is signed: the form shows the people and date given at sign-off, not these")(args.lang),
              file=sys.stderr)  # fmt: skip
    wb = submission_workbook(ctx.store, unit, semester, args.lang, people)
    _saved(save_workbook(wb, Path(args.output)), args.lang)
    if not signed:  # said where the person is looking, not only in the file's sheet names
        print(Text("注意：这是草稿，未经审核人签署，市局不会接收；签署后再导出报送文件（ecoreport submit）",
                   "Note: this is a draft, not signed off by an approver; the bureau will not take it. Sign off, then "
                   "export again (ecoreport submit)")(args.lang), file=sys.stderr)  # fmt: skip
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace) -> int:
    from desktop.core.report import half_json
    from desktop.store.reports import half_report

    ctx = context(args)
    semester = semester_arg(args.semester)
    readable(ctx, ctx.units.municipality)
    city = half_report(ctx.store, ctx.units.municipality, semester, args.include)
    if args.output:
        from datetime import date

        from desktop.exchange.consolidation_book import Issued, build_consolidation, district_rows
        from desktop.exchange.save import save_workbook

        user = ctx.users.find(ctx.user)
        issued = Issued(ctx.resources.form.authority, (user.display_name or user.name) if user else ctx.user, date.today())
        wb = build_consolidation(city, district_rows(ctx.store, semester), ctx.catalog, args.lang, issued)
        path = save_workbook(wb, Path(args.output))
        if not args.json:
            _saved(path, args.lang)
    if args.json:
        dump_json(half_json(city, ctx.catalog.version, args.lang, ctx.units))
    elif not args.output:
        print(Text("请用 -o 指定输出文件，或用 --json 输出全市数据", "Give -o FILE.xlsx, or --json for the city's figures")(args.lang),
              file=sys.stderr)  # fmt: skip
        return 2
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.store.reports import half_report, narrative, unwritten

    ctx = context(args)
    semester = semester_arg(args.semester)
    unit = unit_arg(ctx, args.unit) if args.unit else ctx.units.municipality
    readable(ctx, unit)
    report = half_report(ctx.store, unit, semester, args.include)
    text = narrative(ctx.resources, report, args.lang)
    if not text:
        print(
            Text("该半年度没有可写入报告的数据", "There are no figures to report for this half-year")(
                args.lang
            ),
            file=sys.stderr,
        )
        return EXIT_REFUSED
    if args.output:
        from datetime import date

        from desktop.exchange.report_docx import build_report
        from desktop.exchange.save import save_workbook
        from desktop.store.reports import narrative_sections

        doc = build_report(report, narrative_sections(ctx.resources, report, args.lang), ctx.catalog,
                           ctx.resources.form.authority, date.today(), args.lang)  # fmt: skip
        _saved(save_workbook(doc, Path(args.output), ".docx"), args.lang)
    else:
        print("\n\n".join(text))
    left_out = unwritten(ctx.resources, report, args.lang)
    if left_out:
        print(Text("注意：", "Note: ")(args.lang) + left_out, file=sys.stderr)
    return EXIT_OK

