"""Pickup and cart codes: what a customer types or shows as a QR, read alike on both sides.

A code is 8 symbols of Crockford's base32 (no I, L, O, U), shown ``K7M2-Q9XD``: 40 random
bits, so guessing one is hopeless, and short enough to read out at a counter. Typing is
forgiving: case, spaces and hyphens do not matter, and O/I/L are read as 0/1/1.

A QR code names what it is, so one scanner tells them apart: ``CMPT-PU:<order_id>:<code>``
for a click-and-collect order (the desk finds the order offline by id, and the code proves
the customer holds it), ``CMPT-CART:<code>`` for an online cart.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8
PICKUP_QR_PREFIX = "CMPT-PU:"
CART_QR_PREFIX = "CMPT-CART:"
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalize_code(text: str) -> str | None:
    """The canonical ``XXXX-XXXX`` form of a typed or scanned code; None if it cannot be one."""
    raw = "".join(text.split()).replace("-", "").upper().translate(_TYPOS)
    if len(raw) != CODE_LENGTH or not all(symbol in CODE_ALPHABET for symbol in raw):
        return None
    return f"{raw[:4]}-{raw[4:]}"


def pickup_qr_text(order_id: str, code: str) -> str:
    return f"{PICKUP_QR_PREFIX}{order_id}:{code}"


def parse_pickup_qr(text: str) -> tuple[str, str] | None:
    """``(order_id, canonical code)`` from a pickup QR text; None if it is not one."""
    if not text.startswith(PICKUP_QR_PREFIX):
        return None
    order_id, separator, code = text[len(PICKUP_QR_PREFIX) :].rpartition(":")
    canonical = normalize_code(code)
    if not separator or not order_id or canonical is None:
        return None
    return order_id, canonical


def cart_qr_text(code: str) -> str:
    return f"{CART_QR_PREFIX}{code}"


def parse_cart_qr(text: str) -> str | None:
    """The canonical code from a cart QR text; None if it is not one."""
    if not text.startswith(CART_QR_PREFIX):
        return None
    return normalize_code(text[len(CART_QR_PREFIX) :])


# -- credit notes (avoirs) -------------------------------------------------------------
#
# A credit note's code is its bearer value: ``AV-XXXX-XXXX-XXXX-CC``, 12 random symbols
# (60 bits: guessing one that exists is hopeless, and central answers a wrong one like an
# unknown one) and 2 check symbols, so a mistyped code is told at once, before any call.
# The QR printed on the credit note carries ``CMPT-AV:<code>``; the web shop takes the code
# as typed.

CREDIT_NOTE_PREFIX = "AV"
CREDIT_NOTE_QR_PREFIX = "CMPT-AV:"
_CREDIT_BODY = 12


def _credit_check(body: str) -> str:
    digest = int.from_bytes(hashlib.sha256(f"avoir:{body}".encode()).digest()[:4], "big")
    return CODE_ALPHABET[digest % 32] + CODE_ALPHABET[(digest >> 5) % 32]


def new_credit_note_code() -> str:
    """A fresh code in its canonical form (``AV-XXXX-XXXX-XXXX-CC``)."""
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(_CREDIT_BODY))
    return _credit_display(body + _credit_check(body))


def _credit_display(raw: str) -> str:
    return f"{CREDIT_NOTE_PREFIX}-{raw[0:4]}-{raw[4:8]}-{raw[8:12]}-{raw[12:]}"


def normalize_credit_note_code(text: str) -> str | None:
    """The canonical form of a typed or scanned credit note code (its QR text too); None
    when it cannot be one: wrong length, a symbol outside the alphabet, or a check that
    does not match (a typo, or a forged code)."""
    text = text.strip()
    if text.startswith(CREDIT_NOTE_QR_PREFIX):
        text = text[len(CREDIT_NOTE_QR_PREFIX) :]
    raw = "".join(text.split()).replace("-", "").upper()
    if not raw.startswith(CREDIT_NOTE_PREFIX):
        return None
    raw = raw[len(CREDIT_NOTE_PREFIX) :].translate(_TYPOS)
    if len(raw) != _CREDIT_BODY + 2 or not all(symbol in CODE_ALPHABET for symbol in raw):
        return None
    body, check = raw[:_CREDIT_BODY], raw[_CREDIT_BODY:]
    if not hmac.compare_digest(_credit_check(body), check):
        return None
    return _credit_display(raw)


def credit_note_qr_text(code: str) -> str:
    return f"{CREDIT_NOTE_QR_PREFIX}{code}"
