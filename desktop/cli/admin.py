"""Commands that set up and inspect: init, catalog, audit."""

from __future__ import annotations

import argparse
import os
import secrets
import sys

from desktop.cli.common import context, unit_arg
from desktop.cli.errors import BadInput
from desktop.cli.output import dump_json, table
from desktop.cli.words import CHINESE, Words
from desktop.core.text import Text, UserError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, t: Words = CHINESE) -> None:
    p = sub.add_parser("init", parents=[common], help=t("建立或升级数据库（--demo：填入演示数据）",
                                                        "create or upgrade the database (--demo: fill demo data)"))  # fmt: skip
    p.add_argument("--demo", action="store_true", help=t("填入38个区县和全市2023年上半年至2024年上半年的数据",
                                                         "fill 38 districts and the city for 2023H1–2024H1"))  # fmt: skip
    p.add_argument("--admin-password", help=t("管理员账户的密码（默认：生成后显示一次）",
                                              "password of the admin account (default: generated and printed)"))  # fmt: skip
    p.add_argument("--unit", metavar="UNIT", help=t("本机所属单位（代码或名称）：区县的填报机只填报、报送本区县的数据，"
                                                     "市局（500000）的审核；设定后不能更改。已有用户的数据库须以管理员 --user 设定",
                                                     "the unit this installation serves (code or name): a district's enters "
                                                     "and submits that district's half only, the bureau's (500000) reviews; "
                                                     "it cannot be changed once set. A database with users needs an "
                                                     "administrator's --user"))  # fmt: skip
    p.set_defaults(run=cmd_init)
    p = sub.add_parser("backup", parents=[common], help=t("备份数据库（使用中也可安全备份）", "copy the database (safe while it is in use)"))
    p.add_argument("-o", "--output", metavar="FILE", help=t("默认：数据库旁的 backups/ 目录，文件名带时间",
                                                            "default: backups/ beside the database, with the time"))  # fmt: skip
    p.set_defaults(run=cmd_backup)
    p = sub.add_parser("restore", parents=[common], help=t("用备份替换数据库（先备份当前数据库）",
                                                           "replace the database with a backup (the current one is backed up first)"))  # fmt: skip
    p.add_argument("file", metavar="FILE")
    p.add_argument("--older", action="store_true", help=t("确认恢复早于本机已签发报送的备份（这些版本将不在本机）",
                                                          "restore a backup older than versions signed off here (they are no longer held here)"))  # fmt: skip
    p.set_defaults(run=cmd_restore)
    p = sub.add_parser("selftest", parents=[common], help=t("检查本机安装：临时数据库、审核规则、工作簿",
                                                            "check this installation: a temporary database, checks, workbooks"))  # fmt: skip
    p.set_defaults(run=cmd_selftest)
    p = sub.add_parser("catalog", parents=[common], help=t("列出指标目录", "list the indicator catalog"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_catalog)
    p = sub.add_parser("audit", parents=[common], help=t("查看审计日志；audit verify 校验其哈希链",
                                                         "show the audit log; `audit verify` checks its hash chain"))  # fmt: skip
    p.add_argument("unit", nargs="?", metavar="UNIT", help=t("单位，或 verify", "a unit, or `verify`"))
    p.add_argument("--limit", type=int, default=None, help=t("只显示最新的 N 条", "only the newest N entries"))
    p.add_argument("--against", nargs="+", metavar="FILE", default=[],
                   help=t("与 verify 一起用：同时核对文件或备份中本机日志的签名链头（对方发来的文件：对方为本机保存的链头）",
                          "with verify: also check the signed heads of this log a file or backup carries (a file from the "
                          "other side: the heads it kept of this log)"))  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_audit)


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.cli.common import sign_in
    from desktop.store import demo

    if args.unit and args.demo:
        raise BadInput(Text("演示数据库同时扮演市局和各区县，不设本机所属单位（--unit）",
                            "The demo database plays the bureau and every district: it serves no one unit (--unit)"))  # fmt: skip
    if args.unit:
        _known_unit(args)  # before a new database file is made for a mistyped unit
    ctx = context(args, anonymous=True)  # it makes the first account
    store, lang = ctx.store, args.lang
    unit = _unit(ctx, args.unit) if args.unit else None
    had_users = ctx.users.any()
    if unit is not None and had_users and ctx.served_unit.get() != unit:
        if not getattr(args, "user", None):
            raise BadInput(Text("数据库中已有用户：设置本机所属单位须以管理员身份（--user admin）",
                                "The database has users: naming the unit it serves needs an administrator (--user admin)"))  # fmt: skip
        ctx.user = sign_in(ctx, args)
        ctx.served_unit.set(ctx.user, unit)  # refused before anything says the database is ready
    print(Text(f"数据库已就绪：{store.db.url}", f"Database ready: {store.db.url}")(lang))
    if not had_users:
        password = args.admin_password or os.environ.get("ECOREPORT_ADMIN_PASSWORD")
        generated = not password and not args.demo
        password = password or (demo.DEMO_PASSWORD if args.demo else secrets.token_urlsafe(9))
        ctx.users.create("admin", "admin", password, "admin", None, "系统管理员")
        if generated:
            print(Text(f"已创建管理员账户 admin，初始密码：{password}（请妥善保管）",
                       f"Created the admin account; its password is: {password} (keep it safe)")(lang))  # fmt: skip
        if not args.demo:
            print(_next_steps(unit)(lang))
    if unit is not None and not had_users:
        ctx.served_unit.set("admin", unit)
    serves = ctx.served_unit.get()
    if serves is not None:
        print(Text(f"本机所属单位：{serves.name.zh}（{serves.code}）", f"This installation serves {serves.name.en} ({serves.code})")(lang))
    if args.demo:
        if not store.is_empty():
            raise UserError(Text("数据库中已有数据，未写入演示数据；请用 --db 指定新的数据库文件",
                                 "The database already holds values; no demo data written. Use --db with a new file"))  # fmt: skip
        demo.fill(store)
        names = ", ".join(["admin"] + [u[0] for u in demo.DEMO_USERS])
        print(Text(f"已写入演示数据（2023H1–2024H1，38个区县和全市）。演示用户：{names}，密码均为 {demo.DEMO_PASSWORD}",
                   f"Demo data written (2023H1–2024H1, 38 districts and the city). Demo users: {names}; "
                   f"password {demo.DEMO_PASSWORD}")(lang))  # fmt: skip
    return 0


_DISTRICT_NEXT = Text("ecoreport package import 市局发来的设置包.ecopkg --user admin（带来本区县的账户）",
                      "ecoreport package import the-bureaus-package.ecopkg --user admin (it brings the district's accounts)")
_BUREAU_NEXT = Text("ecoreport user add（审核员）、ecoreport account add（区县账户）、ecoreport target set、"
                    "ecoreport package export --unit 区县代码",
                    "ecoreport user add (reviewers), ecoreport account add (district accounts), ecoreport target set, "
                    "ecoreport package export --unit CODE")  # fmt: skip


def _next_steps(unit) -> Text:
    """What a new database's administrator does next: a district's, the bureau's, or (not yet named) either."""
    manual = Text("详见用户手册（图形界面中按 F1）", "See the user manual (F1 in the GUI)")
    if unit is None:
        return Text(f"下一步——先设定本机所属单位：ecoreport init --unit 单位代码 --user admin；然后区县：{_DISTRICT_NEXT.zh}；"
                    f"市局：{_BUREAU_NEXT.zh}。{manual.zh}",
                    f"Next — first name the unit this installation serves: ecoreport init --unit CODE --user admin; "
                    f"then a district: {_DISTRICT_NEXT.en}; the bureau: {_BUREAU_NEXT.en}. {manual.en}")  # fmt: skip
    steps = _BUREAU_NEXT if unit.is_municipality else _DISTRICT_NEXT
    return Text(f"下一步：{steps.zh}。{manual.zh}", f"Next: {steps.en}. {manual.en}")


def _known_unit(args) -> None:
    """Refuses a unit the shipped data files do not know, when the database does not exist yet (a set-up package
    could name others only once one is there)."""
    from pathlib import Path

    from desktop.core.loading import load_resources
    from desktop.resources import resources_dir
    from desktop.store.database import database_url

    url = database_url(args.db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        try:
            load_resources(resources_dir()).units.find(args.unit)
        except UserError as exc:
            raise BadInput(exc.text) from None


def _unit(ctx, text: str):
    try:
        return ctx.units.find(text)
    except UserError as exc:
        raise BadInput(exc.text) from None


def cmd_catalog(args: argparse.Namespace) -> int:
    catalog, lang = context(args, anonymous=True).catalog, args.lang  # the active set-up package's, if the bureau issued one
    if args.json:
        dump_json({"version": catalog.version, "topics": [
            {"code": t.code, "name_zh": t.name.zh, "name_en": t.name.en, "indicators": [
                _indicator_json(catalog[c]) for c in catalog.indicators if catalog[c].topic == t.code]}
            for t in catalog.topics]})  # fmt: skip
        return 0
    print(Text(f"指标目录 版本 {catalog.version}", f"Indicator catalog, version {catalog.version}")(lang))
    for topic in catalog.topics:
        print(f"\n[{topic.name(lang)}]")
        rows = []
        for code in [c for c in catalog.indicators if catalog[c].topic == topic.code]:
            ind = catalog[code]
            how = ind.formula.source if ind.derived else _AGGREGATION[ind.aggregation](lang)
            rows.append([code, ind.name(lang), ind.unit(lang), _TYPE[ind.type](lang), how])
        print(table(rows))
    return 0


_AGGREGATION = {"sum": Text("区县汇总", "sum of districts"), "entered": Text("市级实测", "city measures"),
                "municipal": Text("仅市局填报", "bureau only")}  # fmt: skip
_TYPE = {"integer": Text("整数", "integer"), "decimal": Text("小数", "decimal"), "percent": Text("百分比", "percent"),
         "category": Text("类别", "category"), "text": Text("文字", "text")}  # fmt: skip


def _indicator_json(ind) -> dict:
    out = {"code": ind.code, "name_zh": ind.name.zh, "name_en": ind.name.en, "unit_zh": ind.unit.zh,
           "unit_en": ind.unit.en, "type": ind.type, "places": ind.places, "aggregation": ind.aggregation,
           "nature": ind.nature, "derived": ind.derived, "required": ind.required,
           "min": None if ind.min is None else str(ind.min), "max": None if ind.max is None else str(ind.max)}  # fmt: skip
    if ind.derived:
        out["formula"] = ind.formula.source
    if ind.levels:
        out["levels"], out["levels_en"] = list(ind.levels), list(ind.levels_en)
    return out


def cmd_audit(args: argparse.Namespace) -> int:
    from desktop.store.audit import to_json

    ctx = context(args)
    if args.unit == "verify":
        return _verify(ctx, args)
    unit = unit_arg(ctx, args.unit) if args.unit else None
    me = ctx.users.find(ctx.user)
    if unit is None and me.role not in ("reviewer", "admin"):
        unit = ctx.units.get(me.unit_code)  # a district's users read their own unit's log
    rows = ctx.audit.entries(unit.code if unit else None, args.limit)
    if args.json:
        dump_json([to_json(r) for r in rows])
        return 0
    from desktop.core.vocabulary import action_name, recorded_reason, recorded_user, recorded_value

    lang = args.lang
    head = Text("序号|时间|用户|操作|单位|半年度|指标|原值|新值|原因", "id|when|user|action|unit|half|indicator|old|new|reason")
    out = [head(lang).split("|")]
    for r in rows:  # as the audit screen reads them: local time, words for actions and statuses (--json keeps the codes)
        ind = ctx.catalog.indicators.get(r.code) if r.code else None
        out.append([str(r.id), r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), recorded_user(r.user, r.imported_by, lang),
                    action_name(r.action)(lang),
                    r.unit_code or "", r.semester or "", ind.name(lang) if ind else r.code or "",
                    _short(recorded_value(r.action, r.old, lang)), _short(recorded_value(r.action, r.new, lang)),
                    recorded_reason(r.action, r.reason, lang)])  # fmt: skip
    print(table(out))
    return 0


def _short(text: str | None, size: int = 24) -> str:
    if text is None:
        return "∅"
    return text if len(text) <= size else text[: size - 1] + "…"


def _verify(ctx, args) -> int:
    from pathlib import Path

    from desktop.exchange.heads import carried

    served, city, own_keys = ctx.served_unit.get(), ctx.units.municipality.code, ctx.audit.signing_keys()
    checked, said, files = [], [], []
    for name in args.against:
        found = carried(Path(name))
        heads, own = found.of_this_log(served.code if served else None, city, own_keys)
        writer = ctx.units.get(found.written_by(city) or "")
        checked += heads
        if found.head is None and not found.held:
            status = "no head"
            said.append(Text(f"{name}：没有签名头，未对照", f"{name}: carries no signed head; not checked"))
        elif heads and own:
            status = "checked"
            said.append(Text(f"{name}：按其中本机的签名头核对", f"{name}: checked against this log's head it carries"))
        elif heads:  # the other side's file: the heads it kept of this log are the independent copy
            status = "held heads checked"
            said.append(Text(f"{name}：{writer.name.zh if writer else '对方'}写出的文件，按其中保存的本机签名头（{len(heads)}个）核对",
                             f"{name}: written by {writer.name.en if writer else 'the other side'}; checked against the "
                             f"{len(heads)} heads of this log it kept"))  # fmt: skip
        else:
            status = "another installation's"
            whose = Text(f"{writer.name.zh}的电脑", f"{writer.name.en}'s computer") if writer else Text("另一台电脑", "another computer")
            said.append(Text(f"{name}：由{whose.zh}写出，签名头属于对方的审计日志，不能用来核对本机的日志（未对照）",
                             f"{name}: written on {whose.en}; its signed head is of that installation's log, not this one's "
                             "(not checked)"))  # fmt: skip
        files.append({"file": name, "status": status, "heads": len(heads)})
    count, broken = ctx.audit.verify(checked)
    own = ctx.store.db.witness.head()
    if args.json:
        dump_json({"rows": count, "intact": broken is None, "first_broken": broken.id if broken else None,
                   "last_broken": broken.last if broken else None, "problem": broken.problem if broken else None,
                   "found_by": broken.source if broken else None, "own_record": own is not None, "files": files,
                   "files_without_head": [f["file"] for f in files if f["status"] == "no head"]})  # fmt: skip
    elif broken is None:
        print(Text(f"审计日志完整：{count}条记录的哈希链均吻合", f"The audit log is intact: the hash chain of {count} rows holds")(args.lang))
        if own is None:
            print(Text("（本机没有保存此数据库的签名头，无法发现最新记录被删除；可用 --against 与报送文件或备份对照）",
                       "(this computer keeps no signed head of this database, so deleted newest entries cannot be seen here; "
                       "check against submissions or backups with --against)")(args.lang))  # fmt: skip
    else:
        print(Text("审计日志被篡改：", "The audit log was tampered with: ")(args.lang) + broken.describe()(args.lang))
    for sentence in said:
        print(sentence(args.lang), file=sys.stderr)
    return 0 if broken is None else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.store.database import utc_stamp

    ctx = context(args)
    db = ctx.store.db
    target = Path(args.output) if args.output else (db.path.parent / "backups" / f"{db.path.stem}-{utc_stamp()}.sqlite3" if db.path else None)
    path = db.backup(target)
    print(Text(f"已备份到：{path}", f"Backed up to: {path}")(args.lang))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desktop.store.restore import restore

    ctx = context(args)
    safety = restore(ctx.store, ctx.user, Path(args.file), older=args.older)
    context(args, anonymous=True)  # the restored copy opened as any command opens it (units mirrored)
    print(Text(f"已从 {args.file} 恢复；恢复前的数据库已备份到 {safety}", f"Restored from {args.file}; the database before it is kept in {safety}")(args.lang))
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    """Headless proof that an installation works: data files, database, checks, Excel out and back in."""
    import tempfile
    from pathlib import Path

    from desktop import __version__
    from desktop.cli.fonts import chinese_font_families
    from desktop.context import open_context
    from desktop.core.semester import Semester
    from desktop.exchange.export import submission_workbook
    from desktop.exchange.importer import IMPORTED, import_file
    from desktop.exchange.save import save_workbook
    from desktop.exchange.template import build_template
    from desktop.store import witness
    from desktop.store.database import database_url

    lang = args.lang
    steps = []
    # Where this account's data lives, for the IT person planning backups or a move (a backup holds the database; the
    # witness folder, beside it, holds the audit log's signed heads and this installation's key).
    places = Text(f"本账户的数据库：{database_url(args.db)}；审计见证文件夹：{witness.folder()}",
                  f"this account's database: {database_url(args.db)}; audit witness folder: {witness.folder()}")  # fmt: skip
    families = chinese_font_families()
    if families == []:
        raise UserError(Text("自检失败：本机没有能显示中文的字体，界面上的中文会显示为方框；请安装 fonts-noto-cjk（或 fonts-wqy-microhei）",
                             "Self-test failed: no font on this computer shows Chinese, so the window's Chinese would be "
                             "drawn as boxes; install fonts-noto-cjk (or fonts-wqy-microhei)"))  # fmt: skip
    steps.append(Text(f"中文字体：{families[0]} 等 {len(families)} 种", f"Chinese fonts: {families[0]} and {len(families) - 1} more")
                 if families else Text("中文字体：无法检查（缺少 fontconfig 的 fc-list）", "Chinese fonts: not checked (fontconfig's fc-list is missing)"))  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="ecoreport-selftest-") as folder:
        os.environ["ECOREPORT_WITNESS_DIR"] = str(Path(folder) / "witness")  # the throwaway database's record goes too
        ctx = open_context(str(Path(folder) / "selftest.sqlite3"), lang)
        steps.append(Text(f"数据文件：指标目录 {ctx.catalog.version}，{len(ctx.catalog.indicators)} 项指标，{len(ctx.units)} 个单位",
                          f"data files: catalog {ctx.catalog.version}, {len(ctx.catalog.indicators)} indicators, {len(ctx.units)} units"))  # fmt: skip
        unit, half = ctx.units.find("500101") if ctx.units.get("500101") else ctx.units.districts()[0], Semester(2024, 1)
        ctx.users.create("selftest", "selftest", "selftest-password", "admin")
        ctx.store.set_values("selftest", unit, half, {"water.sections_total": "3", "water.sections_excellent": "2"})
        figures = ctx.store.figures(unit, half)
        if str(figures.get("water.excellent_ratio")) != "66.7":
            raise UserError(Text(f"自检失败：派生指标计算有误 {figures.derived}", f"Self-test failed: derived figures {figures.derived}"))
        checks = ctx.store.checks(unit, half)
        from desktop.core.pinyin import readings, unit_matches

        initials = readings(unit.name.zh)[0]
        if not unit_matches(unit, initials):
            raise UserError(Text(f"自检失败：按拼音首字母 {initials} 找不到{unit.name.zh}", f"Self-test failed: {initials} does not find {unit.name.en}"))
        steps.append(Text(f"查找：拼音首字母 {initials} → {unit.name.zh}", f"search: pinyin initials {initials} → {unit.name.en}"))
        from desktop.core.linebreak import break_lines

        if break_lines("monitoring", 9)[0] != "monitor-":
            raise UserError(Text("自检失败：英文表头无法断字（缺少 pyphen 的英文词典）", "Self-test failed: no English hyphenation (pyphen's dictionary)"))
        steps.append(Text("英文表头断字：monitoring → monitor-ing", "English headings hyphenate: monitoring → monitor-ing"))
        import jeepney.io.blocking  # noqa: F401 - the GUI's connection to fcitx 4
        from jeepney import DBusAddress, new_method_call

        key = DBusAddress("/inputcontext_0", "org.fcitx.Fcitx-0", "org.fcitx.Fcitx.InputContext")
        new_method_call(key, "ProcessKeyEvent", "uuuiu", (110, 57, 0, 0, 0)).serialise(serial=1)
        steps.append(Text("输入法：可与 fcitx 4 通信（D-Bus）", "input method: fcitx 4's D-Bus protocol available"))
        steps.append(Text(f"数据库与审核：2/3 → {figures.get('water.excellent_ratio')}%，{len(checks)} 条审核结果",
                          f"database and checks: 2/3 → {figures.get('water.excellent_ratio')}%, {len(checks)} check results"))  # fmt: skip
        template = save_workbook(build_template(ctx.catalog, unit, half, figures, figures, figures, {}, lang), Path(folder) / "t.xlsx")
        submission = save_workbook(submission_workbook(ctx.store, unit, half, lang), Path(folder) / "s.xlsx")
        from python_calamine import CalamineWorkbook

        sheets = CalamineWorkbook.from_path(str(submission)).sheet_names
        steps.append(Text(f"Excel：模板与报送文件已写出并读回（{len(sheets)} 个工作表）",
                          f"Excel: template and submission written and read back ({len(sheets)} sheets)"))  # fmt: skip
        from datetime import date

        from docx import Document

        from desktop.exchange.report_docx import build_report
        from desktop.store.reports import half_report, narrative_sections

        report = half_report(ctx.store, unit, half)
        doc = build_report(report, narrative_sections(ctx.resources, report, lang), ctx.catalog, ctx.resources.form.authority,
                           date.today(), lang)  # fmt: skip
        written = save_workbook(doc, Path(folder) / "r.docx", ".docx")
        headings = len(Document(str(written)).paragraphs)
        steps.append(Text(f"Word：报告已写出并读回（{headings} 段）", f"Word: the report written and read back ({headings} paragraphs)"))
        result = import_file(ctx.store, template, "selftest")
        if result.status not in (IMPORTED, "unchanged"):
            raise UserError(Text(f"自检失败：模板未能导入 {result.problems}", f"Self-test failed: the template was refused {result.problems}"))
        ctx.close()
    for step in steps:
        print(f"✓ {step(lang)}")
    print(places(lang))
    print(Text(f"EcoReport {__version__} 自检通过", f"EcoReport {__version__}: self-test passed")(lang))
    return 0
