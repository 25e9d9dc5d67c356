"""The bureau's review on the command line: inbox, queries, return, accept, and the review workbook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import context, readable, semester_arg, unit_arg
from desktop.cli.errors import EXIT_OK, EXIT_REFUSED
from desktop.cli.output import dump_json, table
from desktop.cli.words import CHINESE, Words
from desktop.core.text import Text
from desktop.core.workflow import INBOX_NAMES, Status


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, t: Words = CHINESE) -> None:
    p = sub.add_parser("inbox", parents=[common], help=t("市局某半年度的收件箱：各区县的报送情况",
                                                         "the bureau's inbox of a half: every district's submission"))  # fmt: skip
    p.add_argument("semester", metavar="HALF")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_inbox)
    review = sub.add_parser("review", parents=[common], help=t("审核报送：问题、退回、通过、文件",
                                                               "review a submission: queries, return, accept, files"))  # fmt: skip
    verbs = review.add_subparsers(dest="verb", metavar="VERB", required=True, title=t("操作", "verbs"))
    for name, run, text in (("show", cmd_show, t("问题，以及与上一版本相比的变化", "queries and changes since the previous version")),
                            ("accept", cmd_accept, t("审核通过（不能有未解决的问题；--comment 意见）",
                                                     "accept the submission (no open queries may remain; --comment)")),
                            ("return", cmd_return, t("退回区县（须 --reason 说明原因）", "return the submission to the district (--reason required)")),
                            ("reopen", cmd_reopen, t("重新打开已通过的报送再审（须 --reason）",
                                                     "reopen an accepted submission for review (--reason required)")),
                            ("export", cmd_export, t("生成给区县的审核意见文件（-o FILE）", "write the review workbook for the district (-o FILE)")),
                            ("query", cmd_query, t("对一个数值提出问题：CODE TEXT", "raise a query on a value: CODE TEXT"))):  # fmt: skip
        p = verbs.add_parser(name, parents=[common], help=text)
        p.add_argument("unit", metavar="UNIT")
        p.add_argument("semester", metavar="HALF")
        if name == "query":
            p.add_argument("code", metavar="CODE")
            p.add_argument("text", metavar="TEXT")
        if name in ("return", "reopen"):
            p.add_argument("--reason", required=True)
        if name == "accept":
            p.add_argument("--comment", help=t("记入审计日志", "kept in the audit log"))
        if name == "export":
            p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
        if name == "show":
            p.add_argument("--json", action="store_true")
        p.set_defaults(run=run)
    for name, run, text in (("reply", cmd_reply, t("答复问题：UID TEXT", "answer a query: UID TEXT")),
                            ("resolve", cmd_resolve, t("关闭问题：UID", "close a query: UID")),
                            ("reopen-query", cmd_reopen_query, t("重新打开已关闭的问题：UID --reason TEXT",
                                                                 "open a closed query again: UID --reason TEXT"))):  # fmt: skip
        p = verbs.add_parser(name, parents=[common], help=text)
        p.add_argument("uid", metavar="UID")
        if name == "reply":
            p.add_argument("text", metavar="TEXT")
        if name == "reopen-query":
            p.add_argument("--reason", required=True, help=t("区县可以看到", "the district sees it"))
        p.set_defaults(run=run)
    p = verbs.add_parser("remind", parents=[common], help=t("尚未报送某半年度的区县及逾期天数（催报）；-o 生成催报通知",
                                                            "the districts that have not reported a half, with days overdue "
                                                            "(催报); -o writes the notice"))  # fmt: skip
    p.add_argument("semester", metavar="HALF")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", help=t("生成催报通知", "write the 催报 notice"))
    p.set_defaults(run=cmd_remind)
    p = verbs.add_parser("queries", parents=[common], help=t("某半年度各区县未解决和已答复的问题，最早的在前",
                                                             "every district's open and answered queries of a half, oldest first"))  # fmt: skip
    p.add_argument("semester", metavar="HALF")
    p.add_argument("--json", action="store_true")
    p.add_argument("-o", "--output", metavar="FILE.xlsx", help=t("同时写成工作簿", "also write them as a workbook"))
    p.add_argument("--closed", action="store_true", help=t("连同已关闭的问题", "the closed queries too"))
    p.set_defaults(run=cmd_queries)
    p = verbs.add_parser("import", parents=[common], help=t("导入审核意见（区县）或报送文件（市局）",
                                                            "import a review workbook (district) or a submission (bureau)"))  # fmt: skip
    p.add_argument("files", nargs="+", metavar="FILE.xlsx")
    p.add_argument("--json", action="store_true")
    p.add_argument("--changes", action="store_true", help=t("逐项列出每个文件改动的内容（原为 → 改为）",
                                                            "list what each file changed (was → now)"))  # fmt: skip
    p.add_argument("--unit", help=argparse.SUPPRESS)
    p.add_argument("--half", help=argparse.SUPPRESS)
    p.set_defaults(run=_import)


def _import(args: argparse.Namespace) -> int:
    from desktop.cli.exchange import cmd_import

    return cmd_import(args)


def _review(args):
    from desktop.store.review import Review

    ctx = context(args)
    return ctx, Review(ctx.store), unit_arg(ctx, args.unit), semester_arg(args.semester)


def cmd_inbox(args: argparse.Namespace) -> int:
    from desktop.store.review import Review

    ctx = context(args)
    readable(ctx, ctx.units.municipality)  # every district's status: the bureau's view
    rows = Review(ctx.store).inbox(semester_arg(args.semester))
    lang = args.lang
    if args.json:
        dump_json([{"unit": r.unit.code, "name": r.unit.name(lang), "status": r.status, "version": r.version,
                    "received_at": r.received_at.isoformat(timespec="seconds") if r.received_at else None,
                    "deadline": r.deadline.isoformat() if r.deadline else None, "days_overdue": r.days_overdue if r.deadline else None,
                    "errors": r.errors, "warnings": r.warnings, "open_queries": r.open_queries} for r in rows])  # fmt: skip
        return EXIT_OK
    head = Text("单位|状态|版本|接收时间|截止日期|逾期天数|错误|未说明警告|未解决问题",
                "Unit|Status|Version|Received|Deadline|Days late|Errors|Unexplained warnings|Open queries")  # fmt: skip
    out = [head(lang).split("|")]
    for r in rows:
        out.append([r.unit.label(lang), INBOX_NAMES[r.status](lang), str(r.version or ""),
                    r.received_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.received_at else "", str(r.deadline or ""),
                    str(r.days_overdue or ""), str(r.errors), str(r.warnings), str(r.open_queries)])  # fmt: skip
    print(table(out))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    ctx, review, unit, semester = _review(args)
    threads = review.threads(unit, semester)
    previous, said_before = review.previous_version(unit, semester) or (None, None)
    from desktop.core.values import to_storage

    half = ctx.store.unit_half(unit, semester)
    now = {c: to_storage(v) for c, v in half.raw.items()}
    changed = {} if previous is None else {c: [previous.get(c), now.get(c)] for c in set(previous) | set(now)
                                          if previous.get(c) != now.get(c)}  # fmt: skip
    derived = _derived_changes(ctx.catalog, semester, previous, half.raw) if previous is not None else {}
    said = {c: t for c, t in half.explanations.items() if t}
    explained = {} if said_before is None else {c: [said_before.get(c), said.get(c)] for c in set(said_before) | set(said)
                                                if (said_before.get(c) or None) != (said.get(c) or None)}  # fmt: skip
    status, reason = review.decision(unit, semester)
    if args.json:
        dump_json({"unit": unit.code, "semester": str(semester), "status": status, "reason": reason, "changed": changed,
                   "derived_changed": derived, "explanations_changed": explained,
                   "queries": [{"uid": t.uid, "code": t.code, "status": t.status, "state": t.state, "version": t.version,
                                "messages": [{"author": m.author, "author_name": m.who, "side": m.side, "text": m.text, "kind": m.kind,
                                              "at": m.at.isoformat(timespec="seconds")} for m in t.messages]}
                               for t in threads]})  # fmt: skip
        return EXIT_OK
    lang = args.lang
    decided = reason and status in (Status.RETURNED, Status.REOPENED, Status.ACCEPTED)  # the reviewer's words, not a receipt's
    print(f"{unit.label(lang)} · {semester.label(lang)} · {INBOX_NAMES[status](lang)}" + (f" · {reason}" if decided else ""))
    from desktop.store.review import QUERY_STATES

    name = lambda code: ctx.catalog[code].name(lang) if code in ctx.catalog else code  # noqa: E731
    for code, (old, new) in sorted(changed.items()):
        print(f"  Δ {name(code)} ({code}): {old or '∅'} → {new or '∅'}")
    for code, (old, new) in derived.items():  # what the changed inputs moved, as the review screen marks it
        print(f"  Δ {name(code)} ({code}){Text('（计算）', ' (calculated)')(lang)}: {old or '∅'} → {new or '∅'}")
    for code, (old, new) in sorted(explained.items()):
        print(f"  Δ {Text('说明', 'explanation')(lang)} {name(code)} ({code}): {old or '∅'} → {new or '∅'}")
    steps = {"close": Text("关闭了问题", "closed the query"), "reopen": Text("重新打开了问题", "reopened the query")}
    for t in threads:
        print(f"\n[{t.uid[:8]}] {name(t.code)} ({QUERY_STATES[t.state](lang)})")
        for m in t.messages:
            said = f"{steps[m.kind](lang)}" + (f"：{m.text}" if m.text else "") if m.kind in steps else m.text
            print(f"  {m.at.astimezone():%Y-%m-%d %H:%M} {m.who}: {said}")
    return EXIT_OK


def _derived_changes(catalog, semester, previous: dict[str, str], now: dict) -> dict[str, list]:
    """Each calculated figure the version's changed inputs moved: [before, now] as published (None when absent)."""
    from desktop.core.derived import compute
    from desktop.core.values import format_value, from_storage

    before = compute(catalog, {c: from_storage(catalog[c], v) for c, v in previous.items() if c in catalog and v is not None}, semester)
    after = compute(catalog, now, semester)
    shown = lambda figures, code: format_value(catalog[code], figures.get(code)) if figures.get(code) is not None else None  # noqa: E731
    return {i.code: [shown(before, i.code), shown(after, i.code)] for i in catalog.derived()
            if shown(before, i.code) != shown(after, i.code)}


def cmd_query(args: argparse.Namespace) -> int:
    ctx, review, unit, semester = _review(args)
    uid = review.open_query(ctx.user, unit, semester, args.code, args.text)
    print(uid)  # alone on standard output, for scripts; the sentence goes to standard error
    name = ctx.catalog[args.code].name if args.code in ctx.catalog else Text(args.code, args.code)
    print(Text(f"已就“{name.zh}”向{unit.name.zh}提出问题，编号 {uid}（随审核意见文件发给区县）",
               f"Query on '{name.en}' raised with {unit.name.en}, id {uid} (it travels in the review file)")(args.lang),
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def cmd_reply(args: argparse.Namespace) -> int:
    from desktop.store.review import Review

    ctx = context(args)
    Review(ctx.store).reply(ctx.user, args.uid, args.text)
    print(Text(f"已回答问题 {args.uid}", f"Answered query {args.uid}")(args.lang))
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    from desktop.store.review import Review

    ctx = context(args)
    closed = Review(ctx.store).resolve(ctx.user, args.uid)
    print((Text(f"问题 {args.uid} 已关闭", f"Query {args.uid} closed") if closed else
           Text(f"问题 {args.uid} 此前已关闭，未作修改", f"Query {args.uid} was closed already; nothing changed"))(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_return(args: argparse.Namespace) -> int:
    ctx, review, unit, semester = _review(args)
    review.return_half(ctx.user, unit, semester, args.reason)
    print(Text(f"已退回{unit.name.zh}{semester.label('zh')}的报送；请导出审核意见文件发给区县（ecoreport review export）",
               f"Returned {unit.name.en}'s {semester}; export the review file for the district (ecoreport review export)")(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    from desktop.store.reports import half_report

    ctx, review, unit, semester = _review(args)
    review.accept(ctx.user, unit, semester, args.comment)
    print(Text(f"已审核通过{unit.name.zh}{semester.label('zh')}的报送，计入全市数据；请导出审核意见文件发给区县（ecoreport review export）",
               f"Accepted {unit.name.en}'s {semester}; it now counts for the city. Export the review file for the district "
               "(ecoreport review export)")(args.lang))  # fmt: skip
    # As the window's confirmation cautions, and as accepting several at once refuses: said, one at a time.
    open_findings = [r for r in half_report(ctx.store, unit, semester).checks
                     if r.severity == "error" or (r.severity == "warning" and not r.explained)]  # fmt: skip
    if open_findings:
        errors = sum(r.severity == "error" for r in open_findings)
        counted = [(n, zh, en) for n, zh, en in ((errors, "个错误", " error(s)"),
                                                  (len(open_findings) - errors, "个未说明的警告", " unexplained warning(s)")) if n]  # fmt: skip
        said = Text("注意：通过时仍有" + "、".join(f"{n}{zh}" for n, zh, _ in counted) + "：",
                    "Note: accepted with " + " and ".join(f"{n}{en}" for n, _, en in counted) + ":")  # fmt: skip
        print(said(args.lang) + "".join(f"\n  • {r.message(args.lang)}" for r in open_findings))
    return EXIT_OK


def cmd_reopen_query(args: argparse.Namespace) -> int:
    from desktop.store.review import Review

    ctx = context(args)
    Review(ctx.store).reopen_query(ctx.user, args.uid, args.reason)
    print(Text(f"问题 {args.uid} 已重新打开（随审核意见文件发给区县）",
               f"Query {args.uid} reopened (it travels in the review file)")(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_queries(args: argparse.Namespace) -> int:
    from desktop.store.review import QUERY_STATES, Review

    ctx = context(args)
    readable(ctx, ctx.units.municipality)  # every district's queries: the bureau's view
    semester, lang = semester_arg(args.semester), args.lang
    rows = Review(ctx.store).query_rows(semester, closed=args.closed)
    if args.output:
        from datetime import date

        from desktop.exchange.query_list import build_query_list
        from desktop.exchange.save import save_workbook

        issued = (ctx.resources.form.authority, date.today())
        saved = save_workbook(build_query_list(rows, ctx.catalog, semester, QUERY_STATES, lang, args.closed, issued), Path(args.output))
        print(Text(f"已保存：{saved}", f"Saved: {saved}")(lang), file=sys.stderr)
    if args.json:
        dump_json([{"uid": r.uid, "unit": r.unit.code, "name": r.unit.name(lang), "code": r.code, "state": r.state,
                    "opened_by": r.opened_by, "opened_by_name": r.opener, "opened_at": r.opened_at.isoformat(timespec="seconds"),
                    "days_open": r.days_open, "last_author": r.last_author, "last_author_name": r.last_who,
                    "last_text": r.last_text} for r in rows])  # fmt: skip
        return EXIT_OK
    head = Text("编号|单位|指标|状态|提出人|已开放天数|最后发言", "Id|Unit|Indicator|State|Raised by|Days open|Last word")
    out = [head(lang).split("|")]
    for r in rows:
        ind = ctx.catalog.indicators.get(r.code)
        out.append([r.uid[:8], r.unit.name(lang), ind.name(lang) if ind else r.code, QUERY_STATES[r.state](lang), r.opener,
                    str(r.days_open), f"{r.last_who}：{r.last_text}"[:40]])  # fmt: skip
    print(table(out))
    return EXIT_OK


def cmd_remind(args: argparse.Namespace) -> int:
    from datetime import date

    from desktop.store.review import Completeness, Review, to_remind

    ctx = context(args)
    readable(ctx, ctx.units.municipality)
    semester, lang = semester_arg(args.semester), args.lang
    rows = Review(ctx.store).inbox(semester)
    late, done = to_remind(rows), Completeness.of(rows)
    if args.output:
        from desktop.exchange.reminder_notice import build_reminder
        from desktop.exchange.save import save_workbook

        deadline = ctx.resources.targets.deadlines.get(semester)
        saved = save_workbook(build_reminder(late, semester, deadline, ctx.resources.form.authority, date.today(), lang),
                              Path(args.output))  # fmt: skip
        print(Text(f"已保存：{saved}", f"Saved: {saved}")(lang), file=sys.stderr)
    if args.json:
        dump_json({"total": done.total, "deadline": done.deadline.isoformat() if done.deadline else None, "received": done.received,
                   "on_time": done.on_time, "late": done.late, "missing": done.missing, "returned": done.returned, "to_remind": [{"unit": r.unit.code, "name": r.unit.name(lang), "status": r.status,
                                                             "days_overdue": r.days_overdue if r.deadline else None} for r in late]})  # fmt: skip
        return EXIT_OK
    if done.deadline is None:  # nothing to be on time for: not called so
        print(Text(f"已报送{done.received}个（未设截止日期，不评价是否按时），未报送{done.missing}个，已退回{done.returned}个（共{done.total}个区县）",
                   f"{done.received} received (no deadline set: timeliness not judged), {done.missing} not received, "
                   f"{done.returned} returned (of {done.total} districts)")(lang))  # fmt: skip
    else:
        print(Text(f"按时报送{done.on_time}个，逾期报送{done.late}个，未报送{done.missing}个，已退回{done.returned}个（共{done.total}个区县）",
                   f"{done.on_time} on time, {done.late} late, {done.missing} not received, {done.returned} returned "
                   f"(of {done.total} districts)")(lang))  # fmt: skip
    out = [Text("区县|状态|逾期天数", "District|Status|Days overdue")(lang).split("|")]
    out += [[r.unit.name(lang), INBOX_NAMES[r.status](lang), str(r.days_overdue) if r.deadline else "—"] for r in late]
    print(table(out))
    return EXIT_OK


def cmd_reopen(args: argparse.Namespace) -> int:
    ctx, review, unit, semester = _review(args)
    review.reopen(ctx.user, unit, semester, args.reason)
    print(Text(f"已重新打开{unit.name.zh}{semester.label('zh')}的报送，状态为“{INBOX_NAMES[Status.REOPENED].zh}”",
               f"Reopened {unit.name.en}'s {semester}; its status is '{INBOX_NAMES[Status.REOPENED].en}'")(args.lang))  # fmt: skip
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.exchange.review_book import build_review
    from desktop.exchange.save import save_workbook
    from desktop.store.heads import held

    ctx, review, unit, semester = _review(args)
    status, reason, at = review.review_file(unit, semester)
    if status == Status.DRAFT:
        print(Text(f"{unit.name.zh}尚未报送，没有审核意见可导出", f"{unit.name.en} has not submitted; there is no review")(args.lang))
        return EXIT_REFUSED
    version = ctx.store.statuses(semester)[unit.code].version
    wb = build_review(ctx.catalog, unit, semester, version, status, reason, ctx.user, review.threads(unit, semester), args.lang,
                      ctx.audit.newest_head(), held(ctx.store, unit.code), ctx.users.find(ctx.user).display_name, at)  # fmt: skip
    path = save_workbook(wb, Path(args.output))
    print(Text(f"已保存：{path}", f"Saved: {path}")(args.lang))
    return EXIT_OK
