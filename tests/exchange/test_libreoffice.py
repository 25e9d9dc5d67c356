"""LibreOffice, the reader many offices use instead of Excel, opens our workbooks without complaint."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import H1
from .helpers import make_submission, make_template

soffice = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(soffice is None, reason="LibreOffice (soffice) is not installed")


def convert(path, out_dir, target="pdf"):
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", str(out_dir), str(path)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out_dir / (path.stem + "." + target.split(":")[0])


def test_the_submission_prints_to_pdf(ctx, tmp_path):
    path = make_submission(ctx, "500101", H1, tmp_path / "submission.xlsx")
    pdf = convert(path, tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF") and len(data) > 20_000


def test_the_template_opens_and_computes_its_formulas(ctx, tmp_path):
    path = make_template(ctx, "500101", H1, tmp_path / "template.xlsx")
    csv = convert(path, tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76,1")
    text = csv.read_text(encoding="utf-8")
    cells = {line.split(",")[0].strip('"'): line.split(",") for line in text.splitlines()}
    assert cells["water.excellent_ratio"][4] in ("100", "100.0")  # 2/2 sections, computed by LibreOffice itself
