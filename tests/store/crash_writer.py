"""A writer for the crash test: edits and imports in a loop, printing `saved N` after each commit.

Run as: python crash_writer.py DB TEMPLATE_A TEMPLATE_B START
"""

import sys
from pathlib import Path

from desktop.context import open_context
from desktop.core.semester import Semester
from desktop.exchange.importer import import_file

db, template_a, template_b, start = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
ctx = open_context(db)
unit, half = ctx.units.find("500101"), Semester(2024, 1)
i = start
while True:
    i += 1
    if i % 7 == 0:
        import_file(ctx.store, template_a if i % 2 else template_b, "wanzhou")
        print(f"imported {i}", flush=True)
    ctx.store.set_values("wanzhou", unit, half, {"enf.penalties": str(i)}, {"enf.penalties": f"第{i}次修改"})
    print(f"saved {i}", flush=True)  # only after the commit returned
