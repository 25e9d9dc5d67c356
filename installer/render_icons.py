"""Renders resources/icons/ecoreport.svg to the PNG sizes of the hicolor icon theme (run offscreen)."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

svg, out = Path(sys.argv[1]), Path(sys.argv[2])
app = QGuiApplication(sys.argv[:1])
renderer = QSvgRenderer(str(svg))
for size in (16, 32, 48, 64, 128, 256):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    target = out / f"{size}x{size}" / "apps"
    target.mkdir(parents=True, exist_ok=True)
    image.save(str(target / "ecoreport.png"))
