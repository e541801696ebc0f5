"""Tell a keyboard-wedge scanner from a person by the timing of the keys.

A scanner types a whole code in a few milliseconds per key and ends it with a terminator
(CR, LF or Tab by default); a person leaves tens of milliseconds or more between keys.
``BurstDetector`` holds back keys that could still be a burst and, for every key fed, says what
became of the keys held so far: a ``Burst`` (a complete code, to be swallowed) or a ``Flush``
(keys a person typed, to be delivered in order, as typed). It is pure and takes the time as an
argument, so the caller owns the clock and the timer and tests can replay exact timelines.

With a ``prefix`` (a character the scanner is programmed to send first) only keys that start
with it are held back: every other key is a ``Flush`` at once, so people never wait.
Without one, each key waits at most ``max_gap_ms`` (the caller's timer calls ``expire``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hardware.scanners.keymap import KeyboardFix


@dataclass(frozen=True, slots=True)
class Burst:
    """A scanned code: ``code`` without prefix or terminator; ``raw`` is every key it used."""

    code: str
    raw: str


@dataclass(frozen=True, slots=True)
class Flush:
    """Keys a person typed, to be delivered to their widget in this order."""

    text: str


Event = Burst | Flush


class BurstDetector:
    """Decide, key by key, whether keys are a scanner burst; see the module docstring.

    ``feed`` and ``expire`` return the events in order; the characters of all events returned
    over time are exactly the characters fed, in the order fed (nothing lost, nothing
    duplicated). ``min_length`` counts the code without prefix and terminator.
    """

    def __init__(
        self,
        min_length: int = 6,
        max_gap_ms: float = 35,
        prefix: str = "",
        terminators: Iterable[str] = ("\r", "\n", "\t"),
    ) -> None:
        ends = frozenset(terminators)
        if min_length < 1 or max_gap_ms <= 0:
            raise ValueError("min_length must be at least 1 and max_gap_ms positive")
        if any(end in prefix for end in ends):
            raise ValueError("the prefix cannot contain a terminator")
        self.min_length = min_length
        self.max_gap = max_gap_ms / 1000
        self.prefix = prefix
        self.terminators = ends
        self._held = ""
        self._last = 0.0

    @property
    def pending(self) -> str:
        """Keys held back, not yet decided."""
        return self._held

    def feed(self, char: str, now: float) -> list[Event]:
        """Take one typed character at ``now`` (monotonic seconds)."""
        events: list[Event] = []
        if self._held and now - self._last > self.max_gap:
            events += self.expire()
        if char in self.terminators:
            events.append(self._terminate(char))
        elif self._could_start_or_continue(char):
            self._held += char
            self._last = now
        elif self._held:
            events += self.expire()  # the prefix did not match: a person typed it
            events += self.feed(char, now)
        else:
            events.append(Flush(char))
        return events

    def expire(self) -> list[Event]:
        """The gap passed with no key: what is held was typed by a person."""
        held, self._held = self._held, ""
        return [Flush(held)] if held else []

    def _could_start_or_continue(self, char: str) -> bool:
        position = len(self._held)
        return position >= len(self.prefix) or self.prefix[position] == char

    def _terminate(self, char: str) -> Event:
        held, self._held = self._held, ""
        code = held[len(self.prefix) :]
        if held.startswith(self.prefix) and len(code) >= self.min_length:
            return Burst(code, held + char)
        return Flush(held + char)


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    """What the shop configures for its keyboard-wedge scanner.

    ``prefix`` is compared with the characters as the host receives them (after any layout
    mismatch), and ``keyboard_fix`` is applied to the code only. ``enabled=False`` lets every
    key through untouched (a till with a serial scanner only, or a support session).
    """

    min_length: int = 6
    max_gap_ms: float = 35
    prefix: str = ""
    keyboard_fix: KeyboardFix = KeyboardFix.NONE
    enabled: bool = True

    def __post_init__(self) -> None:
        # Accept the plain string stored in the settings file; an unknown one fails here.
        object.__setattr__(self, "keyboard_fix", KeyboardFix(self.keyboard_fix))

    def detector(self) -> BurstDetector:
        return BurstDetector(self.min_length, self.max_gap_ms, self.prefix)
