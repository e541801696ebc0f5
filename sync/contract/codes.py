"""Pickup and cart codes: what a customer types or shows as a QR, read alike on both sides.

A code is 8 symbols of Crockford's base32 (no I, L, O, U), shown ``K7M2-Q9XD``: 40 random
bits, so guessing one is hopeless, and short enough to read out at a counter. Typing is
forgiving: case, spaces and hyphens do not matter, and O/I/L are read as 0/1/1.

A QR code names what it is, so one scanner tells them apart: ``CMPT-PU:<order_id>:<code>``
for a click-and-collect order (the desk finds the order offline by id, and the code proves
the customer holds it), ``CMPT-CART:<code>`` for an online cart.
"""

from __future__ import annotations

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
