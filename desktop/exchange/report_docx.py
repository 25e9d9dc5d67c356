"""The narrative report as a Word document in the layout Chinese government bodies publish (GB/T 9704):
a 小标宋-style title, 黑体 level-one and 楷体 level-two headings numbered 一、 and （一）, 仿宋 body in 三号 (16 pt)
with a two-character indent and 28 pt lines, A4 with the standard margins, and the page number centred as — 1 —.

Fonts are named as Chinese offices have them; a computer without them substitutes its own (the .deb maps them
to Noto CJK through fontconfig)."""

from __future__ import annotations

from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from desktop.core.catalog import Catalog
from desktop.core.report import HalfReport
from desktop.core.text import Text

TITLE_FONT, HEADING_FONT, SUBHEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "楷体", "仿宋"
NUMERALS = "一二三四五六七八九十"


def build_report(report: HalfReport, sections, catalog: Catalog, authority: Text, on: date, lang: str = "zh"):
    """`sections`: core.narrative.Section, in order. Returns a python-docx Document."""
    doc = Document()
    page = doc.sections[0]
    page.page_height, page.page_width = Mm(297), Mm(210)
    page.top_margin, page.bottom_margin, page.left_margin, page.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    _body_style(doc)
    unit, semester = report.unit, report.semester
    title = Text(f"{unit.name.zh}{semester.year}年{'上' if semester.half == 1 else '下'}半年生态环境质量状况及重点工作情况",
                 f"{unit.name.en}: the environment and key work, {semester.label('en')}")(lang)  # fmt: skip
    # A long title breaks where its sense does (after the period), not wherever the line is full.
    shown = title.replace("半年", "半年\n", 1) if lang == "zh" and len(title) > 20 else title
    _paragraph(doc, shown, TITLE_FONT, 22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=Pt(16), bold=True)
    coverage = report.coverage
    if coverage is not None and not coverage.final:  # a provisional report says so before any figure
        _paragraph(doc, f"（{coverage.describe(lang)}）" if lang == "zh" else f"({coverage.describe(lang)})",
                   SUBHEADING_FONT, 16, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)  # fmt: skip
    topics = {t.code: t.name for t in catalog.topics}
    part, topic, parts, subs = None, None, 0, 0
    for section in sections:
        if section.part is not None and section.part != part:
            part, topic, parts, subs = section.part, None, parts + 1, 0
            _paragraph(doc, _numbered(parts, section.part(lang), lang, level=1), HEADING_FONT, 16)
        if section.topic != topic and section.topic in topics:
            topic, subs = section.topic, subs + 1
            _paragraph(doc, _numbered(subs, topics[topic](lang), lang, level=2), SUBHEADING_FONT, 16)
        last = _paragraph(doc, section.text, BODY_FONT, 16)
    if sections:  # the signature never alone on a page of its own: it goes with the last paragraph
        last.paragraph_format.keep_with_next = True
    when = Text(f"{on.year}年{on.month}月{on.day}日", on.isoformat())(lang)
    signed = _paragraph(doc, authority(lang), BODY_FONT, 16, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, before=Pt(32))
    signed.paragraph_format.keep_with_next = True
    _paragraph(doc, when, BODY_FONT, 16, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    # GB/T 9704: an odd page's number on the right, an even page's on the left, each one character in.
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(page.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(page.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    # The document's own properties name its maker and day, not python-docx's template of 2013.
    from datetime import UTC, datetime

    from desktop import __version__

    made = datetime.now(UTC).replace(microsecond=0)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, authority(lang), authority(lang)
    props.created = props.modified = made
    props.revision, props.comments = 1, f"EcoReport {__version__}"
    return doc


def _numbered(n: int, text: str, lang: str, level: int) -> str:
    if lang != "zh":
        return f"{n}. {text}" if level == 1 else f"({n}) {text}"
    numeral = NUMERALS[n - 1] if n <= len(NUMERALS) else str(n)
    return f"{numeral}、{text}" if level == 1 else f"（{numeral}）{text}"


def _fonts(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name, run.font.size, run.font.bold = name, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)  # Word takes Chinese text's font from here


def _body_style(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name, style.font.size = BODY_FONT, Pt(16)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    spacing = style.paragraph_format
    spacing.line_spacing_rule, spacing.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28)
    spacing.space_before = spacing.space_after = Pt(0)


def _paragraph(doc, text: str, font: str, size: float, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True,
               before=None, after=None, bold: bool = False):  # fmt: skip
    paragraph = doc.add_paragraph()
    paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)  # two characters
    if before is not None:
        paragraph.paragraph_format.space_before = before
    if after is not None:
        paragraph.paragraph_format.space_after = after
    if font in (TITLE_FONT, HEADING_FONT, SUBHEADING_FONT):  # a heading never ends a page
        paragraph.paragraph_format.keep_with_next = True
    if font == TITLE_FONT:
        paragraph.paragraph_format.line_spacing = Pt(36)
    _fonts(paragraph.add_run(text), font, size, bold)
    return paragraph


def _page_number(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """— 1 —, in 宋体 四号 (14 pt), one character in from the side it stands on."""
    paragraph.alignment = align
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = Pt(14)
    elif align == WD_ALIGN_PARAGRAPH.LEFT:
        paragraph.paragraph_format.left_indent = Pt(14)
    _fonts(paragraph.add_run("— "), "宋体", 14)
    run = paragraph.add_run()
    _fonts(run, "宋体", 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _fonts(paragraph.add_run(" —"), "宋体", 14)
