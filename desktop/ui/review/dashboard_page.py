"""The dashboard of a half: the city's headline figures against targets, districts compared, the heat map of
attainment, the city's trend, and the narrative report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)  # fmt: skip
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
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

from desktop.core.display import shown
from desktop.core.targets import MET, MISSED
from desktop.core.text import UserError
from desktop.ui.models.simple_table import RowTableModel

HEAT = {MET: "#b7e1c1", MISSED: "#f4a6ad", "no_value": "#eeeeee", "not_applicable": "#dddddd"}


class DashboardPage(QWidget):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        ctx, lang = controller.ctx, controller.lang
        self.headline = RowTableModel([
            (self.tr("Indicator"), lambda r: r[0]), (self.tr("City"), lambda r: r[1]), (self.tr("Target"), lambda r: r[2]),
            (self.tr("Attainment"), lambda r: r[3]),
        ], background=lambda r, c: HEAT.get(r[4]) if c == 3 else None, parent=self)  # fmt: skip
        self.headline_view = self._table(self.headline)
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
        self.heat = RowTableModel([], parent=self)
        self.heat_view = self._table(self.heat)
        self.narrative = QPlainTextEdit(self)
        self.narrative.setReadOnly(True)
        copy = QPushButton(self.tr("Copy text"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.narrative.toPlainText()))
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
        grid.addWidget(self._box(self.tr("City against targets"), self.headline_view), 0, 0)
        grid.addWidget(self._box(self.tr("Districts compared"), self.bars, self.indicator, self._save(self.bars, "districts")), 0, 1)
        grid.addWidget(self._box(self.tr("Attainment by district"), self.heat_view, self._save(self.heat_view, "heatmap")), 1, 0)
        grid.addWidget(self._box(self.tr("City trend"), self.trend, self._save(self.trend, "trend")), 1, 1)
        grid.addWidget(self._box(self.tr("Narrative report"), self.narrative, copy), 2, 0, 1, 2)
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

    def _table(self, model) -> QTableView:
        view = QTableView(self)
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
        button = QPushButton(self.tr("Save as PNG…"), self)
        button.clicked.connect(lambda: self.save_png(widget, name))
        return button

    def save_png(self, widget: QWidget, name: str, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), f"{name}_{self.controller.semester}.png", "PNG (*.png)")
        if not path:
            return None
        widget.grab().save(path, "PNG")
        return Path(path)

    def save_workbook(self, path: str | None = None) -> Path | None:
        """Saves the city's workbook off the UI thread; says what it counts, as the workbook does."""
        from desktop.ui.background import run_in_background

        c = self.controller
        if path is None:
            suggested = self.tr("city_%1.xlsx").replace("%1", str(c.semester))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the city workbook"), suggested, self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        include = self.include.currentData()
        try:
            saved, coverage = run_in_background(self, self.tr("Consolidating the districts…"),
                                                 lambda _progress: c.export_consolidation(Path(path), include))  # fmt: skip
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message(c.lang))
            return None
        told = self.tr("Saved %1").replace("%1", str(saved))
        if coverage is not None:
            told += "\n\n" + coverage.describe(c.lang)
        QMessageBox.information(self, self.tr("City workbook"), told)
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
        for code, att in self.city.attainments.items():
            ind = ctx.catalog[code]
            rows.append((ind.name(lang), shown(ind, self.city.figures, lang), att.target.shown(ind, lang), att.describe(ind, lang), att.status))
        self.headline.set_rows(rows)
        self.headline_view.setColumnWidth(0, 210)
        self.narrative.setPlainText("\n\n".join(data.narrative))
        self.figures = data.figures
        self._heat(data.attainments)
        self.refresh_charts()

    def _heat(self, reached: dict) -> None:
        c = self.controller
        ctx, lang, semester = c.ctx, c.lang, c.semester
        codes = sorted({t.code for t in ctx.resources.targets.by_semester.get(semester, []) if t.units != "municipality"},
                       key=list(ctx.catalog.indicators).index)  # fmt: skip
        rows = [(unit, reached.get(unit.code, {})) for unit in ctx.units.districts()]
        columns = [(self.tr("District"), lambda r: r[0].name(lang))]
        for code in codes:
            ind = ctx.catalog[code]
            columns.append((ind.name(lang), lambda r, code=code, ind=ind: shown(ind, self.figures.get(r[0].code), lang)))
        self.heat._columns = columns
        self.heat._background = lambda r, col: HEAT.get(r[1][codes[col - 1]].status) if col and codes[col - 1] in r[1] else None
        self.heat.set_rows(rows)

    def refresh_charts(self) -> None:
        c = self.controller
        code = self.indicator.currentData()
        if code is None or not hasattr(self, "figures"):
            return
        ctx, lang, semester = c.ctx, c.lang, c.semester
        ind = ctx.catalog[code]
        bar = QBarSet(ind.name(lang))
        names = []
        for unit in ctx.units.districts():
            value = self.figures.get(unit.code).get(code) if unit.code in self.figures else None
            bar.append(float(value) if value is not None else 0.0)
            names.append(unit.name(lang).replace("土家族苗族自治县", "").replace("苗族土家族自治县", "").replace("土家族自治县", ""))
        series = QBarSeries()
        series.append(bar)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle(f"{ind.name(lang)}（{ind.unit(lang)}）")
        axis_x = QBarCategoryAxis()
        axis_x.append(names)
        axis_x.setLabelsAngle(-90)
        axis_y = QValueAxis()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        targets = [t for t in ctx.resources.targets.by_semester.get(semester, []) if t.code == code and t.units in ("districts", "all")]
        if targets and not isinstance(targets[0].value, str):
            line = QLineSeries()
            line.setName(self.tr("Target %1").replace("%1", targets[0].shown(ind, lang)))
            axis_pos = QValueAxis()
            axis_pos.setRange(-0.5, len(names) - 0.5)
            axis_pos.setVisible(False)
            chart.addAxis(axis_pos, Qt.AlignmentFlag.AlignTop)
            line.append(-0.5, float(targets[0].value))
            line.append(len(names) - 0.5, float(targets[0].value))
            pen = QPen(Qt.GlobalColor.red)
            pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(axis_pos)
            line.attachAxis(axis_y)
            axis_y.setMin(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._swap(self.bars, chart)
        self._trend(ind)

    def _trend(self, ind) -> None:
        c = self.controller
        ctx, lang = c.ctx, c.lang
        chart = QChart()
        series = QLineSeries()
        series.setName(ind.name(lang))
        series.setPointsVisible(True)
        labels = []
        for i, semester in enumerate(c.semester.back(6)):
            labels.append(f"{semester.year % 100:02d}H{semester.half}")
            value = ctx.store.figures(ctx.units.municipality, semester).get(ind.code)
            if value is not None and not isinstance(value, str):
                series.append(i, float(value))
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        axis_pos = QValueAxis()
        axis_pos.setRange(-0.5, len(labels) - 0.5)
        axis_pos.setVisible(False)
        axis_y = QValueAxis()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_pos, Qt.AlignmentFlag.AlignTop)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_pos)
        series.attachAxis(axis_y)
        chart.setTitle(self.tr("City, past halves"))
        chart.legend().hide()
        self._swap(self.trend, chart)

    @staticmethod
    def _swap(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

