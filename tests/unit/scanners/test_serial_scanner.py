import os
import queue
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.scanners.serial_scanner import SerialScanner

WAIT = 3.0  # seconds; generous, the events themselves take milliseconds


class Pty:
    """A pseudo-terminal: the scanner opens the slave path, the test writes to the master."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        self.path = os.ttyname(self.slave)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        for fd in (self.master, self.slave):
            if fd >= 0:
                os.close(fd)


class Recorder:
    def __init__(self) -> None:
        self.codes: queue.Queue[str] = queue.Queue()
        self.errors: queue.Queue[str] = queue.Queue()

    def scanner(self, port: str) -> SerialScanner:
        return SerialScanner(port, on_code=self.codes.put, on_error=self.errors.put)


@pytest.fixture
def pty() -> Iterator[Pty]:
    terminal = Pty()
    yield terminal
    terminal.close()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def scanner(pty: Pty, recorder: Recorder) -> Iterator[SerialScanner]:
    reader = recorder.scanner(pty.path)
    reader.start()
    assert reader.wait_open(WAIT)
    yield reader
    reader.stop()
    assert not reader.running


def test_a_crlf_terminated_code_reaches_on_code(
    pty: Pty, recorder: Recorder, scanner: SerialScanner
) -> None:
    pty.send(b"3017620422003\r\n")
    assert recorder.codes.get(timeout=WAIT) == "3017620422003"
    assert recorder.errors.empty()


def test_codes_split_across_writes_and_any_line_end(
    pty: Pty, recorder: Recorder, scanner: SerialScanner
) -> None:
    pty.send(b"  ABC-12")
    time.sleep(0.05)
    pty.send(b"3 \r\r\n4006381333931\n\n5901234123457\r")
    got = [recorder.codes.get(timeout=WAIT) for _ in range(3)]
    assert got == ["ABC-123", "4006381333931", "5901234123457"]
    assert recorder.codes.empty()


def test_non_ascii_bytes_are_reported_not_delivered(
    pty: Pty, recorder: Recorder, scanner: SerialScanner
) -> None:
    pty.send(b"\xff\xfe\x80\r\n12345678\r\n")
    assert "baud rate" in recorder.errors.get(timeout=WAIT)
    assert recorder.codes.get(timeout=WAIT) == "12345678"


def test_stop_ends_the_reader_within_a_second(pty: Pty, recorder: Recorder) -> None:
    reader = recorder.scanner(pty.path)
    reader.start()
    assert reader.wait_open(WAIT)
    started = time.monotonic()
    reader.stop()
    assert time.monotonic() - started < 1.0
    assert not reader.running
    assert recorder.errors.empty()


def test_a_missing_port_is_reported(tmp_path: Path, recorder: Recorder) -> None:
    reader = recorder.scanner(str(tmp_path / "ttyUSB9"))
    reader.start()
    message = recorder.errors.get(timeout=WAIT)
    assert "Cannot open the scanner port" in message and "ttyUSB9" in message
    reader.stop()
    assert not reader.running and not reader.wait_open(0)


def test_an_unplugged_scanner_is_reported(
    pty: Pty, recorder: Recorder, scanner: SerialScanner
) -> None:
    pty.unplug()
    assert "stopped answering" in recorder.errors.get(timeout=WAIT)


def test_a_failing_consumer_does_not_stop_the_reader(pty: Pty) -> None:
    codes: queue.Queue[str] = queue.Queue()

    def on_code(code: str) -> None:
        codes.put(code)
        raise RuntimeError("basket exploded")

    reader = SerialScanner(pty.path, on_code=on_code, on_error=lambda _: None)
    reader.start()
    try:
        assert reader.wait_open(WAIT)
        pty.send(b"111111\r222222\r")
        assert [codes.get(timeout=WAIT), codes.get(timeout=WAIT)] == ["111111", "222222"]
    finally:
        reader.stop()
