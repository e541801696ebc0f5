"""A one-slot mailbox between the camera's thread and the decoding thread.

A camera delivers 30 frames a second; a decode can take 40 ms or more. Queueing frames
would grow a backlog (and hold camera buffers, which the camera then runs short of), so a
new frame replaces the unread one: the decoder always works on the latest picture.
"""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

T = TypeVar("T")


class LatestOnly(Generic[T]):
    """Thread-safe. ``put`` says when the slot was empty, i.e. when the consumer must be
    woken: at most one wake-up is ever outstanding, so the consumer's event queue cannot
    fill up either."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._item: T | None = None
        self.accepted = 0
        self.dropped = 0  # replaced before the consumer took them

    def put(self, item: T) -> bool:
        with self._lock:
            was_empty = self._item is None
            if not was_empty:
                self.dropped += 1
            self._item = item
            self.accepted += 1
            return was_empty

    def take(self) -> T | None:
        with self._lock:
            item, self._item = self._item, None
            return item

    def clear(self) -> None:
        self.take()
