"""The frozen application's entry point."""

from desktop.launch import main

raise SystemExit(main())
