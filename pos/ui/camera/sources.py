"""Where frames come from: the list of cameras and the one that runs.

``CameraSource`` is the seam the view talks to, so the view can be tested with a scripted
source (no camera on a build machine) while frames still go through the real sink.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pos.ui.camera.qt_media import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QSize,
    QVideoSink,
)
from pos.ui.qt import QObject, Signal, Slot

#: Decoding cost grows with pixels; 720p resolves an EAN-13 held 10–30 cm away.
MAX_PIXELS = 1280 * 720
MIN_FPS = 15.0


@dataclass(frozen=True, slots=True)
class CameraChoice:
    """A camera as the chooser lists it; ``id`` is stable across hot-plugs."""

    id: bytes
    name: str


class CameraSource(QObject):
    """Base of the camera sources: signals here, behaviour in subclasses."""

    devices_changed = Signal()
    failed = Signal(str)  # the backend's own (English) description of what went wrong

    def devices(self) -> list[CameraChoice]:
        raise NotImplementedError

    def default_id(self) -> bytes | None:
        """The system's preferred camera, when it has one."""
        return None

    def start(self, choice: CameraChoice, sink: QVideoSink) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class QtCameraSource(CameraSource):
    """The system's cameras through QtMultimedia (one camera running at a time)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._media = QMediaDevices(self)
        self._media.videoInputsChanged.connect(self.devices_changed)
        self._session = QMediaCaptureSession(self)
        self._camera: QCamera | None = None

    def devices(self) -> list[CameraChoice]:
        return [_choice(device) for device in QMediaDevices.videoInputs()]

    def default_id(self) -> bytes | None:
        device = QMediaDevices.defaultVideoInput()
        return None if device.isNull() else bytes(device.id().data())

    def start(self, choice: CameraChoice, sink: QVideoSink) -> None:
        self.stop()
        device = next(
            (d for d in QMediaDevices.videoInputs() if bytes(d.id().data()) == choice.id), None
        )
        if device is None:
            self.failed.emit(f"{choice.name} is no longer connected")
            return
        camera = QCamera(device, self)
        best = pick_format(device.videoFormats())
        if best is not None:
            camera.setCameraFormat(best)
        camera.errorOccurred.connect(self._on_error)
        self._session.setCamera(camera)
        self._session.setVideoSink(sink)
        self._camera = camera
        camera.start()

    def stop(self) -> None:
        camera, self._camera = self._camera, None
        if camera is not None:
            camera.stop()
            self._session.setCamera(None)
            camera.deleteLater()

    @Slot(QCamera.Error, str)
    def _on_error(self, error: QCamera.Error, message: str) -> None:
        if error != QCamera.Error.NoError:
            self.failed.emit(message)


def _choice(device: QCameraDevice) -> CameraChoice:
    return CameraChoice(bytes(device.id().data()), device.description())


class _Format(Protocol):
    def resolution(self) -> QSize: ...
    def maxFrameRate(self) -> float: ...


F = TypeVar("F", bound=_Format)


def pick_format(formats: Iterable[F]) -> F | None:
    """The largest resolution up to 720p among the smooth formats (≥ 15 fps), else the
    largest up to 720p at all; ``None`` leaves the camera's default."""
    fitting = [f for f in formats if 0 < _pixels(f) <= MAX_PIXELS]
    if not fitting:
        return None
    return max(fitting, key=lambda f: (f.maxFrameRate() >= MIN_FPS, _pixels(f), f.maxFrameRate()))


def _pixels(fmt: _Format) -> int:
    size = fmt.resolution()
    return size.width() * size.height()
