"""The command line: everything the GUI does that makes sense headless."""
