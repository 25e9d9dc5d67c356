"""The queries of a half-year as a sheet: one row per message, readable by people, read back by uid."""

from __future__ import annotations

from desktop.core.catalog import Catalog
from desktop.core.text import Text
from desktop.exchange.address import column_letter

TITLE = Text("问题与答复", "Queries")
HEADERS = Text("问题编号|消息编号|指标代码|指标|状态|提出版本|提出人|发言人|单位|时间|内容|步骤|提出人账号|发言人账号",
               "Query id|Message id|Code|Indicator|Status|Raised on version|Raised by|Author|Side|Time|Text|Step|"
               "Raised by (user)|Author (user)")  # fmt: skip
STATUS = {"open": Text("未解决", "open"), "resolved": Text("已解决", "resolved")}  # as files before the state said
# The twelfth column came with closing and reopening; a reader of eleven columns takes those steps as messages.
# People are shown by full name; their user names follow in hidden columns 13 and 14 (a file of twelve columns has
# the user names where the names are, and nothing after).
STEP = {"message": Text("留言", "message"), "close": Text("关闭", "closed"), "reopen": Text("重新打开", "reopened")}
SIDE = {"bureau": Text("市局", "bureau"), "district": Text("区县", "district")}


def write_queries(wb, threads, catalog: Catalog, unit_name: str, semester: str, lang: str):
    """Each query's state in the words of every screen (待答复, 已答复, 已关闭, 重新打开)."""
    from desktop.exchange import cells as c  # openpyxl's styles: loaded for writing only
    from desktop.store.review import QUERY_STATES

    ws = wb.create_sheet(TITLE(lang))
    # Hidden A–C, M, N; the rest A4 at about 10 pt.
    c.headings(ws, 1, HEADERS(lang).split("|"), [34, 34, 24, 16, 7, 8, 10, 10, 6, 15, 34, 7, 12, 12])
    row = 2
    for thread in threads:
        ind = catalog.indicators.get(thread.code)
        for m in thread.messages:
            values = [thread.uid, m.uid, thread.code, ind.name(lang) if ind else thread.code, QUERY_STATES[thread.state](lang),
                      thread.version, thread.opener, m.who, SIDE.get(m.side, SIDE["bureau"])(lang),
                      m.at.astimezone().isoformat(sep=" ", timespec="seconds"), m.text, STEP.get(m.kind, STEP["message"])(lang), thread.opened_by,
                      m.author]  # fmt: skip
            for col, value in enumerate(values, start=1):
                c.boxed(c.put(ws.cell(row, col), value))
            row += 1
    if row == 2:
        c.put(ws.cell(2, 4), Text("没有问题。", "No queries.")(lang))
    for col in (1, 2, 3, 13, 14):
        ws.column_dimensions[column_letter(col)].hidden = True
    from desktop.exchange import printing

    printing.fit_rows(ws, 1, row - 1)  # a long message wraps onto lines of its own, not over the next row
    ws.freeze_panes = "D2"
    c.print_setup(ws, lang, unit_name, "1:1")
    return ws


def read_queries(rows: list[list], unit_code: str, semester: str) -> list[dict]:
    """The threads of the sheet's rows (calamine's), grouped by query id; malformed rows are skipped."""
    threads: dict[str, dict] = {}
    from desktop.store.review import QUERY_STATES

    status_of = {t(lang): key for key, t in STATUS.items() for lang in ("zh", "en")}
    status_of.update({t(lang): "resolved" if key == "closed" else "open" for key, t in QUERY_STATES.items() for lang in ("zh", "en")})
    side_of = {t(lang): key for key, t in SIDE.items() for lang in ("zh", "en")}
    step_of = {t(lang): key for key, t in STEP.items() for lang in ("zh", "en")}
    for row in rows[1:]:
        if len(row) < 11 or not row[0] or not row[1]:
            continue
        uid, message_uid = str(row[0]).strip(), str(row[1]).strip()
        if not (uid.isalnum() and message_uid.isalnum() and len(uid) <= 32 and len(message_uid) <= 32):
            continue
        named = len(row) > 13 and bool(row[12]) and bool(row[13])  # user names apart from the names shown
        thread = threads.setdefault(uid, {
            "uid": uid, "unit": unit_code, "semester": semester, "code": str(row[2]),
            "status": status_of.get(str(row[4]), "open"), "version": int(float(row[5] or 0)),
            "opened_by": str(row[12] if named else row[6]), "messages": [],
        })  # fmt: skip
        thread["messages"].append({"uid": message_uid, "author": str(row[13] if named else row[7]),
                                   "author_name": str(row[7])[:200] if named else None,
                                   "side": side_of.get(str(row[8]), "bureau"), "at": str(row[9]), "text": str(row[10])[:4000],
                                   "kind": step_of.get(str(row[11]), "message") if len(row) > 11 else "message"})  # fmt: skip
    return list(threads.values())
