"""A scripted decoder for tests and demos: no zbar, no images, no timing surprises."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from hardware.camera.ports import Availability, DecoderUnavailable
from hardware.camera.symbols import Decoded, GrayFrame


class FakeDecoder:
    """Answers each frame with ``answer(frame)`` (default: nothing).

    ``hold``: when given, each decode waits until it is set (at most 10 s), so a test can
    keep the worker busy while it submits a burst; ``entered`` is set whenever a decode
    starts. ``FakeDecoder.missing()`` reports zbar absent, as a till without libzbar0.
    """

    def __init__(
        self,
        answer: Callable[[GrayFrame], Sequence[Decoded]] = lambda _frame: (),
        *,
        availability: Availability | None = None,
        hold: threading.Event | None = None,
    ) -> None:
        self._answer = answer
        self._availability = availability or Availability.available()
        self._hold = hold
        self.entered = threading.Event()
        self.seen: list[GrayFrame] = []

    @classmethod
    def missing(cls) -> FakeDecoder:
        return cls(
            availability=Availability.unavailable(
                "no_zbar", "The zbar library is not installed: install libzbar0."
            )
        )

    def availability(self) -> Availability:
        return self._availability

    def decode(self, frame: GrayFrame) -> Sequence[Decoded]:
        if not self._availability.ok:
            raise DecoderUnavailable(self._availability.message)
        self.entered.set()
        if self._hold is not None:
            self._hold.wait(10)
        self.seen.append(frame)
        return self._answer(frame)
