"""The decoding pipeline as the camera drives it: sink → conversion → worker → signal."""

from __future__ import annotations

import threading

from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from pytestqt.qtbot import QtBot

from hardware.camera import (
    Decoded,
    FakeDecoder,
    GrayFrame,
    RepeatSettings,
    SymbolKind,
    ZbarDecoder,
)
from pos.ui.camera import CameraScanner
from pos.ui.qt import QApplication, QThread
from tests.camera.conftest import ScannerFactory, frame_image, solid
from tests.camera.draw import EAN, QR_TEXT


class Received:
    """Records each code with the thread it arrived on."""

    def __init__(self) -> None:
        self.codes: list[tuple[str, str]] = []
        self.on_gui_thread: list[bool] = []

    def __call__(self, text: str, kind: str) -> None:
        self.codes.append((text, kind))
        self.on_gui_thread.append(QThread.currentThread() is QApplication.instance().thread())


def _decoded_frames(scanner: CameraScanner) -> int:
    return scanner.stats[2].frames


def test_codes_from_the_sink_arrive_once_on_the_gui_thread(
    qtbot: QtBot, make_scanner: ScannerFactory
) -> None:
    scanner = make_scanner(ZbarDecoder())
    sink, received = QVideoSink(), Received()
    scanner.code_scanned.connect(received)
    scanner.attach(sink)
    assert scanner.start()
    for n, name in enumerate(["qr", "qr", "ean13", "ean13", "ean13", "none"], start=1):
        sink.setVideoFrame(QVideoFrame(frame_image(name)))
        qtbot.waitUntil(lambda n=n: _decoded_frames(scanner) == n, timeout=5000)
    qtbot.waitUntil(lambda: len(received.codes) == 2, timeout=5000)
    assert received.codes == [(QR_TEXT, "qr"), (EAN, "ean13")]  # EAN: on its 2nd sighting
    assert received.on_gui_thread == [True, True]


def test_a_burst_is_decoded_latest_frame_only(qtbot: QtBot, make_scanner: ScannerFactory) -> None:
    hold = threading.Event()
    decoder = FakeDecoder(hold=hold)
    scanner = make_scanner(decoder)
    sink = QVideoSink()
    scanner.attach(sink)
    scanner.start()
    sink.setVideoFrame(QVideoFrame(solid(0)))
    assert decoder.entered.wait(5)  # the worker is busy with frame 0 …
    for value in range(1, 60):  # … while two seconds of camera frames arrive
        sink.setVideoFrame(QVideoFrame(solid(value)))
    hold.set()
    qtbot.waitUntil(lambda: len(decoder.seen) == 2, timeout=5000)
    qtbot.wait(100)  # nothing else was queued behind it
    assert [frame.pixels[0] for frame in decoder.seen] == [0, 59]
    offered, dropped, _stats = scanner.stats
    assert (offered, dropped) == (60, 58)


def test_a_failing_frame_does_not_stop_scanning(qtbot: QtBot, make_scanner: ScannerFactory) -> None:
    def answer(frame: GrayFrame) -> list[Decoded]:
        if frame.pixels[0] == 1:
            raise RuntimeError("decoder hiccup")
        return [Decoded(SymbolKind.QR, "PU-9")]

    decoder = FakeDecoder(answer)
    scanner = make_scanner(decoder)
    scanner.start()
    scanner.submit(QVideoFrame(solid(1)))
    qtbot.waitUntil(lambda: len(decoder.seen) == 1, timeout=5000)
    with qtbot.waitSignal(scanner.code_scanned, timeout=5000) as blocker:
        scanner.submit(QVideoFrame(solid(2)))
    assert blocker.args == ["PU-9", "qr"]


def test_without_a_decoder_nothing_runs(make_scanner: ScannerFactory) -> None:
    scanner = make_scanner(FakeDecoder.missing())
    assert not scanner.start()
    scanner.submit(QVideoFrame(solid(1)))
    assert not scanner.running
    assert scanner.stats[0] == 0


def test_frames_after_shutdown_are_ignored(qtbot: QtBot, make_scanner: ScannerFactory) -> None:
    decoder = FakeDecoder(lambda _frame: [Decoded(SymbolKind.QR, "PU-1")])
    scanner = make_scanner(decoder, RepeatSettings())
    sink = QVideoSink()
    scanner.attach(sink)
    scanner.start()
    scanner.shutdown()
    assert not scanner.running
    sink.setVideoFrame(QVideoFrame(solid(3)))
    qtbot.wait(50)
    assert decoder.seen == []
