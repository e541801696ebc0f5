"""Opaque cursors over Medusa lists ordered by ``updated_at``, ties included.

Medusa lists filter ``updated_at[$gte|$gt|$eq]`` and sort on one field only
(``order=updated_at,id`` is a 500), so a page boundary inside a group of rows sharing one
``updated_at`` (a batch import stamps thousands alike) needs care:

* ``gte`` mode: ``updated_at >= t`` sorted by ``updated_at``. A full page whose last time is
  later than ``t`` hands out the rows before that last time and resumes ``>= last time``
  (rows at that time come again: applying an item twice is harmless). A full page all at
  ``t`` switches to
* ``tie`` mode: ``t <= updated_at < t + 1 ms`` sorted by ``id``, by offset, until the
  group is done, then ``gt`` mode (``updated_at >= t + 1 ms``), which behaves like
  ``gte`` afterwards.

Medusa shows times to the millisecond but PostgreSQL keeps microseconds (rows written by
one transaction share its ``now()``, e.g. ``.123456``): an ``$eq`` on the shown time
matches none of them, and ``$gt`` on it matches the whole group again, so a group is
always a one-millisecond range.

A caught-up feed resumes ``>= last time`` so a row written in the same millisecond as the
last one seen is not lost. The cursor is JSON in URL-safe base64 with a feed tag: a cursor
made for another feed, or not made here, is a ``BadCursor``.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sync.ports import BadCursor

Mode = Literal["gte", "gt", "tie"]
EPOCH = "1970-01-01T00:00:00.000Z"


@dataclass(frozen=True, slots=True)
class TimeCursor:
    t: str = EPOCH
    mode: Mode = "gte"
    offset: int = 0


def encode(feed: str, state: dict[str, Any]) -> str:
    text = json.dumps({"feed": feed, **state}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(feed: str, cursor: str | None) -> dict[str, Any]:
    """The state inside ``cursor`` (``{}`` for None); ``BadCursor`` if it is not ours."""
    if cursor is None:
        return {}
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadCursor(f"The {feed} cursor was not made by the Medusa adapter.") from None
    if not isinstance(state, dict) or state.pop("feed", None) != feed:
        raise BadCursor(f"The cursor given for {feed} belongs to another feed.")
    return state


def time_cursor(state: Any) -> TimeCursor:
    if state is None:
        return TimeCursor()
    try:
        t, mode, offset = state["t"], state["mode"], int(state["offset"])
    except (KeyError, TypeError, ValueError):
        raise BadCursor("A Medusa cursor is damaged.") from None
    if mode not in ("gte", "gt", "tie") or not isinstance(t, str) or offset < 0:
        raise BadCursor("A Medusa cursor is damaged.")
    return TimeCursor(t, mode, offset)


def as_state(cursor: TimeCursor) -> dict[str, Any]:
    return {"t": cursor.t, "mode": cursor.mode, "offset": cursor.offset}


Fetch = Callable[[dict[str, str | int], int], list[dict[str, Any]]]


def changed_since(
    fetch: Fetch, cursor: TimeCursor, limit: int
) -> tuple[list[dict[str, Any]], TimeCursor, bool]:
    """One page of rows changed since ``cursor``: (rows, next cursor, has_more).

    ``fetch(params, limit)`` lists rows with the given filter/order params (it adds its
    own ``fields``); rows must carry ``id`` and ``updated_at``.
    """
    if cursor.mode == "tie":
        group = {"updated_at[$gte]": cursor.t, "updated_at[$lt]": next_millisecond(cursor.t)}
        rows = fetch({**group, "order": "id", "offset": cursor.offset}, limit)
        if len(rows) < limit:
            return rows, TimeCursor(cursor.t, "gt"), True
        return rows, TimeCursor(cursor.t, "tie", cursor.offset + len(rows)), True
    since = cursor.t if cursor.mode == "gte" else next_millisecond(cursor.t)
    rows = fetch({"updated_at[$gte]": since, "order": "updated_at"}, limit)
    if len(rows) < limit:
        last = rows[-1]["updated_at"] if rows else cursor.t
        return rows, TimeCursor(last, "gte"), False
    last = rows[-1]["updated_at"]
    if last == rows[0]["updated_at"]:
        return [], TimeCursor(last, "tie", 0), True  # a group at least a page large
    before = [row for row in rows if row["updated_at"] != last]
    return before, TimeCursor(last, "gte"), True


def next_millisecond(t: str) -> str:
    """``t`` (Medusa's ISO time, to the millisecond) plus one millisecond, same format."""
    try:
        moment = datetime.fromisoformat(t.replace("Z", "+00:00"))
    except ValueError:
        raise BadCursor("A Medusa cursor is damaged.") from None
    later = moment + timedelta(milliseconds=1)
    return later.strftime("%Y-%m-%dT%H:%M:%S.") + f"{later.microsecond // 1000:03d}Z"
