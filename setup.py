"""The wheel carries the data files the program reads: resources/ is copied into desktop/_resources.

Everything else about the package is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = ("catalog", "demo", "translations", "icons", "units.toml", "form.toml", "narrative.toml")


class BuildWithResources(build_py):
    def run(self):
        super().run()
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "desktop" / "_resources"
        if target.exists():
            shutil.rmtree(target)
        docs = source.parent / "docs"  # the user manual (F1) and its screenshots
        shutil.copytree(docs / "screenshots", target / "manual" / "screenshots")
        shutil.copy2(docs / "用户手册.md", target / "manual" / "用户手册.md")
        for name in DATA:
            path = source / name
            if path.is_dir():
                shutil.copytree(path, target / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / name)


setup(cmdclass={"build_py": BuildWithResources})
