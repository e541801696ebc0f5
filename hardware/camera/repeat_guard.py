"""One delivery per code presented: a code held in front of the camera is seen on every
frame, but the basket must get it once.

A code is *re-armed* (deliverable again) only after it has been absent for at least
``gone_frames`` decoded frames AND ``gone_seconds``. Both are needed: counting frames
alone re-delivers after a brief flicker on a fast machine; counting seconds alone
re-delivers after one missed frame on a slow one (a frame can last 0.5 s there).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hardware.camera.symbols import Decoded, SymbolKind


@dataclass(frozen=True, slots=True)
class RepeatSettings:
    """``linear_confirmations``: frames a 1-D code must be seen in (within one presence)
    before it counts, a guard against a misread that passes its one check digit. QR codes
    carry Reed-Solomon correction and count at first sight."""

    gone_frames: int = 3
    gone_seconds: float = 0.6
    linear_confirmations: int = 2

    def __post_init__(self) -> None:
        if self.gone_frames < 1 or self.gone_seconds < 0 or self.linear_confirmations < 1:
            raise ValueError(f"invalid repeat settings: {self}")


@dataclass(slots=True)
class _Presence:
    hits: int
    delivered: bool
    last_frame: int
    last_seen: float


class RepeatGuard:
    """Fed every decoded frame (empty ones too: absence is what re-arms a code).
    Not thread-safe: owned by the one decoding thread."""

    def __init__(
        self,
        settings: RepeatSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings or RepeatSettings()
        self._clock = clock
        self._frame = 0
        self._present: dict[tuple[SymbolKind, str], _Presence] = {}

    def update(self, codes: Iterable[Decoded]) -> list[Decoded]:
        """The codes of this frame that should be delivered now, in frame order."""
        self._frame += 1
        now = self._clock()
        fresh: list[Decoded] = []
        seen: set[tuple[SymbolKind, str]] = set()
        for code in codes:
            key = (code.kind, code.text)
            if key in seen:  # the same label twice in one frame counts once
                continue
            seen.add(key)
            if self._count(key, now):
                fresh.append(code)
        self._forget_gone(seen, now)
        return fresh

    def _count(self, key: tuple[SymbolKind, str], now: float) -> bool:
        presence = self._present.get(key)
        if presence is None:
            presence = self._present[key] = _Presence(0, False, self._frame, now)
        presence.hits += 1
        presence.last_frame, presence.last_seen = self._frame, now
        needed = self.settings.linear_confirmations if key[0].linear else 1
        if presence.delivered or presence.hits < needed:
            return False
        presence.delivered = True
        return True

    def _forget_gone(self, seen: set[tuple[SymbolKind, str]], now: float) -> None:
        settings = self.settings
        gone = [
            key
            for key, presence in self._present.items()
            if key not in seen
            and self._frame - presence.last_frame >= settings.gone_frames
            and now - presence.last_seen >= settings.gone_seconds
        ]
        for key in gone:
            del self._present[key]

    def reset(self) -> None:
        """Forget everything (camera switched or screen reopened): the next sight counts."""
        self._present.clear()
