"""A feed page's size and item count, bounded before pydantic sees it.

Validating a page costs ~230 bytes of memory per JSON value (a 100,000-item catalog page
of 22 MB took a till to 462 MB before the contract's 5,000-item limit was even checked).
So a page's reply is capped by what ``limit`` items can weigh (``page_bytes``), and its
values and items are counted first with C-speed byte operations (the structural
characters), and only a page over a bound is counted again, string by string.
"""

from __future__ import annotations

import re

from sync.ports import CentralRejected

ITEM_BYTES = 4096  # generous for one item of any feed (a catalog item is ~220 bytes)
PAGE_OVERHEAD_BYTES = 64 * 1024
MAX_PAGE_VALUES = 500_000  # ~115 MB to validate: the most one page may hold
#: Feeds whose items hold no nested object: their ``{`` count is their item count.
FLAT_FEEDS = frozenset(
    {"catalog", "stock", "customers", "promotions", "staff", "network_stock", "departments"}
)

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


def page_bytes(limit: int, cap: int) -> int:
    """The most a page of ``limit`` items may weigh, decoded, never above ``cap``."""
    return min(cap, PAGE_OVERHEAD_BYTES + max(limit, 1) * ITEM_BYTES)


def check_page(data: bytes, feed: str, limit: int) -> None:
    """CentralRejected if the page holds more than ``limit`` items (flat feeds) or more
    values than a till validates safely; otherwise nothing (pydantic then decides).

    Counting the raw bytes over-counts (a ``{`` inside a name), never under-counts, so
    only a page over a bound there is counted again exactly, strings blanked."""
    if _within_bounds(data, feed, limit):
        return
    objects, values = _counts(data)
    for string in _STRING.finditer(data):  # one at a time: re.sub would hold them all
        inside = string.group()
        if b"{" in inside or b"," in inside or b"[" in inside:
            objects_in, values_in = _counts(inside)
            objects, values = objects - objects_in, values - values_in + 1
    if feed in FLAT_FEEDS and objects - 1 > limit:
        raise CentralRejected(
            f"The central API sent about {objects - 1:,} {feed} items for a page of at most "
            f"{limit:,}; the page was refused unread.",
            code="bad_reply",
        )
    if values > MAX_PAGE_VALUES:
        raise CentralRejected(
            f"The central API sent a {feed} page of {values:,} values, more than this till "
            f"reads at once ({MAX_PAGE_VALUES:,}); the page was refused unread.",
            code="bad_reply",
        )


def _within_bounds(data: bytes, feed: str, limit: int) -> bool:
    objects, values = _counts(data)
    return values <= MAX_PAGE_VALUES and (feed not in FLAT_FEEDS or objects - 1 <= limit)


def _counts(text: bytes) -> tuple[int, int]:
    """(objects, values) of JSON text: every value but the first follows a ``,`` or opens
    a container (an upper bound while strings are not blanked)."""
    objects = text.count(b"{")
    return objects, text.count(b",") + objects + text.count(b"[") + 1
