"""The one error type of the barcode layer, shaped like the domain's ``PosError``.

Each error carries a stable ``code`` (what the UI translates and tests assert on), an English
``message`` telling the cashier what happened and what to do, and ``params`` that fill the
translated sentence.
"""

from __future__ import annotations

from typing import Literal

ErrorCode = Literal[
    "empty",
    "not_digits",
    "bad_length",
    "bad_check_digit",
    "bad_characters",
    "bad_number_system",
    "trade_unit",
]

#: Codes longer than this are shortened in messages so a garbage scan cannot flood the screen.
_SHOWN_MAX = 40


class BarcodeError(ValueError):
    """A scanned or typed code that cannot be used; nothing was added to the basket."""

    def __init__(self, message: str, *, code: ErrorCode, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.code: ErrorCode = code
        self.params = params

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"BarcodeError(code={self.code!r}, message={self.message!r})"

    def __reduce__(self) -> tuple[object, ...]:
        # The default reduce would call __init__(message) without the keyword-only code.
        return (_rebuild, (self.message, self.code, self.params))


def _rebuild(message: str, code: ErrorCode, params: dict[str, object]) -> BarcodeError:
    return BarcodeError(message, code=code, **params)


def shown(raw: str) -> str:
    """``raw`` as it appears in a message: control characters escaped, length bounded."""
    text = raw if len(raw) <= _SHOWN_MAX else raw[: _SHOWN_MAX - 1] + "…"
    return text if text.isprintable() else repr(text)[1:-1]


def check_digit_error(code: str, expected: int, *, what: str = "check digit") -> BarcodeError:
    """The error for a misread: the cashier rescans or types the printed digits."""
    return BarcodeError(
        f"The {what} of {shown(code)} is wrong (expected {expected}): scan again or type the code.",
        code="bad_check_digit",
        raw=code,
        expected=expected,
        what=what,
    )
