"""One reviewer's process for the concurrency test: raises, answers and resolves queries on one half in a loop.

Run as: python review_writer.py URL REVIEWER CODE COUNT — prints `done N` after its N-th resolved query.
"""

import sys

from desktop.context import open_context
from desktop.core.semester import Semester
from desktop.store.review import Review

url, reviewer, code, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ctx = open_context(url)
unit, half = ctx.units.find("500101"), Semester(2024, 1)
review = Review(ctx.store)
for i in range(1, count + 1):
    uid = review.open_query(reviewer, unit, half, code, f"{reviewer} 第{i}次询问")
    review.reply(reviewer, uid, f"{reviewer} 补充说明 {i}")
    review.resolve(reviewer, uid)
    print(f"done {i}", flush=True)
ctx.store.db.dispose()
