"""The frozen application's entry point."""

from desktop.cli.main import main

raise SystemExit(main())
