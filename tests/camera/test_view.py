"""The camera panel: messages when it cannot work, and scanning with injected frames."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSize
from PySide6.QtMultimedia import QMediaDevices, QVideoFrame, QVideoSink
from pytestqt.qtbot import QtBot

from hardware.camera import CameraDecoder, FakeDecoder, RepeatSettings, ZbarDecoder
from pos.ui.camera import CameraChoice, CameraSource, CameraView
from pos.ui.camera.sources import pick_format
from pos.ui.qt import QApplication, QComboBox, QLabel, QPushButton, QThread
from tests.camera.conftest import frame_image
from tests.camera.draw import EAN, QR_TEXT

FRONT, BACK = CameraChoice(b"cam-front", "Front camera"), CameraChoice(b"cam-back", "Back camera")


class ScriptedSource(CameraSource):
    """Cameras as a test decides; ``start`` records what the view asked for."""

    def __init__(self, devices: list[CameraChoice]) -> None:
        super().__init__()
        self.listed = devices
        self.started: list[tuple[CameraChoice, QVideoSink]] = []
        self.stops = 0

    def devices(self) -> list[CameraChoice]:
        return list(self.listed)

    def start(self, choice: CameraChoice, sink: QVideoSink) -> None:
        self.started.append((choice, sink))

    def stop(self) -> None:
        self.stops += 1


ViewFactory = Callable[..., CameraView]


@pytest.fixture
def make_view(qtbot: QtBot) -> Iterator[ViewFactory]:
    views: list[CameraView] = []

    def make(
        decoder: CameraDecoder | None = None,
        source: CameraSource | None = None,
        settings: RepeatSettings | None = None,
    ) -> CameraView:
        view = CameraView(decoder or ZbarDecoder(), source, settings)
        qtbot.addWidget(view)
        views.append(view)
        return view

    yield make
    for view in views:
        view.shutdown()
        assert not view.scanner.running


def test_without_zbar_it_says_so_and_does_nothing_else(make_view: ViewFactory) -> None:
    source = ScriptedSource([FRONT])
    view = make_view(FakeDecoder.missing(), source)
    view.show()
    assert view.state == "no_decoder"
    assert "zbar" in view.message()
    assert view.video_sink() is None
    assert source.started == [] and not view.scanner.running


def test_without_a_camera_it_says_so_and_does_nothing_else(make_view: ViewFactory) -> None:
    view = make_view(source=ScriptedSource([]))
    view.show()
    assert view.state == "no_camera"
    assert view.message() and "zbar" not in view.message()
    assert not view.scanner.running


@pytest.mark.skipif(bool(QMediaDevices.videoInputs()), reason="this machine has a camera")
def test_the_system_source_finds_no_camera_here(make_view: ViewFactory) -> None:
    view = make_view()
    view.show()
    assert view.state == "no_camera"


def test_injected_frames_come_out_as_codes_on_the_gui_thread(
    qtbot: QtBot, make_view: ViewFactory
) -> None:
    source = ScriptedSource([FRONT])
    view = make_view(source=source, settings=RepeatSettings(linear_confirmations=1))
    view.show()
    assert view.state == "ready" and view.message() == ""
    assert not view.findChild(QPushButton, "cameraRetry").isVisible()
    assert not view.findChild(QLabel, "cameraMessage").isVisible()
    ((started, sink),) = source.started
    assert started == FRONT and sink is view.video_sink()
    threads: list[bool] = []
    view.code_scanned.connect(
        lambda *_: threads.append(QThread.currentThread() is QApplication.instance().thread())
    )
    for name, expected in (("qr", [QR_TEXT, "qr"]), ("ean13", [EAN, "ean13"])):
        with qtbot.waitSignal(view.code_scanned, timeout=5000) as blocker:
            sink.setVideoFrame(QVideoFrame(frame_image(name)))
        assert blocker.args == expected
    assert threads == [True, True]


def test_hiding_stops_the_camera_and_showing_again_rearms_codes(
    qtbot: QtBot, make_view: ViewFactory
) -> None:
    source = ScriptedSource([FRONT])
    view = make_view(source=source)
    view.show()
    sink = view.video_sink()
    assert sink is not None
    with qtbot.waitSignal(view.code_scanned, timeout=5000):
        sink.setVideoFrame(QVideoFrame(frame_image("qr")))
    view.hide()
    assert source.stops >= 1
    view.show()
    assert len(source.started) == 2
    with qtbot.waitSignal(view.code_scanned, timeout=5000) as blocker:
        sink.setVideoFrame(QVideoFrame(frame_image("qr")))
    assert blocker.args == [QR_TEXT, "qr"]


def test_choosing_another_camera_switches_to_it(make_view: ViewFactory) -> None:
    source = ScriptedSource([FRONT, BACK])
    view = make_view(source=source)
    view.show()
    chooser = view.findChild(QComboBox, "cameraChooser")
    assert [chooser.itemText(i) for i in range(chooser.count())] == [FRONT.name, BACK.name]
    chooser.setCurrentIndex(1)
    assert [choice for choice, _sink in source.started] == [FRONT, BACK]


def test_a_camera_failure_is_explained_and_can_be_retried_or_another_chosen(
    make_view: ViewFactory,
) -> None:
    source = ScriptedSource([FRONT, BACK])
    view = make_view(source=source)
    view.show()
    source.failed.emit("Device or resource busy")
    assert view.state == "failed"
    assert "Device or resource busy" in view.message()
    retry = view.findChild(QPushButton, "cameraRetry")
    assert retry.isVisible()
    retry.click()
    assert view.state == "ready" and not retry.isVisible()
    assert source.started[-1][0] == FRONT
    source.failed.emit("Device or resource busy")
    view.findChild(QComboBox, "cameraChooser").setCurrentIndex(1)
    assert view.state == "ready"
    assert source.started[-1][0] == BACK


def test_a_camera_plugged_in_later_is_used(make_view: ViewFactory) -> None:
    source = ScriptedSource([])
    view = make_view(source=source)
    view.show()
    assert view.state == "no_camera"
    source.listed = [FRONT]
    source.devices_changed.emit()
    assert view.state == "ready"
    assert [choice for choice, _sink in source.started] == [FRONT]
    source.listed = []
    source.devices_changed.emit()
    assert view.state == "no_camera"


@dataclass
class Format:
    width: int
    height: int
    fps: float

    def resolution(self) -> QSize:
        return QSize(self.width, self.height)

    def maxFrameRate(self) -> float:
        return self.fps


def test_the_largest_smooth_format_up_to_720p_is_picked() -> None:
    formats = [Format(1920, 1080, 30), Format(1280, 720, 10), Format(640, 480, 30),
               Format(800, 600, 30), Format(320, 240, 60)]  # fmt: skip
    assert pick_format(formats) == Format(800, 600, 30)
    assert pick_format([Format(1280, 720, 10), Format(640, 480, 5)]) == Format(1280, 720, 10)
    assert pick_format([Format(3840, 2160, 30)]) is None
