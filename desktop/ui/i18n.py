"""Translations: ours from resources/translations/*.ts (compiled to .qm by pyside6-lrelease), and Qt's own."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resources_dir

TS_NAME = "ecoreport_zh_CN"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def lrelease() -> str | None:
    import shutil  # only when a .qm must be compiled: not on every start-up

    bundled = Path(PySide6.__file__).parent / "lrelease"
    return str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_qm(ts: Path) -> Path | None:
    """The .qm beside the .ts; compiled now when missing or older (a source checkout), else None."""
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = lrelease()
    if tool is None:
        return qm if qm.exists() else None
    import subprocess

    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return qm if qm.exists() else None
    return qm


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Installs Chinese translations (ours and Qt's dialogs); English needs none. Returns them to keep alive."""
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed = [_QtGaps(app)]  # first installed, so asked last: only for what Qt's own translation lacks
    app.installTranslator(installed[0])
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase_zh_CN", qt_dir), (TS_NAME, None)):
        translator = QTranslator(app)
        if directory is None:
            qm = compiled_qm(translations_dir() / f"{TS_NAME}.ts")
            ok = qm is not None and translator.load(str(qm))
        else:
            ok = translator.load(name, directory)
        if ok:
            app.installTranslator(translator)
            installed.append(translator)
    return installed


class _QtGaps(QTranslator):
    """Strings of Qt's own dialogs that its Chinese translation misses (the file dialog's mnemonics changed)."""

    GAPS = {("QFileDialog", "&Look in:"): "查找范围(&L)：", ("QFileDialog", "Files of &type:"): "文件类型(&T)："}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return self.GAPS.get((context, source))  # None: not ours, the next translator or the source text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def shows_chinese() -> bool:
    """Whether any installed font can draw Simplified Chinese: without one, every Chinese word is a row of boxes."""
    from PySide6.QtGui import QFontDatabase

    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


NO_CHINESE_FONT = ("No font that can show Chinese is installed on this computer, so EcoReport is shown in English for "
                   "now (in Chinese every word would be a row of boxes). Your figures are not affected. Ask your IT "
                   "person to install the package fonts-noto-cjk (or another Chinese font), then start EcoReport again: "
                   "it opens in Chinese.")  # fmt: skip


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
