"""The loyalty card and app QR of a customer: ``CMPT-CL:<customer id>:<check>``.

Printed on the card as a barcode and shown as a QR in the customer's app, read alike by
the till and by central (the pure domain is shared). The id alone already finds the
customer; the two check symbols (Crockford base32 of a hash of the id, as on credit
notes) tell a misread or hand-typed code at once instead of finding the wrong person.
They are not a secret: a customer id is not a credential, and nothing is paid with it.
"""

from __future__ import annotations

import hashlib
import hmac
import re

CARD_PREFIX = "CMPT-CL:"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})
# sync.contract.scalars.CustomerId, restated: the domain imports nothing of sync.
CUSTOMER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


def card_check(customer_id: str) -> str:
    """The two check symbols of a customer id."""
    digest = int.from_bytes(hashlib.sha256(f"client:{customer_id}".encode()).digest()[:4], "big")
    return _ALPHABET[digest % 32] + _ALPHABET[(digest >> 5) % 32]


def card_text(customer_id: str) -> str:
    """What the card's barcode and the app's QR carry."""
    return f"{CARD_PREFIX}{customer_id}:{card_check(customer_id)}"


def parse_card(text: str) -> str | None:
    """The customer id of a scanned card or QR; None if ``text`` is not one or its check fails.

    The prefix is matched in any case (a keyboard wedge may shift it); the id keeps its case.
    """
    text = text.strip()
    if text[: len(CARD_PREFIX)].upper() != CARD_PREFIX:
        return None
    customer_id, separator, check = text[len(CARD_PREFIX) :].rpartition(":")
    if not separator or not CUSTOMER_ID.fullmatch(customer_id):
        return None
    given = check.strip().upper().translate(_TYPOS)
    if not hmac.compare_digest(given.encode(), card_check(customer_id).encode()):
        return None
    return customer_id
