"""The dashboard of a half: the city's headline figures against targets, districts compared, the heat map of
attainment, the city's trend, and the narrative report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)  # fmt: skip
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from desktop.core.display import nice_scale, shown
from desktop.core.report import not_assessed
from desktop.core.targets import MET, MISSED
from desktop.core.text import UserError
from desktop.core.workflow import STATUS_NAMES, Status
from desktop.ui.column_fit import fit_column
from desktop.ui.empty_hint import EmptyHint
from desktop.ui.file_dialogs import save_path
from desktop.ui.models.simple_table import RowTableModel
from desktop.ui.plain_header import plain_headers
from desktop.ui.widget_image import render_widget

HEAT = {MET: "#b7e1c1", MISSED: "#f4a6ad", "no_value": "#eeeeee", "not_applicable": "#dddddd"}
# Okabe–Ito colours, safe for colour-blind readers; lines differ by dash as well.
PALETTE = {"bars": "#0072B2", "target": "#D55E00", "city": "#000000"}


def _scale(axis: QValueAxis, low: float, high: float) -> None:
    """Round numbers on the axis: 0, 20, 40 … (QValueAxis.applyNiceNumbers chooses 0, 50, 100, 150 for 98.6)."""
    start, end, step = nice_scale(low, high)
    axis.setRange(start, end)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(start)
    axis.setTickInterval(step)
    axis.setLabelFormat("%.10g")


def _marked(text: str, attainment) -> str:
    """A missed target carries a sign as well as its colour."""
    return f"✗ {text}" if attainment is not None and attainment.status == MISSED and text else text


def short_name(name: str) -> str:
    """A district's name short enough for a chart's axis: the autonomous county's ethnic suffix left out."""
    for suffix in ("土家族苗族自治县", "苗族土家族自治县", "土家族自治县"):
        name = name.replace(suffix, "")
    return name


class DashboardPage(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        ctx, lang = controller.ctx, controller.lang
        self.headline = RowTableModel([
            (self.tr("Indicator"), lambda r: r[0]), (self.tr("City"), lambda r: r[1]), (self.tr("Unit"), lambda r: r[5]),
            (self.tr("Target"), lambda r: r[2]), (self.tr("Attainment"), lambda r: r[3]),
        ], background=lambda r, c: HEAT.get(r[4]) if c == 4 else None, right=(1,), parent=self)  # fmt: skip
        self.headline_view = self._table(self.headline)
        self.headline_hint = EmptyHint(self.headline_view)
        self.indicator = QComboBox(self)
        for ind in ctx.catalog.applicable(False):
            if ind.numeric:
                self.indicator.addItem(ind.name(lang), ind.code)
        self.indicator.setCurrentIndex(max(0, self.indicator.findData("water.excellent_ratio")))
        self.bars = QChartView(self)
        self.trend = QChartView(self)
        for view in (self.bars, self.trend):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(320)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.measured_note = QLabel(self.tr("※ Figures the bureau enters or measures itself: assessed as usual. The "
                                            "others are provisional totals of the districts counted, not assessed yet."),
                                    self)  # fmt: skip
        self.measured_note.setWordWrap(True)
        self.measured_note.hide()
        self.heat = RowTableModel([], parent=self)
        self.heat_view = self._table(self.heat)
        self.narrative = QPlainTextEdit(self)
        self.narrative.setReadOnly(True)
        copy = QPushButton(self.tr("Copy text"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.narrative.toPlainText()))
        self.report_button = QPushButton(self.tr("Save as Word…"), self)
        self.report_button.setToolTip(self.tr("The narrative report as a Word document in the bureau's layout, counting the districts chosen above"))
        self.report_button.clicked.connect(lambda: self.save_report())
        # What the city's figures count: accepted districts only (final once all are), or received ones too.
        self.include = QComboBox(self)
        self.include.addItem(self.tr("Accepted districts only"), "accepted")
        self.include.addItem(self.tr("Accepted and received districts (provisional)"), "received")
        self.include.setAccessibleName(self.tr("Districts counted in the city's figures"))
        self.coverage = QLabel(self)
        self.coverage.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("City figures count:"), self))
        top.addWidget(self.include)
        top.addWidget(self.coverage, 1)
        self.workbook_button = QPushButton(self.tr("Save the city workbook…"), self)
        self.workbook_button.setToolTip(self.tr("The city's consolidation workbook for this half, counting the districts chosen here"))
        self.workbook_button.clicked.connect(lambda: self.save_workbook())
        top.addWidget(self.workbook_button)
        grid = QGridLayout()
        headline = self._box(self.tr("City against targets"), self.headline_view)
        headline.layout().addWidget(self.measured_note)
        grid.addWidget(headline, 0, 0)
        districts = self._box(self.tr("Districts compared"), self.bars, self.indicator, self._save(self.bars, "districts"))
        districts.layout().addWidget(self.missing)
        grid.addWidget(districts, 0, 1)
        grid.addWidget(self._box(self.tr("Attainment by district"), self.heat_view, self._save(self.heat_view, "heatmap")), 1, 0)
        grid.addWidget(self._box(self.tr("City trend"), self.trend, self._save(self.trend, "trend")), 1, 1)
        grid.addWidget(self._box(self.tr("Narrative report"), self.narrative, copy, self.report_button), 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 1)
        # The page scrolls inside its tab, so the window fits 1366×768 (and 125 %) whatever the charts need.
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.addLayout(top)
        layout.addLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.indicator.currentIndexChanged.connect(self.refresh_charts)
        self.include.currentIndexChanged.connect(self.refresh)

    def _nothing_counted(self, coverage, include: str, targeted: bool) -> str:
        """Why the table is empty: no target set for the half (the figures are there), or which districts the city
        would count, and what would count more."""
        if coverage is not None and coverage.counted:
            if not targeted:
                return self.tr("No city target is set for this half, so there is nothing to hold the figures against. "
                               "The city's figures are in the charts and in the city workbook (Save the city workbook…).")  # fmt: skip
            return self.tr("The districts counted hold none of the city's indicators.")
        if include == "accepted":
            return self.tr("No district has been accepted yet, so the city has no figures. For provisional totals, "
                           "count received districts too (“City figures count” above).")  # fmt: skip
        return self.tr("No district has sent its submission yet, so the city has no figures.")

    def _table(self, model) -> QTableView:
        view = QTableView(self)
        plain_headers(view)
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _box(self, title: str, widget: QWidget, *extras: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        if extras:
            row = QHBoxLayout()
            for extra in extras:
                row.addWidget(extra)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(widget)
        return box

    def _save(self, widget: QWidget, name: str) -> QPushButton:
        button = QPushButton(self.tr("Save as image…"), self)
        button.setToolTip(self.tr("PNG at twice the screen's resolution, or SVG or PDF to scale without limit"))
        button.clicked.connect(lambda: self.save_png(widget, name))
        return button

    def save_png(self, widget: QWidget, name: str, path: str | None = None) -> Path | None:
        """A chart or the heat map as PNG at twice the screen's pixels, or as SVG or PDF (drawn as vectors, to scale
        without limit); the heat map with every row. None, with the reason shown, when it cannot be written."""
        if path is None:
            path = save_path(self, self.tr("Save chart"), f"{name}_{self.controller.semester}.png",
                             "PNG (*.png);;SVG (*.svg);;PDF (*.pdf)")  # fmt: skip
        if not path:
            return None
        target = Path(path)
        caption = footnote = ""
        if widget is self.heat_view:  # a table has no title of its own: the file says what it shows, and how final
            c = self.controller
            coverage = self.city.coverage if hasattr(self, "city") else None
            caption = self.tr("Attainment of the districts' targets · %1").replace("%1", c.semester.label(c.lang)) + (
                f" · {coverage.describe(c.lang)}" if coverage is not None else "")  # fmt: skip
            footnote = self.tr("Green: target met. Red, marked ✗: target missed. Grey: no value, or not applicable. "
                               "Each cell gives the district's figure in the indicator's unit.")  # fmt: skip
        return target if render_widget(widget, target, name, caption, footnote) else self._not_written(target)

    def _not_written(self, target: Path) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), self.tr("Cannot write %1: check the folder exists and may be written to").replace("%1", str(target)))

    def save_workbook(self, path: str | None = None) -> Path | None:
        """Saves the city's workbook off the UI thread; says what it counts, as the workbook does."""
        c = self.controller
        if path is None:
            suggested = self.tr("city_%1.xlsx").replace("%1", str(c.semester))
            path = save_path(self, self.tr("Save the city workbook"), suggested, self.tr("Excel workbooks (*.xlsx)"))
        return self._save_city(path, self.tr("Consolidating the districts…"), c.export_consolidation, self.tr("City workbook"))

    def save_report(self, path: str | None = None) -> Path | None:
        """Writes the narrative report as a .docx off the UI thread; says what it counts."""
        c = self.controller
        if path is None:
            suggested = self.tr("report_%1.docx").replace("%1", str(c.semester))
            path = save_path(self, self.tr("Save the report"), suggested, self.tr("Word documents (*.docx)"))
        return self._save_city(path, self.tr("Writing the report…"), c.export_report, self.tr("Narrative report"))

    def _save_city(self, path: str | None, busy: str, export, title: str) -> Path | None:
        """Runs `export(path, include)` on a worker, then tells where it went and what the city's figures count."""
        from desktop.ui.background import run_in_background

        if not path:
            return None
        c, include = self.controller, self.include.currentData()
        try:
            saved, coverage, *left_out = run_in_background(self, busy, lambda _progress: export(Path(path), include))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(c.lang))
            return None
        told = self.tr("Saved %1").replace("%1", str(saved))
        if coverage is not None:
            told += "\n\n" + coverage.describe(c.lang)
        if left_out and left_out[0]:  # a part the report could not write: said before anyone publishes it
            QMessageBox.warning(self, title, told + "\n\n" + left_out[0])
            return saved
        QMessageBox.information(self, title, told)
        return saved

    # --- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Gathers the half off the UI thread (38 districts, or hundreds), then shows it."""
        from desktop.ui.background import run_in_background

        c = self.controller
        include = self.include.currentData()
        data = run_in_background(self, self.tr("Consolidating the districts…"), lambda progress: c.dashboard(include))
        ctx, lang = c.ctx, c.lang
        self.city = data.city
        coverage = self.city.coverage
        self.coverage.setText(coverage.describe(lang) if coverage else "")
        final = coverage is not None and coverage.final
        self.coverage.setStyleSheet("color: #1e7b34;" if final else "color: #9c0006; font-weight: bold;")
        rows = []
        city = self.city
        for code in [c for c in ctx.catalog.indicators if c in city.attainments or c in city.unassessed]:  # catalog order
            ind, att = ctx.catalog[code], city.attainments.get(code)
            if att is not None:
                # Beside provisional totals, the city's own monitoring is judged as usual: marked, and said under the table.
                name = ind.name(lang) + (" ※" if not final and ctx.catalog.city_measured(code) else "")
                rows.append((name, shown(ind, city.figures, lang), att.target.shown(ind, lang), att.describe(ind, lang), att.status,
                             ind.unit(lang)))  # fmt: skip
            else:  # a provisional total is not judged against the city's target
                rows.append((ind.name(lang), shown(ind, city.figures, lang), city.unassessed[code].shown(ind, lang),
                             not_assessed(city.figures, code)(lang), "", ind.unit(lang)))  # fmt: skip
        self.headline.set_rows(rows)
        targeted = any(t.covers(ctx.units.municipality) for t in ctx.resources.targets.by_semester.get(c.semester, []))
        self.headline_hint.set_text(self._nothing_counted(coverage, include, targeted) if not rows else "")
        self.measured_note.setVisible(bool(city.unassessed) and any(r[0].endswith("※") for r in rows))
        self.headline_view.setColumnWidth(0, 210)
        self.narrative.setPlainText("\n\n".join(data.narrative))
        self.figures = data.figures
        self.trend_data = list(data.trend)
        self._heat(data.attainments)
        self.refresh_charts()

    def _heat(self, reached: dict) -> None:
        c = self.controller
        ctx, lang, semester = c.ctx, c.lang, c.semester
        codes = sorted({t.code for t in ctx.resources.targets.by_semester.get(semester, []) if t.units != "municipality"},
                       key=list(ctx.catalog.indicators).index)  # fmt: skip
        rows = [(unit, reached.get(unit.code, {})) for unit in ctx.units.districts()]
        left_out = lambda unit: self.tr("%1 (not counted: %2)").replace("%1", unit.name(lang)).replace("%2", self._left_out(unit.code))  # noqa: E731
        columns = [(self.tr("District"), lambda r: left_out(r[0]) if self._left_out(r[0].code) else r[0].name(lang))]
        for code in codes:
            ind = ctx.catalog[code]
            columns.append((ind.name(lang), lambda r, code=code, ind=ind: _marked(shown(ind, self.figures.get(r[0].code), lang),
                                                                                 r[1].get(code))))  # fmt: skip
        self.heat._columns = columns
        self.heat._background = lambda r, col: HEAT.get(r[1][codes[col - 1]].status) if col and codes[col - 1] in r[1] else None
        self.heat.set_rows(rows)
        fit_column(self.heat_view, 0, (columns[0][1](r) for r in rows), 110, 280)  # 万州区（未计入：未报送） whole

    def _left_out(self, code: str) -> str:
        """The status (未报送, 已退回…) of a district the city's figures leave out, whose figures are not shown; "" if
        it is counted."""
        coverage = self.city.coverage
        if coverage is None or code in coverage.counted:
            return ""
        return STATUS_NAMES[Status(coverage.excluded.get(code, Status.DRAFT.value))](self.controller.lang)

    def refresh_charts(self) -> None:
        c = self.controller
        code = self.indicator.currentData()
        if code is None or not hasattr(self, "figures"):
            return
        ind = c.ctx.catalog[code]
        self._swap(self.bars, self._district_chart(ind))
        self._swap(self.trend, self._trend_chart(ind))

    def _title(self, ind, what: str) -> str:
        unit = ind.unit(self.controller.lang)
        return f"{ind.name(self.controller.lang)}" + (f"（{unit}）" if unit else "") + f" · {what}"

    def _district_chart(self, ind) -> QChart:
        """Horizontal bars sorted by value, every district named; the target and the city as lines of their own
        dash (not colour alone); districts without a value are listed, never drawn as zero."""
        c = self.controller
        ctx, lang, semester = c.ctx, c.lang, c.semester
        values, missing, not_applicable, not_counted = [], [], [], []
        for unit in ctx.units.districts():
            figures = self.figures.get(unit.code)
            value = figures.get(ind.code) if figures is not None else None
            name = short_name(unit.name(lang))
            if self._left_out(unit.code):
                not_counted.append(self.tr("%1 (%2)").replace("%1", name).replace("%2", self._left_out(unit.code)))
            elif figures is not None and figures.is_not_applicable(ind.code):
                not_applicable.append(name)
            elif value is None or isinstance(value, str):
                missing.append(name)
            elif value == 0:  # a bar of no length reads as no data: the zero is said beside the name
                values.append((0.0, self.tr("%1 (%2)").replace("%1", name).replace("%2", shown(ind, figures, lang))))
            else:
                values.append((float(value), name))
        values.sort()  # QHorizontalBarSeries draws the first category at the bottom: the largest ends on top
        bar = QBarSet(ind.name(lang))
        bar.setColor(QColor(PALETTE["bars"]))
        bar.setBorderColor(QColor(PALETTE["bars"]))
        for value, _ in values:
            bar.append(value)
        series = QHorizontalBarSeries()
        series.append(bar)
        series.setBarWidth(0.7)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(self._title(ind, semester.label(lang)))
        names = QBarCategoryAxis()
        names.append([name for _, name in values])
        names.setTruncateLabels(False)  # a district's name whole, never "…"
        amount = QValueAxis()
        amount.setTitleText(ind.unit(lang))
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(amount, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(amount)
        marks = []
        targets = [t for t in ctx.resources.targets.by_semester.get(semester, []) if t.code == ind.code and t.units in ("districts", "all")]
        if targets and not isinstance(targets[0].value, str):
            marks.append((float(targets[0].value), self.tr("Target %1").replace("%1", targets[0].shown(ind, lang)),
                          PALETTE["target"], Qt.PenStyle.DashLine))  # fmt: skip
        city = self.city.figures.get(ind.code)
        coverage = self.city.coverage
        provisional = coverage is not None and not coverage.final and not ctx.catalog.city_measured(ind.code)
        if provisional:
            city = None  # a provisional total of a few districts is no benchmark for all of them
        if city is not None and not isinstance(city, str):
            marks.append((float(city), self.tr("City %1").replace("%1", shown(ind, self.city.figures, lang)), PALETTE["city"],
                          Qt.PenStyle.DotLine))  # fmt: skip
        _scale(amount, min([v for v, _ in values] + [m[0] for m in marks] + [0.0]),
               max([v for v, _ in values] + [m[0] for m in marks] + [0.0]))  # 0, 20, 40 …
        if marks:
            rows = QValueAxis()
            rows.setRange(0, 1)
            rows.setVisible(False)
            chart.addAxis(rows, Qt.AlignmentFlag.AlignRight)
            for value, label, colour, dash in marks:
                line = QLineSeries()
                line.setName(label)
                line.append(value, 0)
                line.append(value, 1)
                pen = QPen(QColor(colour))
                pen.setWidth(2)
                pen.setStyle(dash)
                line.setPen(pen)
                chart.addSeries(line)
                line.attachAxis(amount)
                line.attachAxis(rows)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        notes = [self.tr("Not applicable: %1").replace("%1", "、".join(not_applicable))] if not_applicable else []
        notes += [self.tr("No value: %1").replace("%1", "、".join(missing))] if missing else []
        notes += [self.tr("Not counted: %1").replace("%1", "、".join(not_counted))] if not_counted else []
        notes += [self.tr("The city's provisional total is not drawn: not every district is accepted yet")] if provisional else []
        self.missing.setText("；".join(notes))
        # Every name readable: QtCharts hides a category's label that would touch the next one, so each bar's band is
        # a label's line and a half, beside the title, legend and axis; the page scrolls.
        line = QFontMetrics(names.labelsFont()).height()
        self.bars.setMinimumHeight(max(320, int(line * 1.5) * len(values) + 260))
        return chart

    def _trend_chart(self, ind) -> QChart:
        """The city's value in the halves that have one, labelled 2024年上半年, with the city's target."""
        c = self.controller
        ctx, lang = c.ctx, c.lang
        points = [(half, figures.get(ind.code), final) for half, figures, final in self.trend_data]
        points = [(half, float(value), final) for half, value, final in points if value is not None and not isinstance(value, str)]
        chart = QChart()
        chart.setTitle(self._title(ind, self.tr("the city, half by half")))
        series = QLineSeries()
        series.setName(self.tr("City"))
        series.setPointsVisible(True)
        series.setPointLabelsVisible(True)
        series.setPointLabelsFormat("@yPoint")
        pen = QPen(QColor(PALETTE["bars"]))
        pen.setWidth(2)
        series.setPen(pen)
        # A provisional total (only the accepted districts) is drawn on its own, never joined to whole halves.
        comparable = ctx.catalog.city_measured(ind.code)
        early = QScatterSeries()
        early.setName(self.tr("Provisional: not every district accepted"))
        early.setMarkerSize(11)
        early.setColor(QColor("white"))
        early.setBorderColor(QColor(PALETTE["bars"]))
        early.setPointLabelsVisible(True)
        early.setPointLabelsFormat("@yPoint")
        for i, (_, value, final) in enumerate(points):
            (series if final or comparable else early).append(i, value)
        chart.addSeries(series)
        if early.count():
            chart.addSeries(early)
        halves = QBarCategoryAxis()
        # A half with districts not yet accepted is labelled as provisional: its total is not comparable yet.
        halves.append([half.label(lang) + ("" if final else self.tr(" (provisional)")) for half, _, final in points]
                      or [c.semester.label(lang)])  # fmt: skip
        halves.setTruncateLabels(False)
        position = QValueAxis()
        position.setRange(-0.5, max(len(points), 1) - 0.5)
        position.setVisible(False)
        amount = QValueAxis()
        amount.setTitleText(ind.unit(lang))
        chart.addAxis(halves, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(position, Qt.AlignmentFlag.AlignTop)
        chart.addAxis(amount, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(position)
        series.attachAxis(amount)
        if early.count():
            early.attachAxis(position)
            early.attachAxis(amount)
        values = [v for _, v, _ in points]
        target = next((t for t in ctx.resources.targets.by_semester.get(c.semester, [])
                       if t.code == ind.code and t.units in ("municipality", "all") and not isinstance(t.value, str)), None)  # fmt: skip
        judged = not any(half == c.semester and not (final or comparable) for half, _, final in points)
        if target is not None and judged:  # a provisional total is not set against the city's target
            line = QLineSeries()
            line.setName(self.tr("%1 target %2").replace("%1", c.semester.label(lang)).replace("%2", target.shown(ind, lang)))
            line.append(-0.5, float(target.value))
            line.append(max(len(points), 1) - 0.5, float(target.value))
            dashed = QPen(QColor(PALETTE["target"]))
            dashed.setWidth(2)
            dashed.setStyle(Qt.PenStyle.DashLine)
            line.setPen(dashed)
            chart.addSeries(line)
            line.attachAxis(position)
            line.attachAxis(amount)
            values.append(float(target.value))
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        span = (high - low) or abs(high) or 1.0
        _scale(amount, max(0.0, low - span * 0.3) if low >= 0 else low - span * 0.3, high + span * 0.3)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    @staticmethod
    def _swap(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

