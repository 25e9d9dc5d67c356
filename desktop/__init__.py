"""EcoReport 生态环境半年报填报审核系统."""

__version__ = "0.1.0"
