"""Real transports: a closed port, a tiny TCP printer on 127.0.0.1, a file, the fake.

No mocks: failures come from real sockets and files, bytes from real python-escpos.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from receipt_samples import dummy_printer, sample_receipt

from hardware.printer.connections import PrinterConfig, PrinterDevice
from hardware.printer.escpos_receipt import print_receipt
from hardware.printer.failures import result_for
from hardware.printer.fake import FakePrinter
from hardware.printer.ports import PrintResult
from hardware.printer.status import is_status_byte, paper_result

PAPER_OK, PAPER_END, COVER_OPEN, ONLINE = 0x12, 0x72, 0x16, 0x12
Answer = Callable[[bytes], bytes | None]


class TcpPrinter:
    """A printer on 127.0.0.1: records bytes; ``answer`` replies to status requests.

    ``answer(request)`` returns the reply bytes, ``None`` to stay silent, or ``b""`` to
    hang up. Serves connections one after another until stopped.
    """

    def __init__(self, answer: Answer | None = None) -> None:
        self.answer = answer
        self.jobs: list[bytes] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def wait_jobs(self, count: int, timeout: float = 2.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while len(self.jobs) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.jobs

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.server.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            with conn:
                self.jobs.append(self._receive(conn))

    def _receive(self, conn: socket.socket) -> bytes:
        received = b""
        conn.settimeout(0.05)
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                continue
            if not chunk:
                return received
            received += chunk
            if self.answer and chunk.startswith(b"\x10\x04"):
                reply = self.answer(chunk)
                if reply == b"":
                    return received
                if reply:
                    conn.sendall(reply)
        return received


@pytest.fixture
def tcp_printer() -> Iterator[Callable[..., TcpPrinter]]:
    started: list[TcpPrinter] = []

    def start(answer: Answer | None = None) -> TcpPrinter:
        started.append(TcpPrinter(answer))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def network(port: int, **changes: Any) -> PrinterDevice:
    config = PrinterConfig(kind="network", host="127.0.0.1", port=port, timeout_s=1.0)
    return PrinterDevice(replace(config, **changes))


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def expected_bytes() -> bytes:
    printer = dummy_printer()
    print_receipt(printer, sample_receipt(), columns=48, codepage=PrinterConfig().codepage)
    return printer.output


def test_closed_port_is_offline_and_retryable_without_hanging() -> None:
    device = network(closed_port())
    started = time.monotonic()
    result = device.print_receipt(sample_receipt())
    assert time.monotonic() - started < 2
    assert (result.ok, result.retryable, result.code) == (False, True, "offline")
    assert "127.0.0.1" in result.message


def test_receipt_arrives_whole_over_tcp(tcp_printer: Callable[..., TcpPrinter]) -> None:
    server = tcp_printer()
    result = network(server.port).print_receipt(sample_receipt())
    assert result == PrintResult.success("Receipt printed.")
    assert server.wait_jobs(1) == [expected_bytes()]


def test_each_job_has_its_own_connection(tcp_printer: Callable[..., TcpPrinter]) -> None:
    server = tcp_printer()
    device = network(server.port)
    assert device.open_drawer().ok
    assert device.open_drawer().ok
    assert server.wait_jobs(2) == [b"\x1bp\x0022", b"\x1bp\x0022"]


def test_paper_out_stops_the_job(tcp_printer: Callable[..., TcpPrinter]) -> None:
    server = tcp_printer(lambda req: bytes([ONLINE if req.endswith(b"\x02") else PAPER_END]))
    result = network(server.port, check_status=True).print_receipt(sample_receipt())
    assert (result.ok, result.retryable, result.code) == (False, True, "paper_out")
    assert server.wait_jobs(1) == [b"\x10\x04\x02\x10\x04\x04"]  # no receipt sent


def test_cover_open_is_reported(tcp_printer: Callable[..., TcpPrinter]) -> None:
    server = tcp_printer(lambda req: bytes([COVER_OPEN]))
    assert network(server.port).status().code == "cover_open"


def test_ready_printer_prints_after_the_status_check(
    tcp_printer: Callable[..., TcpPrinter],
) -> None:
    server = tcp_printer(lambda req: bytes([PAPER_OK]))
    result = network(server.port, check_status=True).print_receipt(sample_receipt())
    assert result.ok
    assert server.wait_jobs(1)[0] == b"\x10\x04\x02\x10\x04\x04" + expected_bytes()


def test_silent_printer_times_out_quickly(tcp_printer: Callable[..., TcpPrinter]) -> None:
    server = tcp_printer(lambda req: None)
    started = time.monotonic()
    result = network(server.port, timeout_s=0.3).status()
    assert time.monotonic() - started < 1.5
    assert (result.ok, result.retryable, result.code) == (False, True, "timeout")


def test_hang_up_on_status_is_not_taken_for_paper_ok(
    tcp_printer: Callable[..., TcpPrinter],
) -> None:
    server = tcp_printer(lambda req: b"")
    result = network(server.port).status()
    assert (result.ok, result.retryable, result.code) == (False, True, "offline")


def test_file_printer_writes_the_job(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    device = PrinterDevice(PrinterConfig(kind="file", file_path=str(target)))
    assert device.print_receipt(sample_receipt()).ok
    assert target.read_bytes() == expected_bytes()
    assert device.status().ok  # a file cannot answer: status is "unknown", not a failure


def test_missing_device_file_is_offline(tmp_path: Path) -> None:
    device = PrinterDevice(PrinterConfig(kind="file", file_path=str(tmp_path / "no" / "lp0")))
    result = device.print_test_page()
    assert (result.ok, result.retryable, result.code) == (False, True, "offline")


def test_missing_serial_port_is_offline() -> None:
    result = PrinterDevice(PrinterConfig(kind="serial", serial_device="/dev/ttyNOPE9")).status()
    assert (result.ok, result.retryable, result.code) == (False, True, "offline")


@pytest.mark.parametrize(
    ("profile", "words"), [("TM-U220", "no code page CP858"), ("TM-NOPE", "Unknown printer")]
)
def test_profile_mistakes_are_setup_errors_in_words(profile: str, words: str) -> None:
    device = PrinterDevice(PrinterConfig(kind="dummy", profile=profile, codepage="CP858"))
    result = device.print_receipt(sample_receipt())
    assert (result.ok, result.retryable, result.code) == (False, False, "error")
    assert words in result.message


@pytest.mark.parametrize(
    ("error", "code", "retryable"),
    [
        (ConnectionRefusedError(111, "refused"), "offline", True),
        (BrokenPipeError(32, "broken pipe"), "offline", True),
        (TimeoutError("timed out"), "timeout", True),
        (PermissionError(13, "denied"), "error", False),
        (RuntimeError("bug"), "error", False),
    ],
)
def test_failures_are_classified(error: Exception, code: str, retryable: bool) -> None:
    result = result_for(error, "printer")
    assert (result.ok, result.code, result.retryable) == (False, code, retryable)


@pytest.mark.parametrize(
    "changes",
    [{"columns": 40}, {"drawer_pin": 3}, {"codepage": "CP866"}, {"timeout_s": 0}],
)
def test_bad_settings_are_refused_early(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        PrinterConfig(**changes)  # type: ignore[arg-type]


def test_fake_printer_fails_the_next_job_then_recovers() -> None:
    fake = FakePrinter()
    fake.fail_next("paper_out")
    failed = fake.print_receipt(sample_receipt())
    assert (failed.ok, failed.retryable, failed.code) == (False, True, "paper_out")
    assert fake.jobs == []
    assert fake.print_receipt(sample_receipt()).ok
    assert fake.jobs == [expected_bytes()]
    assert "TOTAL TTC" in fake.last_text()


def test_fake_printer_offline_drawer_and_status() -> None:
    fake = FakePrinter()
    fake.fail_next("offline", times=2)
    assert fake.open_drawer().code == "offline"
    assert fake.status().code == "offline"
    assert fake.status().ok
    assert fake.open_drawer().ok and fake.drawer_openings == 1
    assert fake.jobs[-1] == b"\x1bp\x0022"


def test_importing_the_printer_package_does_not_import_escpos() -> None:
    code = (
        "import sys, logging\n"
        "import hardware.printer.connections, hardware.printer.fake\n"
        "assert 'escpos' not in sys.modules, 'escpos imported at start-up'\n"
        "from hardware.printer.connections import PrinterConfig, open_printer\n"
        "open_printer(PrinterConfig())\n"
        "assert not logging.getLogger().handlers, 'escpos configured the root logger'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[3])


@pytest.mark.parametrize(
    ("sensor", "ok", "code", "words"),
    [
        (0x12, True, "ok", "ready"),
        (0x1E, True, "ok", "nearly finished"),
        (0x72, False, "paper_out", "out of paper"),
    ],
)
def test_paper_sensor_byte(sensor: int, ok: bool, code: str, words: str) -> None:
    result = paper_result(sensor)
    assert (result.ok, result.code) == (ok, code)
    assert words in result.message
    assert is_status_byte(sensor)
