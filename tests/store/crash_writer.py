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
from desktop.exchange.importer import import_file
from desktop.resources import resources_dir
from desktop.store.review import Review

db, template_a, template_b = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
resources = load_resources(resources_dir(), demo=True)


def write(start: int) -> None:
    ctx = open_context(db, resources=resources)
    unit, other, half = ctx.units.find("500101"), ctx.units.find("500117"), Semester(2024, 1)
    review = Review(ctx.store)
    i = start
    while True:
        i += 1
        if i % 7 == 0:
            import_file(ctx.store, template_a if i % 2 else template_b, "wanzhou")
            print(f"imported {i}", flush=True)
        if i % 5 == 0:
            uid = review.open_query("reviewer", other, half, "enf.penalties", f"第{i}次询问")
            review.resolve("reviewer", uid)
            print(f"queried {i}", flush=True)
        ctx.store.set_values("wanzhou", unit, half, {"enf.penalties": str(i)}, {"enf.penalties": f"第{i}次修改"})
        print(f"saved {i}", flush=True)  # only after the commit returned


for line in sys.stdin:
    command, number = line.split()
    if command == "run":
        pid = os.fork()
        if pid == 0:
            try:
                write(int(number))
            except BaseException as exc:  # said on the pipe the test reads, so it fails at once instead of waiting
                print(f"error {type(exc).__name__}: {exc}", flush=True)
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
    elif command == "reap":
        os.waitpid(int(number), 0)
        print(f"reaped {number}", flush=True)
