"""Printing as a user's office would: LibreOffice converts a file to PDF, poppler draws each page to PNG, and
pdfminer reads back every character's font and size.

Printing uses the font set-up the .deb installs (resources/fontconfig): 宋体 where installed, else its free
Song-style equivalent for every character."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SONGTI = REPO / "resources" / "fontconfig" / "65-ecoreport-songti.conf"  # copied beside the tests outside the tree
soffice = shutil.which("soffice") or shutil.which("libreoffice")
pdftoppm = shutil.which("pdftoppm")


@dataclass
class Page:
    number: int
    text: str
    sizes: Counter = field(default_factory=Counter)  # font size in points → characters
    fonts: set[str] = field(default_factory=set)  # font families, subset prefixes removed


def fonts_conf(folder: Path) -> Path:
    assert SONGTI.is_file(), SONGTI
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
                    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                    f"  <include>{SONGTI}</include>\n</fontconfig>\n", encoding="utf-8")  # fmt: skip
    return conf


def to_pdf(path: Path, out_dir: Path) -> Path:
    import os

    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf(out_dir)))
    profile = out_dir / "lo-profile"
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(out_dir), str(path)], capture_output=True, text=True, timeout=240, env=env)  # fmt: skip
    assert result.returncode == 0, result.stderr
    pdf = out_dir / (path.stem + ".pdf")
    assert pdf.exists(), result.stdout + result.stderr
    return pdf


def read_pages(pdf: Path) -> list[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    pages = []
    for number, layout in enumerate(extract_pages(str(pdf)), start=1):
        page = Page(number, "".join(item.get_text() for item in layout if isinstance(item, LTTextContainer)))
        stack = list(layout)
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                if item.get_text().strip():
                    page.sizes[round(item.size, 1)] += 1
                    page.fonts.add(item.fontname.split("+")[-1].split("-")[0])
            elif hasattr(item, "__iter__"):
                stack.extend(item)
        pages.append(page)
    return pages


def to_png(pdf: Path, out_dir: Path, dpi: int = 60) -> list[Path]:
    subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(pdf), str(out_dir / "page")], check=True, timeout=240)
    return sorted(out_dir.glob("page-*.png"))


def ink(pdf: Path, out_dir: Path) -> list[float]:
    """Each page's share of pixels that are not white (a blank page is 0), from a small grey rendering."""
    subprocess.run([pdftoppm, "-r", "20", "-gray", str(pdf), str(out_dir / "grey")], check=True, timeout=240)
    shares = []
    for pgm in sorted(out_dir.glob("grey-*.pgm")):
        data = pgm.read_bytes()
        header = data.split(maxsplit=4)  # P5, width, height, maximum, pixels
        width, height = int(header[1]), int(header[2])
        pixels = data[len(data) - width * height :]
        shares.append(sum(p < 200 for p in pixels) / len(pixels))
    return shares
