from desktop.launch import entry

raise SystemExit(entry())
