"""The frozen application's entry point."""

from desktop.launch import entry

raise SystemExit(entry())
