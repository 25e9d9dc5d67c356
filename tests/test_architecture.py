"""Layering rules: only desktop/ui imports Qt; imports run down the layers, never up, and close no cycle.

Every import counts, including those inside functions (deferred for start-up speed): a deferred import
is still a dependency.
"""

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "desktop"

# Lower numbers are lower layers. A module may import its own layer or lower ones; cli and ui are peers
# that must not import each other.
LAYERS = [
    ("desktop.launch", 4), ("desktop.__main__", 4),
    ("desktop.ui", 3), ("desktop.cli", 3),
    ("desktop.exchange", 2),
    ("desktop.store", 1), ("desktop.context", 1),
    ("desktop.core", 0), ("desktop.resources", 0), ("desktop", 0),
]  # fmt: skip
# Only these may open database sessions or import the database stack: the store and the context.
SESSION_FREE = ("desktop.ui", "desktop.cli", "desktop.exchange", "desktop.core")


def ruff(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=REPO, input=stdin, capture_output=True, text=True)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> tuple[str, int]:
    for prefix, level in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return prefix, level
    raise AssertionError(f"{module} is in no layer")


def imports(path: Path, source: str | None = None) -> set[str]:
    """Every desktop module `path` imports, wherever the import statement stands."""
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    return {m for m in found if m in modules and m != own}


def graph(overrides: dict[Path, str] | None = None) -> dict[str, set[str]]:
    overrides = overrides or {}
    out = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        out[module_name(path)] = imports(path, overrides.get(path))
    return out


def violations(deps: dict[str, set[str]]) -> list[str]:
    found = []
    for module, targets in deps.items():
        prefix, level = layer(module)
        for target in targets:
            other, target_level = layer(target)
            if target_level > level or (target_level == level and prefix != other and level == 3):
                found.append(f"{module} → {target}")
    return sorted(found)


def cycles(deps: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in deps.get(v, ()):
            if w not in deps:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in list(deps):
        if v not in index:
            visit(v)
    return out


def test_imports_run_down_the_layers():
    assert violations(graph()) == []


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_checker_catches_an_upward_import_and_a_cycle():
    store = PACKAGE / "store" / "service.py"
    upward = graph({store: store.read_text(encoding="utf-8") + "\nfrom desktop.exchange import reader\n"})
    assert "desktop.store.service → desktop.exchange.reader" in violations(upward)
    core = PACKAGE / "core" / "text.py"  # units imports text; a deferred import back closes a cycle
    cyclic = graph({core: core.read_text(encoding="utf-8") + "\ndef f():\n    from desktop.core import units\n"})
    assert ["desktop.core.text", "desktop.core.units"] in cycles(cyclic)
    cli = PACKAGE / "cli" / "main.py"
    peer = graph({cli: cli.read_text(encoding="utf-8") + "\nimport desktop.ui.app\n"})
    assert "desktop.cli.main → desktop.ui.app" in violations(peer)


def sessions_opened(path: Path, source: str | None = None) -> list[str]:
    """Calls of .session() and imports of the database stack in a module."""
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "session":
            found.append(f"{path.relative_to(REPO)}:{node.lineno} .session()")
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        for name in names:
            if name.split(".")[0] in ("sqlmodel", "sqlalchemy", "alembic") or name == "desktop.store.models":
                found.append(f"{path.relative_to(REPO)}:{node.lineno} import {name}")
    return found


def test_only_the_store_opens_database_sessions():
    found = []
    for prefix in SESSION_FREE:
        folder = PACKAGE.joinpath(*prefix.split(".")[1:])
        for path in folder.rglob("*.py"):
            found += sessions_opened(path)
    assert found == []
    probe = PACKAGE / "ui" / "probe.py"
    assert sessions_opened(probe, "def f(ctx):\n    with ctx.store.session() as s:\n        pass\n")
    assert sessions_opened(probe, "from sqlmodel import select\n")


def test_the_tree_is_lint_clean():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_qt_is_banned_outside_the_ui_package():
    code = "from PySide6.QtWidgets import QWidget\nimport PySide6.QtCore\n\nprint(QWidget, PySide6)\n"
    for path in ("desktop/core/probe.py", "desktop/store/probe.py", "desktop/cli/probe.py"):
        result = ruff("check", "--stdin-filename", path, "-", stdin=code)
        assert result.returncode == 1 and "TID251" in result.stdout, path
    result = ruff("check", "--stdin-filename", "desktop/ui/probe.py", "-", stdin=code)
    assert "TID251" not in result.stdout


def test_the_core_imports_neither_qt_nor_the_database():
    probe = (
        "import sys, desktop.core.checks, desktop.core.loading, desktop.core.consolidation, desktop.core.report,"
        " desktop.core.workflow;"
        "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'sqlmodel', 'alembic')])"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
