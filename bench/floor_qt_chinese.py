"""A floor for drawing Chinese: ../shared/bench/floor_qt_stack.py's window (bare Qt, the database stack loaded, a
60-row QTableView painted once), its cells and headers holding the Chinese text of the app's first screen (the
indicators' names and units, in the catalog's order) instead of "r.c". What this costs beyond that floor is what
drawing Chinese costs any Qt program here: the CJK font's pages, glyph caches and shaping.

Usage: python floor_qt_chinese.py CELLS.json   (CELLS.json: {"headers": [8 texts], "rows": [[8 texts], ...]},
written beforehand, untimed, by bench/run.py)
"""
import json
import sys

import sqlmodel  # noqa: F401  the stack the app must load before it can show data
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

with open(sys.argv[1], encoding="utf-8") as f:
    cells = json.load(f)
app = QApplication(sys.argv[:1])
model = QStandardItemModel(len(cells["rows"]), len(cells["headers"]))
model.setHorizontalHeaderLabels(cells["headers"])
for r, row in enumerate(cells["rows"]):
    for c, text in enumerate(row):
        model.setItem(r, c, QStandardItem(text))
w = QMainWindow()
view = QTableView()
view.setModel(model)
w.setCentralWidget(view)
w.resize(1200, 800)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
