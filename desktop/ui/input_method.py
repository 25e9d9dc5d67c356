"""Chinese input: which of the bundled Qt's input-context plugins to ask for, and which input method runs.

Qt's input-context plugins use Qt's private API, so a plugin built elsewhere (fcitx5-qt's) works only with
the exact Qt it was built against. PySide6 ships its own `ibus` plugin, which always matches. fcitx5 speaks
IBus's protocol through its IBus front end, including IBus's portal interface on the session bus, which
needs no ibus-daemon. So on an fcitx desktop Qt's own ibus plugin is asked to use that portal.
The environment is read before the QApplication exists: Qt picks its plugin when it starts.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Choice:
    """What the desktop asked for, and what EcoReport set so that the bundled Qt can do it."""

    requested: str  # the desktop's QT_IM_MODULE(S), or its XMODIFIERS when Qt was told nothing
    framework: str  # "fcitx", "ibus" or "" (none asked for)
    changes: dict[str, str] = field(default_factory=dict)

    @property
    def plugin(self) -> str:
        return self.changes.get("QT_IM_MODULE", "")


def _requested(environ: Mapping[str, str]) -> list[str]:
    modules = [m.strip() for m in environ.get("QT_IM_MODULES", "").split(";") if m.strip()]
    single = environ.get("QT_IM_MODULE", "").strip()
    return modules + ([single] if single else [])


def _framework(environ: Mapping[str, str], requested: list[str]) -> str:
    hints = [m.lower() for m in requested] + [
        environ.get("XMODIFIERS", "").lower().removeprefix("@im="),
        environ.get("GTK_IM_MODULE", "").lower(),
        environ.get("INPUT_METHOD", "").lower(),
    ]
    for name in ("fcitx", "ibus"):
        if any(hint.startswith(name) for hint in hints if hint):
            return name
    return ""


def choose(environ: Mapping[str, str], bundled: Collection[str]) -> Choice:
    """The environment changes that let the bundled plugins serve the desktop's input method."""
    requested = _requested(environ)
    framework = _framework(environ, requested)
    shown = ";".join(requested) or environ.get("XMODIFIERS", "")
    if any(m in bundled for m in requested) or not framework or "ibus" not in bundled:
        return Choice(shown, framework)
    changes = {"QT_IM_MODULE": "ibus"}
    if "QT_IM_MODULES" in environ:
        changes["QT_IM_MODULES"] = "ibus"
    if framework == "fcitx" and "IBUS_USE_PORTAL" not in environ:
        changes["IBUS_USE_PORTAL"] = "1"
    return Choice(shown, framework, changes)


def bundled_plugins(plugin_dirs: Collection[str]) -> set[str]:
    """The input-context plugins Qt will find: file names such as libibusplatforminputcontextplugin.so."""
    names = {
        p.name.removeprefix("lib").split(".")[0]
        for folder in plugin_dirs
        for p in (Path(folder) / "platforminputcontexts").glob("*")
        if p.is_file()
    }
    return {n.removesuffix("platforminputcontextplugin") for n in names}


_applied: list[Choice] = []
_bridges: list = []  # the fcitx 4 bridge, kept for the application's life


def apply(environ: MutableMapping[str, str] | None = None) -> Choice:
    """Sets the environment for the QApplication that is about to start."""
    from PySide6.QtCore import QCoreApplication

    environ = os.environ if environ is None else environ
    # Qt's own plugin folder, QT_PLUGIN_PATH and what a bundler added: where Qt itself will look.
    folders = QCoreApplication.libraryPaths() + environ.get("QT_PLUGIN_PATH", "").split(os.pathsep)
    choice = choose(environ, bundled_plugins([f for f in folders if f]))
    environ.update(choice.changes)
    _applied[:] = [choice]
    return choice


def applied() -> Choice:
    """The choice made when the application started (or what it would be, where nothing was applied)."""
    return _applied[0] if _applied else choose(os.environ, ())


def running_services() -> set[str]:
    """Which input methods answer on the session bus: "fcitx5", "fcitx4", "ibus-portal"."""
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return set()
    reply = bus.interface().registeredServiceNames()
    names = set(reply.value() if hasattr(reply, "value") else reply)
    found = set()
    if "org.fcitx.Fcitx5" in names:
        found.add("fcitx5")
    elif any(n.startswith("org.fcitx.Fcitx") for n in names):
        found.add("fcitx4")
    if "org.freedesktop.portal.IBus" in names:
        found.add("ibus-portal")
    return found


def serve(app) -> str:
    """After Qt starts: on an fcitx desktop where fcitx 4 runs (no IBus interface), EcoReport speaks to it itself.
    Returns what serves input: "fcitx4" or "" (Qt's plugin, or nothing)."""
    if _bridges:
        return "fcitx4"
    if applied().framework != "fcitx":
        return ""  # one look at the bus on fcitx desktops only
    services = running_services()
    if "fcitx4" not in services or "fcitx5" in services:
        return ""
    from desktop.ui import fcitx4

    bridge = fcitx4.start(app)
    if bridge is None:
        return ""
    _bridges.append(bridge)
    return "fcitx4"


def served_by() -> str:
    return "fcitx4" if _bridges else ""
