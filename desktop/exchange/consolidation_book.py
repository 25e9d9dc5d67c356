"""The city's workbook: summary against targets, a sheet per topic by district, attainment, missing data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from desktop.core.catalog import Catalog, Indicator
from desktop.core.checks import attainments
from desktop.core.derived import Figures, compute
from desktop.core.form import row_codes
from desktop.core.linebreak import break_lines, longest_piece
from desktop.core.report import HalfReport, not_assessed
from desktop.core.semester import Semester
from desktop.core.targets import MISSED, Attainment
from desktop.core.text import Text, display_width
from desktop.core.units import Unit
from desktop.core.workflow import STATUS_NAMES, Status
from desktop.exchange import cells as c
from desktop.exchange import printing
from desktop.exchange.meta import write_meta

SUMMARY, ATTAINMENT, REPORTING = (
    Text("全市汇总", "City summary"),
    Text("目标达标情况", "Targets"),
    Text("报送情况", "Reporting"),
)


NOT_COUNTED = Font(name=c.FONT, color="808080", italic=True)  # a district the city's total does not count yet
NOT_COUNTED_MISSED = Font(name=c.FONT, color="9C0006", italic=True)  # …whose figure misses its target


@dataclass(frozen=True, slots=True)
class DistrictRow:
    unit: Unit
    figures: Figures
    attainments: dict[str, Attainment]
    status: str
    reported: int  # raw values present


def district_rows(store, semester: Semester) -> list[DistrictRow]:
    catalog, targets = store.catalog, store.resources.targets
    by_unit = store.all_units(semester)
    statuses = store.statuses(semester)
    out = []
    for unit in store.units.districts():
        status = Status(statuses[unit.code].status) if unit.code in statuses else Status.DRAFT
        # A draft here is nothing the district sent: no figures, no attainments, nothing reported.
        raw = {} if status == Status.DRAFT else by_unit.get(unit.code, ({}, {}))[0]
        figures = compute(catalog, raw, semester)
        goals = {a.code: a for a in attainments(catalog, targets, unit, semester, figures)}
        out.append(DistrictRow(unit, figures, goals, status, len(raw)))
    return out


@dataclass(frozen=True, slots=True)
class Issued:
    """Who made the city's workbook, for whom and when: 制表单位, 制表人, 制表日期 under the summary."""

    authority: Text
    made_by: str
    on: date


def build_consolidation(
    city: HalfReport, districts: list[DistrictRow], catalog: Catalog, lang: str = "zh", issued: Issued | None = None
) -> Workbook:
    wb = Workbook()
    printing.normal_font(wb)
    _summary(wb.active, city, districts, catalog, lang, issued)
    for topic in catalog.topics:
        members = [i for i in catalog.applicable(False) if i.topic == topic.code]
        if members:
            _topic_sheet(wb.create_sheet(topic.name(lang)[:31]), topic.name(lang), members, city, districts, catalog, lang)
    _attainment(wb.create_sheet(ATTAINMENT(lang)), districts, catalog, city, lang)
    _reporting(wb.create_sheet(REPORTING(lang)), districts, catalog, city, lang)
    write_meta(wb, kind="consolidation", unit=city.unit.code, semester=str(city.semester), catalog_version=catalog.version,
               fingerprint=city.fingerprint, lang=lang,
               coverage=city.coverage.describe(lang) if city.coverage else "")  # fmt: skip
    return wb


def _header(ws, row: int, titles: list[str]) -> None:
    for col, title in enumerate(titles, start=1):
        c.boxed(c.put(ws.cell(row, col), title), c.BOLD, c.CENTER, c.HEADER_FILL)


def _title(ws, text: str, span: int) -> None:
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=span)
    c.put(ws.cell(1, 1), text).font = c.TITLE
    ws.cell(1, 1).alignment = c.CENTER
    ws.row_dimensions[1].height = 30


def _summary(ws, city: HalfReport, districts: list[DistrictRow], catalog: Catalog, lang: str, issued: Issued | None) -> None:
    ws.title = SUMMARY(lang)
    titles = Text("行号|指标名称|计量单位|全市|上年同期|同比增减|目标|目标依据|达标情况|汇总方式",
                  "Row|Indicator|Unit|City|Same half last year|Change y/y|Target|Basis|Attainment|How it adds up")(lang).split("|")  # fmt: skip
    coverage = city.coverage
    final = coverage is None or coverage.final
    if not final:
        titles[3] = Text("全市（初步）", "City (provisional)")(lang)
    _title(ws, Text(f"{city.unit.name.zh}{city.semester.label('zh')}生态环境指标汇总" + ("" if final else "（初步）"),
                    f"{city.unit.name.en}, {city.semester.label('en')}: indicators" + ("" if final else " (provisional)"))(lang),
           len(titles))  # fmt: skip
    if coverage is not None:  # what the figures count, above them: 38个区县中已审核通过N个
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(titles))
        line = c.put(ws.cell(2, 1), coverage.describe(lang))
        line.font = Font(name=c.FONT, bold=not final, color=None if final else "9C0006")
    rows = row_codes(catalog)
    contributors = city.half.consolidated.contributors if city.half.consolidated else {}
    for r, ind in enumerate(catalog.applicable(True), start=4):
        att = city.attainments.get(ind.code)
        how = _how(ind, contributors.get(ind.code, 0), len(districts), lang, catalog.city_measured(ind.code))
        # A provisional total counts only the accepted districts: set beside last year's whole city, it would show a
        # fall that is not there. Only the city's own measurements are compared until every district is in.
        comparable = final or catalog.city_measured(ind.code)  # build_half_report leaves the rest uncompared
        change = c.yoy_change(ind, city.figures.get(ind.code), city.last_year.get(ind.code), lang) if comparable else "—"
        target = att.target if att else city.unassessed.get(ind.code)  # a provisional total's target: shown, not judged
        judged = att.describe(ind, lang) if att else (not_assessed(city.figures, ind.code)(lang) if target else None if comparable else "—")
        values = [rows[ind.code], ind.name(lang), ind.unit(lang), _city_figure(ind, city.figures, catalog, lang),
                  c.figure(ind, city.last_year, lang) if comparable else "—",
                  change, target.shown(ind, lang) if target else None, c.basis(target, lang) if target else None,
                  judged, how]  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = c.boxed(
                c.put(ws.cell(r, col), value), fill=c.DERIVED_FILL if ind.derived and col == 4 else None
            )
            if col in (1, 3, 7):  # the target centred: beside a right-aligned change it read as one ("-4.3≤ 37.0")
                cell.alignment = c.CENTER
            if col in (4, 5, 6):
                cell.number_format, cell.alignment = c.number_format(ind.places), c.RIGHT
            if col == 6:
                cell.number_format = c.change_format(ind)
        if att and att.status == MISSED:
            ws.cell(r, 9).font = Font(name=c.FONT, color="9C0006")
    last = 4 + len(catalog.applicable(True))
    notes = [] if final else [Text("初步数据仅合计已审核通过的区县：合计数及由其计算的指标暂不与上年同期比较（—），"
                                   "目标照列，暂不评价达标情况。",
                                   "A provisional total counts only the accepted districts: totals and what is calculated "
                                   "from them are not yet compared with last year (—); their targets are listed but not "
                                   "yet assessed.")(lang)]  # fmt: skip
    if any(a.target.sample for a in city.attainments.values()):
        notes.append(c.sample_note(lang))
    if issued is not None:
        on = Text(f"{issued.on.year}年{issued.on.month}月{issued.on.day}日", issued.on.isoformat())(lang)
        notes.append(Text(f"制表单位：{issued.authority.zh}　　制表人：{issued.made_by}　　制表日期：{on}",
                          f"Issued by: {issued.authority.en}    Prepared by: {issued.made_by}    Date: {on}")(lang))  # fmt: skip
    for i, note in enumerate(notes, start=last + 1):
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(titles))
        cell = c.put(ws.cell(i, 1), note)
        cell.font, cell.alignment = c.NORMAL, c.LEFT  # wrapped in the table's width: run past it, it shrank the page
    # A unit on one line (微克/立方米), "暂不评价：初步合计数" and "5个区县合计（共38个）" too: printed at 9 pt and more.
    unit = max(9, min(13, max(display_width(i.unit(lang)) for i in catalog.applicable(True)) + 1))
    how = max(12, min(24, max(display_width(str(ws.cell(r, 10).value or "")) for r in range(4, last)) + 1))  # 38个区县合计（共38个）
    c.headings(ws, 3, titles, [5, 25, unit, 12, 12, 14, 10, 14, 21, how])  # "(provisional)" whole; 全市 over （初步）
    ws.freeze_panes = "D4"
    printing.fit_rows(ws, 2, last + len(notes))
    c.print_setup(ws, lang, city.unit.name(lang), "3:3")
    _break_rows(ws, 4, last, last + len(notes), (3, 3))


NOT_ENTERED = Text("未填报", "not entered")
WRAPPED_RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=True)


def _city_figure(ind: Indicator, figures, catalog: Catalog, lang: str):
    """The city's figure; one of the city's own (measured, or the bureau's to report) not yet entered says so: a
    blank cell under 38个区县中已审核通过38个 read as nothing missing."""
    shown = c.figure(ind, figures, lang)
    return NOT_ENTERED(lang) if shown is None and catalog.city_measured(ind.code) else shown


def _break_rows(ws, first: int, last_data: int, last: int, repeated: tuple[int, int], orientation: str = "landscape") -> list[int]:
    """Page breaks between rows, the last three rows kept with the notes under them; the rows new pages begin at."""
    tail = max(first, last_data - 2)
    return printing.break_pages(ws, [(r, r) for r in range(first, tail)] + [(tail, last)], repeated, orientation)


def _how(ind: Indicator, contributors: int, total: int, lang: str, measured: bool) -> str:
    if ind.derived:
        return Text("由市级监测数计算", "from the city's measurements")(lang) if measured else Text("由汇总数计算", "from the totals")(lang)
    if ind.aggregation == "sum":
        return Text(f"{contributors}个区县合计（共{total}个）", f"sum of {contributors} of {total} districts")(lang)
    return (
        Text("市级监测", "city's own measurement")(lang)
        if ind.aggregation == "entered"
        else Text("市局填报", "bureau")(lang)
    )


def _topic_sheet(
    ws, name: str, members: list[Indicator], city: HalfReport, districts: list[DistrictRow], catalog: Catalog, lang: str
) -> None:
    """Every district's figures of one topic, each row saying whether the city's total counts it."""
    coverage = city.coverage
    final = coverage is None or coverage.final
    # A figure the city measures itself is marked as not the districts' (163 good-air days is no sum of theirs).
    own = {i.code for i in members if catalog.city_measured(i.code)}
    headings = [(f"{i.name(lang)}\n（{i.unit(lang)}）" if lang == "zh" else f"{i.name(lang)}\n({i.unit(lang)})") + ("※" if i.code in own else "")
                for i in members]  # fmt: skip
    first_columns = [Text("代码", "Code")(lang), Text("区县", "District")(lang), Text("状态", "Status")(lang)]  # written by lay_out
    counted = set(coverage.counted) if coverage is not None else {row.unit.code for row in districts}
    first = 4
    for r, row in enumerate(districts, start=2):
        included = row.unit.code in counted
        status = STATUS_NAMES[row.status](lang)
        c.boxed(ws.cell(r, 1, row.unit.code))
        c.boxed(c.put(ws.cell(r, 2), row.unit.name(lang)))
        c.boxed(c.put(ws.cell(r, 3), status), c.NORMAL if included else NOT_COUNTED)
        for col, ind in enumerate(members, start=first):
            # A district's unsent draft is its own business, not the bureau's to print.
            shown = "—" if row.status == Status.DRAFT else c.figure(ind, row.figures, lang)
            cell = c.boxed(c.put(ws.cell(r, col), shown), alignment=c.RIGHT)
            cell.number_format = c.number_format(ind.places)
            att = row.attainments.get(ind.code)
            missed = att is not None and att.status == MISSED and row.status != Status.DRAFT
            if not included:  # not counted yet: grey, and a missed target red all the same (the legend says so)
                cell.font = NOT_COUNTED_MISSED if missed else NOT_COUNTED
            elif missed:
                cell.font = Font(name=c.FONT, color="9C0006", bold=True)
    total = len(districts) + 2
    c.boxed(ws.cell(total, 1, city.unit.code), c.BOLD)
    label = Text("全市", "City") if final else Text(f"全市（初步，计入{len(counted)}个区县）", f"City (provisional: {len(counted)} districts)")
    ws.merge_cells(start_row=total, start_column=2, end_row=total, end_column=3)
    c.boxed(c.put(ws.cell(total, 2), label(lang)), c.BOLD)
    for col, ind in enumerate(members, start=first):
        figure = _city_figure(ind, city.figures, catalog, lang)
        # Words in a figure's narrow column wrap (not entered ran over its border in English); figures stay one line.
        cell = c.boxed(c.put(ws.cell(total, col), figure), c.BOLD, WRAPPED_RIGHT if figure == NOT_ENTERED(lang) else c.RIGHT,
                       c.TOPIC_FILL)  # fmt: skip
        cell.number_format = c.number_format(ind.places)
    last = total
    notes = []
    if any(a.status == MISSED for row in districts for code, a in row.attainments.items() if code in {i.code for i in members}):
        notes.append((Text("红色粗体：未达到目标。", "Red bold: target missed."), Font(name=c.FONT, color="9C0006", bold=True)))
    if not final:
        notes.append((Text("灰色斜体：尚未审核通过的区县，不计入全市合计；其中红色斜体为未达到目标。",
                           "Grey italics: districts not yet accepted, not counted in the city's total; red italics among "
                           "them: target missed."), NOT_COUNTED))  # fmt: skip
    if own and final:
        notes.append((Text("※ 全市数为市级监测值，不是各区县的合计。", "※ The city's figure is its own measurement, not a sum of the districts'."),
                      c.NORMAL))  # fmt: skip
    elif own:
        notes.append((Text("※ 全市数为市级监测值，不是所计区县的合计，不受审核进度影响。",
                           "※ The city's figure is its own measurement, not a sum of the districts counted."), c.NORMAL))  # fmt: skip
    for note, font in notes:  # what the type says, under the table
        last += 1
        ws.merge_cells(start_row=last, start_column=2, end_row=last, end_column=len(first_columns) + len(headings))
        cell = c.put(ws.cell(last, 2), note(lang))
        cell.font, cell.alignment = font, c.LEFT  # wrapped within the table's width
    ws.column_dimensions["A"].hidden = True  # the code, for programs; people read the name
    ws.freeze_panes = "C2"
    # Printed pages have no title row of their own: the page header names the topic and the half.
    # The topic's whole name: a sheet's name stops at 31 characters (Central environmental inspectio).
    heading = Text(f"{name}　各区县数据（{city.semester.label('zh')}）", f"{name}: districts ({city.semester.label('en')})")(lang)
    _page_title(ws, heading)
    # The district's name whole (彭水苗族土家族自治县), its status, and no word of a heading broken.
    name_status = (max(display_width(row.unit.name(lang)) for row in districts) * (1.25 if lang == "en" else 1) + 1,  # Latin is wider than half an em
                   max(8, min(11, max(display_width(STATUS_NAMES[row.status](lang)) for row in districts) + 2)))  # fmt: skip
    narrowest = max(8, max(longest_piece(h) for h in headings) + 1)

    def lay_out(orientation: str, member: float) -> int:
        c.widths(ws, [9, *name_status] + [member] * len(members))
        _header(ws, 1, first_columns + ["\n".join(break_lines(h, _room(member))) for h in headings])
        for row in range(1, last + 1):
            ws.row_dimensions[row].height = None
        printing.fit_rows(ws, 1, last, minimum=16.5)
        c.print_setup(ws, lang, city.unit.name(lang), "1:1", orientation)
        ws.oddFooter.right.text = name  # not the sheet's name, cut at 31 characters
        return 1 + len(_break_rows(ws, 2, total - 1, last, (1, 1), orientation))

    tried: list[tuple[int, tuple[str, float]]] = []  # the first layout on one page, else the one on fewest
    for layout in _layouts(len(members), sum(name_status), narrowest):
        tried.append((lay_out(*layout), layout))
        if tried[-1][0] == 1:
            break
    best = min(tried, key=lambda t: t[0])
    if best is not tried[-1]:
        lay_out(*best[1])


LEGIBLE_PT = 9.2  # the smallest printed size a layout may come to: the forms' floor of 9 pt, and a margin


def _room(width: float) -> int:
    """Half-ems of bold 11 pt a heading may take in a column `width` wide, as printing.lines_needed counts them."""
    return int(width - 1)


def _layouts(members: int, name_status: float, narrowest: float) -> list[tuple[str, float]]:
    """A topic sheet's layouts, best first: portrait with its indicators' columns taking the page's width (up to 18,
    so that a long name heads its column in two lines, not four), then narrower, each while it prints legibly; last
    landscape, over as many pages as it takes."""
    page = printing.A4_PT["portrait"][0] - (c.MARGINS_IN["left"] + c.MARGINS_IN["right"]) * 72
    widest = max(narrowest, min(18, int((page / printing.UNIT_PT - name_status) / members)))
    portrait = [("portrait", float(member)) for member in range(int(widest), int(narrowest) - 1, -1)
                if min(1.0, page / ((name_status + member * members) * printing.UNIT_PT)) * 11 >= LEGIBLE_PT]  # fmt: skip
    return portrait + [("landscape", 10.0)]  # a word longer than that (English) breaks: legible before whole


def _page_title(ws, text: str) -> None:
    """A sheet without a title row of its own prints its title in the page header."""
    ws.oddHeader.center.text, ws.oddHeader.center.font, ws.oddHeader.center.size = text, f"{c.FONT},Bold", 14


def _attainment(ws, districts: list[DistrictRow], catalog: Catalog, city: HalfReport, lang: str) -> None:
    """Every district's missed target, each saying whether the city's total counts the district yet."""
    titles = Text("指标|区县|状态|本期|目标|达标情况|目标依据", "Indicator|District|Status|Value|Target|Attainment|Basis")(
        lang
    ).split("|")
    _header(ws, 1, titles)
    counted = set(city.coverage.counted) if city.coverage is not None else {row.unit.code for row in districts}
    missed = [(ind, row, row.attainments[ind.code]) for ind in catalog.indicators.values() for row in districts
              if ind.code in row.attainments and row.attainments[ind.code].status == MISSED and row.status != Status.DRAFT]  # fmt: skip
    missed.sort(
        key=lambda m: (
            list(catalog.indicators).index(m[0].code),
            m[2].margin if m[2].margin is not None else 0,
        )
    )
    # The city's own misses first (a provisional total is not judged: build_half_report leaves it out).
    final = city.coverage is None or city.coverage.final
    city_row = DistrictRow(city.unit, city.figures, city.attainments, Status.ACCEPTED if final else Status.SUBMITTED, 0)
    missed = [(catalog.indicators[code], city_row, att) for code, att in city.attainments.items() if att.status == MISSED] + missed
    for r, (ind, row, att) in enumerate(missed, start=2):
        included = row.unit.code in counted or row is city_row
        status = STATUS_NAMES[row.status](lang) + ("" if included else Text("，未计入", ", not counted")(lang))
        if row is city_row:
            status = Text("全市", "City")(lang) if final else Text("全市（初步）", "City (provisional)")(lang)
        values = [ind.name(lang), row.unit.name(lang), status, c.figure(ind, row.figures, lang), att.target.shown(ind, lang),
                  att.describe(ind, lang), c.basis(att.target, lang)]  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = c.boxed(c.put(ws.cell(r, col), value), alignment=c.RIGHT if col == 4 else c.CENTER if col == 5 else c.LEFT)
            if col == 4:
                cell.number_format = c.number_format(ind.places)
    if not missed:
        c.put(ws.cell(2, 1), Text("所有区县均达到目标。", "Every district meets its targets.")(lang))
    c.widths(ws, [26, 16, 13, 10, 10, 30, 18])
    printing.fit_rows(ws, 1, len(missed) + 1)
    ws.freeze_panes = "A2"
    c.print_setup(ws, lang, city.unit.name(lang), "1:1")
    _page_title(ws, Text(f"各区县未达标指标（{city.semester.label('zh')}）", f"Targets missed by district ({city.semester.label('en')})")(lang))


def _reporting(ws, districts: list[DistrictRow], catalog: Catalog, city: HalfReport, lang: str) -> None:
    """Each district's submission: its status, whether the city's total counts it, how complete its values are."""
    expected = len([i for i in catalog.applicable(False) if not i.derived and i.required])
    titles = Text(
        "代码|区县|状态|计入汇总|已填报指标|应填报指标|填报完整性",
        "Code|District|Status|Counted|Values reported|Values expected|Completeness",
    )(lang).split("|")
    _header(ws, 1, titles)
    missing = set(city.half.consolidated.missing_units) if city.half.consolidated else set()
    counted = set(city.coverage.counted) if city.coverage is not None else {row.unit.code for row in districts}
    for r, row in enumerate(districts, start=2):
        included = row.unit.code in counted and row.unit.code not in missing
        complete = Text("不完整", "incomplete") if row.reported < expected else Text("完整", "complete")
        sent = row.status != Status.DRAFT  # nothing received: nothing to count or call complete
        values = [row.unit.code, row.unit.name(lang), STATUS_NAMES[row.status](lang),
                  (Text("是", "yes") if included else Text("否", "no"))(lang), row.reported if sent else "—", expected,
                  complete(lang) if sent else "—"]  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = c.boxed(c.put(ws.cell(r, col), value), alignment=c.CENTER if col >= 3 else c.LEFT)
            if col == 4 and not included:
                cell.font = Font(name=c.FONT, color="9C0006", bold=True)
    c.widths(ws, [9, 22, 10, 10, 12, 12, 12])
    printing.fit_rows(ws, 1, len(districts) + 1, minimum=16.5)
    ws.freeze_panes = "A2"
    c.print_setup(ws, lang, city.unit.name(lang), "1:1", "portrait")
    line = city.coverage.describe(lang) if city.coverage is not None else ""
    _page_title(ws, Text(f"各区县报送情况（{city.semester.label('zh')}）", f"Submissions by district ({city.semester.label('en')})")(lang)
                + (f"　{line}" if line else ""))
