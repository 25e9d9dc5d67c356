"""The cyclic garbage collector over the life of the program (process entry only; tests and callers in-process
keep Python's defaults).

While the program loads — modules, tables, the catalog — nearly everything it makes lives until exit, and the
collector would only walk that heap again and again (a tenth of a command's CPU). So it is off until the program
is ready; then what exists is frozen and the collector, on again, walks only what the work makes. At exit it walks
nothing: the operating system takes the memory back, and every file and database was closed where it was used.
"""

from __future__ import annotations

import gc

_loading = False


def loading() -> None:
    """The process starts: no collections while it loads."""
    global _loading
    _loading = True
    gc.disable()


def ready() -> None:
    """The program has loaded (its database is open): the heap so far is frozen, the collector back on. The few
    hundred objects that were already garbage by then stay (a full collection to find them costs 60 ms)."""
    global _loading
    if _loading:
        _loading = False
        gc.freeze()
        gc.enable()


def ending() -> None:
    """The process ends: nothing for the collector to walk at shutdown."""
    gc.freeze()
