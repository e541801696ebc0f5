from collections.abc import Iterable

import pytest

from hardware.scanners.burst import Burst, BurstDetector, Event, Flush, ScannerSettings
from hardware.scanners.keymap import KeyboardFix

SCANNER_STEP = 0.004  # seconds between keys of a USB scanner
PERSON_STEP = 0.150


def play(detector: BurstDetector, keys: Iterable[tuple[str, float]]) -> list[Event]:
    events: list[Event] = []
    for char, now in keys:
        events += detector.feed(char, now)
    return events


def timeline(text: str, start: float = 10.0, step: float = SCANNER_STEP) -> list[tuple[str, float]]:
    return [(char, start + i * step) for i, char in enumerate(text)]


def test_a_fast_terminated_burst_is_a_code() -> None:
    detector = BurstDetector()
    assert play(detector, timeline("3017620422003\r")) == [
        Burst("3017620422003", "3017620422003\r")
    ]
    assert detector.pending == ""


def test_keys_are_held_until_decided() -> None:
    detector = BurstDetector()
    assert play(detector, timeline("30176")) == []
    assert detector.pending == "30176"


@pytest.mark.parametrize("end", ["\r", "\n", "\t"])
def test_each_default_terminator_ends_a_burst(end: str) -> None:
    assert play(BurstDetector(), timeline("ABC-123" + end)) == [Burst("ABC-123", "ABC-123" + end)]


def test_slow_typing_is_flushed_key_by_key_in_order() -> None:
    events = play(BurstDetector(), timeline("12345678\r", step=PERSON_STEP))
    assert "".join(e.text for e in events if isinstance(e, Flush)) == "12345678\r"
    assert not any(isinstance(e, Burst) for e in events)


def test_a_fast_burst_shorter_than_min_length_is_typing() -> None:
    assert play(BurstDetector(min_length=6), timeline("12345\r")) == [Flush("12345\r")]


def test_exactly_min_length_is_a_code() -> None:
    assert play(BurstDetector(min_length=6), timeline("123456\n")) == [Burst("123456", "123456\n")]


def test_a_burst_without_terminator_is_typing_once_the_gap_expires() -> None:
    detector = BurstDetector()
    assert play(detector, timeline("3017620422003")) == []
    assert detector.expire() == [Flush("3017620422003")]
    assert detector.expire() == []


def test_a_gap_inside_keys_flushes_what_came_before() -> None:
    detector = BurstDetector(max_gap_ms=35)
    keys = [("a", 1.000), ("b", 1.010), ("c", 1.100)]  # 90 ms before "c"
    assert play(detector, keys) == [Flush("ab")]
    assert detector.pending == "c"


def test_a_gap_equal_to_the_limit_still_counts_as_fast() -> None:
    detector = BurstDetector(min_length=2, max_gap_ms=62.5)  # binary-exact times
    assert play(detector, [("1", 1.0), ("2", 1.0625), ("\r", 1.125)]) == [Burst("12", "12\r")]


def test_a_person_typing_then_a_scan_keeps_both_apart() -> None:
    keys = timeline("ab", start=1.0, step=PERSON_STEP) + timeline("12345678\r", start=2.0)
    assert play(BurstDetector(), keys) == [Flush("a"), Flush("b"), Burst("12345678", "12345678\r")]


def test_enter_alone_is_typing_at_once() -> None:
    assert play(BurstDetector(), [("\r", 1.0)]) == [Flush("\r")]


def test_every_key_fed_comes_out_once_in_order() -> None:
    keys = (
        timeline("x", 1.0)
        + timeline("3017620422003\r", 2.0)
        + timeline("hello\r", 3.0, PERSON_STEP)
        + timeline("12\r", 5.0)
    )
    detector = BurstDetector()
    events = play(detector, keys) + detector.expire()
    out = "".join(e.raw if isinstance(e, Burst) else e.text for e in events)
    assert out == "".join(char for char, _ in keys)


class TestPrefix:
    def test_a_prefixed_burst_is_a_code_without_its_prefix(self) -> None:
        detector = BurstDetector(prefix="§")
        assert play(detector, timeline("§3017620422003\r")) == [
            Burst("3017620422003", "§3017620422003\r")
        ]

    def test_keys_without_the_prefix_are_never_held(self) -> None:
        detector = BurstDetector(prefix="§")
        assert play(detector, timeline("3017620422003\r")) == [
            Flush(char) for char in "3017620422003\r"
        ]

    def test_min_length_counts_the_code_without_prefix(self) -> None:
        detector = BurstDetector(min_length=3, prefix="~~")
        assert play(detector, timeline("~~12\r")) == [Flush("~~12\r")]
        assert play(detector, timeline("~~123\r", 5.0)) == [Burst("123", "~~123\r")]

    def test_a_broken_multi_character_prefix_is_typing_and_may_restart(self) -> None:
        detector = BurstDetector(prefix="]C")
        assert play(detector, timeline("]]C123456\r")) == [
            Flush("]"),
            Burst("123456", "]C123456\r"),
        ]

    def test_a_lone_prefix_typed_by_a_person_comes_out_after_the_gap(self) -> None:
        detector = BurstDetector(prefix="§")
        assert play(detector, [("§", 1.0)]) == []
        assert play(detector, [("a", 2.0)]) == [Flush("§"), Flush("a")]


def test_invalid_configurations_are_refused() -> None:
    with pytest.raises(ValueError):
        BurstDetector(min_length=0)
    with pytest.raises(ValueError):
        BurstDetector(prefix="\t")


def test_settings_build_the_detector_and_accept_stored_strings() -> None:
    settings = ScannerSettings(min_length=8, max_gap_ms=20, prefix="§", keyboard_fix="none")
    detector = settings.detector()
    assert (detector.min_length, detector.max_gap, detector.prefix) == (8, 0.02, "§")
    assert settings.keyboard_fix is KeyboardFix.NONE
    with pytest.raises(ValueError):
        ScannerSettings(keyboard_fix="qwertz")
