"""Exit codes and the error for input that names nothing real, shared by every command."""

from __future__ import annotations

from desktop.core.text import UserError

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_BROKEN = 0, 1, 2, 3


class BadInput(UserError):
    """Input that names nothing real (an unknown unit, a malformed half), or a missing password: exit code 2."""
