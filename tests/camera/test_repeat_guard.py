"""One delivery per presentation: held codes once, re-armed only after a real absence."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from hardware.camera import Decoded, RepeatGuard, RepeatSettings, SymbolKind

QR = Decoded(SymbolKind.QR, "PU-1")
EAN = Decoded(SymbolKind.EAN13, "3017620422003")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _guard(**settings: Any) -> tuple[RepeatGuard, Clock]:
    clock = Clock()
    return RepeatGuard(RepeatSettings(**settings), clock=clock), clock


def _frames(guard: RepeatGuard, clock: Clock, codes: list[Decoded], n: int, dt: float) -> int:
    delivered = 0
    for _ in range(n):
        clock.now += dt
        delivered += len(guard.update(codes))
    return delivered


def test_a_qr_code_held_in_view_is_delivered_once() -> None:
    guard, clock = _guard()
    assert guard.update([QR]) == [QR]
    assert _frames(guard, clock, [QR], 300, 1 / 30) == 0


def test_a_linear_code_counts_on_its_second_sighting() -> None:
    guard, _clock = _guard(linear_confirmations=2)
    assert guard.update([EAN]) == []
    assert guard.update([EAN]) == [EAN]
    assert guard.update([EAN]) == []


def test_a_brief_flicker_does_not_deliver_again() -> None:
    guard, clock = _guard(gone_frames=3, gone_seconds=0.6)
    guard.update([QR])
    assert _frames(guard, clock, [], 10, 1 / 30) == 0  # 10 frames, but only 0.33 s
    assert _frames(guard, clock, [QR], 1, 1 / 30) == 0


def test_one_missed_frame_on_a_slow_machine_does_not_deliver_again() -> None:
    guard, clock = _guard(gone_frames=3, gone_seconds=0.6)
    guard.update([QR])
    assert _frames(guard, clock, [], 1, 1.0) == 0  # a second, but a single frame
    assert _frames(guard, clock, [QR], 1, 0.5) == 0


def test_a_code_shown_again_after_leaving_the_view_is_delivered_again() -> None:
    guard, clock = _guard(gone_frames=3, gone_seconds=0.6)
    guard.update([QR])
    _frames(guard, clock, [], 3, 0.25)
    assert _frames(guard, clock, [QR], 5, 1 / 30) == 1


def test_codes_are_tracked_separately_and_duplicates_in_a_frame_count_once() -> None:
    guard, _clock = _guard(linear_confirmations=1)
    other = Decoded(SymbolKind.QR, "PU-2")
    assert guard.update([QR, QR, EAN]) == [QR, EAN]
    assert guard.update([QR, EAN, other]) == [other]


def test_reset_makes_the_next_sighting_count() -> None:
    guard, _clock = _guard()
    guard.update([QR])
    guard.reset()
    assert guard.update([QR]) == [QR]


@given(
    gaps=st.lists(st.floats(min_value=0.0, max_value=0.5), min_size=1, max_size=200),
    misses=st.lists(st.booleans(), min_size=1, max_size=200),
)
def test_a_code_never_away_long_enough_is_delivered_at_most_once(
    gaps: list[float], misses: list[bool]
) -> None:
    """Whatever the frame timing and however often the decoder misses it, a code that is
    never absent for 3 frames AND 0.6 s in a row reaches the basket at most once."""
    guard, clock = _guard(gone_frames=3, gone_seconds=0.6, linear_confirmations=1)
    delivered, absent_frames, absent_since = 0, 0, clock.now
    for gap, missed in zip(gaps, misses, strict=False):
        clock.now += gap
        if missed and absent_frames + 1 >= 3 and clock.now - absent_since >= 0.6:
            missed = False  # would re-arm it: this test is about shorter absences
        if missed:
            absent_frames += 1
        else:
            absent_frames, absent_since = 0, clock.now
        delivered += len(guard.update([] if missed else [QR]))
    assert delivered <= 1
