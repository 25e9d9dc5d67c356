"""The selected indicator's value over past halves, with its target line. QtCharts loads on first use."""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class HistoryChart(QWidget):
    HALVES = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._view = None
        self._placeholder = QLabel(self.tr("Select an indicator to see its history."), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder)

    def show_history(self, title: str, points: list[tuple[str, float | None]], target: float | None, target_label: str,
                     ceiling: float | None = None) -> None:  # fmt: skip
        """`ceiling`: the most the figure can be (100 for a percentage): the axis stops there, not at 150."""
        from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis

        chart = QChart()
        chart.setTitle(title)
        # The tab is short at 1366×768: the legend goes to the side and the margins are thin, so that the plot
        # keeps its height and the value axis its labels.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setMargins(QMargins(4, 0, 4, 0))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        series = QLineSeries()
        series.setName(self.tr("Value"))
        series.setPointsVisible(True)
        values = []
        for i, (_, value) in enumerate(points):
            if value is not None:
                series.append(i, value)
                values.append(value)
        chart.addSeries(series)
        if not points:  # nothing recorded yet for this indicator
            points = [("", None)]
        axis_x = QBarCategoryAxis()
        axis_x.append([label for label, _ in points])
        axis_y = QValueAxis()
        low = min(values + ([target] if target is not None else []), default=0)
        high = max(values + ([target] if target is not None else []), default=1)
        pad = (high - low) * 0.15 or max(abs(high) * 0.1, 1)
        axis_y.setRange(low - pad, high + pad)
        axis_y.setTickCount(3)
        axis_y.applyNiceNumbers()  # 60, 70, 80 rather than 63.8, 69.0, 74.2
        if ceiling is not None and high <= ceiling < axis_y.max():
            axis_y.setMax(ceiling)
        step = (axis_y.max() - axis_y.min()) / max(1, axis_y.tickCount() - 1)
        if float(axis_y.min()).is_integer() and float(step).is_integer():
            axis_y.setLabelFormat("%.0f")  # whole steps read whole: 80, not 80.0
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        # The category axis places points at 0..n-1; a hidden value axis over the same span carries the line.
        axis_pos = QValueAxis()
        axis_pos.setRange(-0.5, len(points) - 0.5)
        axis_pos.setVisible(False)
        chart.addAxis(axis_pos, Qt.AlignmentFlag.AlignTop)
        series.detachAxis(axis_x)
        series.attachAxis(axis_pos)
        if target is not None:
            line = QLineSeries()
            line.setName(target_label)
            line.append(-0.5, target)
            line.append(len(points) - 0.5, target)
            pen = QPen(Qt.GlobalColor.red)
            pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(axis_pos)
            line.attachAxis(axis_y)
        if self._view is None:
            self._view = QChartView(self)
            self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._layout.removeWidget(self._placeholder)
            self._placeholder.hide()
            self._layout.addWidget(self._view)
        old = self._view.chart()
        self._view.setChart(chart)
        if old is not None:
            old.deleteLater()
