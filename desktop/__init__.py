"""EcoReport 生态环境半年报填报审核系统."""

import time

__version__ = "0.1.0"
STARTED = time.perf_counter()  # for --startup-benchmark: the process's first Python code
