"""Writers for the crash test, forked from one process that has already imported everything, so hundreds of them
can be killed in a bounded time.

Run as: python crash_writer.py DB TEMPLATE_A TEMPLATE_B
Reads commands on stdin: `run START` forks a writer and prints `pid P`; `reap P` waits for it and prints `reaped P`.
A writer edits, imports and acts as the bureau's reviewer in a loop, printing after each commit returned:
`saved N` (万州区's counter is N), `imported N`, `queried N` (a query raised on 合川区 and resolved).
"""

import os
import sys
from pathlib import Path

from desktop.context import open_context
from desktop.core.loading import load_resources
from desktop.core.semester import Semester
from desktop.exchange.importer import import_files
from desktop.resources import resources_dir
from desktop.store.review import Review

db, template_a, template_b = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])


def say(line: str) -> None:
    """One whole line in one write: print() may write the text and its newline apart (PYTHONUNBUFFERED), and a writer
    killed in between would leave half a line for the next one to be glued onto."""
    os.write(1, (line + "\n").encode())


resources = load_resources(resources_dir(), demo=True)


def write(start: int) -> None:
    ctx = open_context(db, resources=resources)
    unit, other, half = ctx.units.find("500101"), ctx.units.find("500117"), Semester(2024, 1)
    review = Review(ctx.store)
    i = start
    while True:
        i += 1
        if i % 7 == 0:
            import_files(ctx.store, [template_a if i % 2 else template_b], "wanzhou")  # one batch, as the inbox and CLI import
            say(f"imported {i}")
        if i % 5 == 0:
            uid = review.open_query("reviewer", other, half, "enf.penalties", f"第{i}次询问")
            review.resolve("reviewer", uid)
            say(f"queried {i}")
        ctx.store.set_values("wanzhou", unit, half, {"enf.penalties": str(i)}, {"enf.penalties": f"第{i}次修改"})
        say(f"saved {i}")  # only after the commit returned


for line in sys.stdin:
    command, number = line.split()
    if command == "run":
        pid = os.fork()
        if pid == 0:
            try:
                write(int(number))
            except BaseException as exc:  # said on the pipe the test reads, so it fails at once instead of waiting
                say(f"error {type(exc).__name__}: {exc}")
            finally:
                os._exit(1)
        say(f"pid {pid}")
    elif command == "reap":
        os.waitpid(int(number), 0)
        say(f"reaped {number}")
