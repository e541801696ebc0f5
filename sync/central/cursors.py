"""Opaque feed cursors: a position the server signed, bound to one feed and one store.

Format: ``base64url(JSON {"f": feed, "s": store, "c": change_seq}) "." base64url(MAC)``
with MAC = HMAC-SHA256 under the database's own secret, truncated to 16 bytes. A cursor
from another server (another database), another feed or store, or edited by hand is
refused, and the client re-pulls the feed from the beginning.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json

_MAC_BYTES = 16


class BadCursor(ValueError):
    """The cursor was not made by this server for this feed and store."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).digest()[:_MAC_BYTES]


def encode(secret: bytes, feed: str, store_id: str, change_seq: int) -> str:
    body = json.dumps({"f": feed, "s": store_id, "c": change_seq}, separators=(",", ":"))
    raw = body.encode("utf-8")
    return f"{_b64(raw)}.{_b64(_mac(secret, raw))}"


def decode(secret: bytes, cursor: str, feed: str, store_id: str) -> int:
    """The change_seq the cursor stands for; BadCursor unless it is genuine and ours."""
    try:
        body_text, mac_text = cursor.split(".")
        raw, mac = _unb64(body_text), _unb64(mac_text)
    except (ValueError, binascii.Error):
        raise BadCursor("The cursor is not one this server made.") from None
    if not hmac.compare_digest(mac, _mac(secret, raw)):
        raise BadCursor("The cursor is not one this server made (or this database's).")
    position = json.loads(raw)
    if position.get("f") != feed or position.get("s") != store_id:
        raise BadCursor(
            f"The cursor belongs to the {position.get('f')!r} feed of store "
            f"{position.get('s')!r}, not to {feed!r} of {store_id!r}."
        )
    change_seq = position.get("c")
    if type(change_seq) is not int or change_seq < 0:
        raise BadCursor("The cursor's position is not valid.")
    return change_seq


def encode_snapshot(secret: bytes, store_id: str, seq: int, part: str, after: int) -> str:
    """A snapshot cursor: its sequence, the part being read and the last id sent."""
    body = json.dumps({"f": "snapshot", "s": store_id, "c": seq, "p": part, "a": after},
                      separators=(",", ":"))  # fmt: skip
    raw = body.encode("utf-8")
    return f"{_b64(raw)}.{_b64(_mac(secret, raw))}"


def decode_snapshot(secret: bytes, cursor: str, store_id: str) -> tuple[int, str, int]:
    """(seq, part, after) of a snapshot cursor; BadCursor unless genuine and this store's."""
    seq = decode(secret, cursor, "snapshot", store_id)
    position = json.loads(_unb64(cursor.split(".")[0]))
    part, after = position.get("p"), position.get("a")
    if part not in ("catalog", "stock") or type(after) is not int or after < 0:
        raise BadCursor("The snapshot cursor's position is not valid.")
    return seq, part, after
