"""The one error type the domain raises for a cashier's mistake or a bad input.

Each error carries a stable ``code`` (what the UI translates and tests assert on) and an
English ``message`` with what to do next; ``params`` fill the translated sentence.
"""

from __future__ import annotations

from typing import Any


class PosError(Exception):
    """A refused action that loses nothing: the basket or sale is left as it was."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.params = params

    def __str__(self) -> str:
        return self.message
