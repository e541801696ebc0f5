"""The camera panel of the till and the pickup desk: a preview, a camera chooser, and
``code_scanned(text, kind)`` for each code presented.

Without the zbar library, or without any camera, it shows one sentence saying so and what
to do instead, and does nothing else: no decoding thread, no camera opened. The camera
runs only while the panel is visible, so the light goes off when the cashier moves on.
"""

from __future__ import annotations

import logging
from typing import Literal

from hardware.camera import CameraDecoder, RepeatSettings, default_decoder
from pos.ui.camera.qt_media import QHideEvent, QShowEvent, QVideoSink, QVideoWidget
from pos.ui.camera.scanner import CameraScanner
from pos.ui.camera.sources import CameraChoice, CameraSource, QtCameraSource
from pos.ui.i18n import Retranslating
from pos.ui.qt import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)

log = logging.getLogger(__name__)
State = Literal["no_decoder", "no_camera", "failed", "ready"]


class CameraView(Retranslating, QWidget):
    """Emits ``code_scanned(text, kind)`` on the GUI thread: ``kind`` is "ean13", "ean8"
    or "qr"; EAN texts are check-digit verified (``parse_scan``), each code is delivered
    once per presentation. Call ``shutdown()`` before dropping the view (also runs on
    application quit)."""

    code_scanned = Signal(str, str)

    def __init__(
        self,
        decoder: CameraDecoder | None = None,
        source: CameraSource | None = None,
        settings: RepeatSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scanner = CameraScanner(decoder or default_decoder(), settings, self)
        self.scanner.code_scanned.connect(self.code_scanned)
        self._state: State = "ready"
        self._failure = ""
        self._running: CameraChoice | None = None
        self._source: CameraSource | None = None
        self._preview: QVideoWidget | None = None
        self._build()
        if not self.scanner.availability.ok:
            self._set_state("no_decoder")
        else:
            self._preview = QVideoWidget(self)
            self._preview.setMinimumSize(320, 240)
            self._layout.insertWidget(1, self._preview, 1)
            self.scanner.attach(self._preview.videoSink())
            self._source = source or QtCameraSource(self)
            self._source.devices_changed.connect(self._refresh_devices)
            self._source.failed.connect(self._on_failed)
            self._refresh_devices()
        self._set_state(self._state)

    def _build(self) -> None:
        self._camera_label = QLabel()
        self._chooser = QComboBox()
        self._chooser.setObjectName("cameraChooser")
        self._chooser.currentIndexChanged.connect(self._on_chosen)
        self._camera_label.setBuddy(self._chooser)
        self._hint = QLabel()
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message = QLabel()
        self._message.setObjectName("cameraMessage")
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._retry = QPushButton()
        self._retry.setObjectName("cameraRetry")
        self._retry.clicked.connect(self._on_retry)
        self._chooser_row = QWidget()
        row = QHBoxLayout(self._chooser_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._camera_label)
        row.addWidget(self._chooser, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._chooser_row)
        self._layout.addWidget(self._hint)
        self._layout.addWidget(self._message, 1)
        self._layout.addWidget(self._retry, 0, Qt.AlignmentFlag.AlignCenter)

    # -- what the screens use -------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    def message(self) -> str:
        """The sentence shown instead of the preview ("" when the camera runs)."""
        return self._message.text() if self._state != "ready" else ""

    def video_sink(self) -> QVideoSink | None:
        """The sink the camera feeds (``None`` without a decoder); tests inject frames here."""
        return self._preview.videoSink() if self._preview is not None else None

    def shutdown(self) -> None:
        self._stop_camera()
        self.scanner.shutdown()

    # -- camera life ----------------------------------------------------------------------

    @Slot()
    def _refresh_devices(self) -> None:
        assert self._source is not None
        devices = self._source.devices()
        keep = self._chooser.currentData() or self._source.default_id()
        self._chooser.blockSignals(True)
        self._chooser.clear()
        for device in devices:
            self._chooser.addItem(device.name, device.id)
        index = self._chooser.findData(keep)
        self._chooser.setCurrentIndex(max(index, 0))
        self._chooser.blockSignals(False)
        if not devices:
            self._stop_camera()
            self._set_state("no_camera")
            return
        if self._state == "no_camera":
            self._set_state("ready")
        if self.isVisible() and self._selected() != self._running:
            self._start_camera()

    def _selected(self) -> CameraChoice | None:
        index = self._chooser.currentIndex()
        if index < 0:
            return None
        return CameraChoice(self._chooser.itemData(index), self._chooser.itemText(index))

    @Slot(int)
    def _on_chosen(self, _index: int) -> None:
        if self.isVisible():
            self._start_camera()

    def _start_camera(self) -> None:
        choice = self._selected()
        if self._source is None or choice is None or choice == self._running:
            return
        sink = self.video_sink()
        assert sink is not None
        self._stop_camera()
        self.scanner.start()
        self._running = choice
        self._set_state("ready")
        log.info("camera %s started", choice.name)
        self._source.start(choice, sink)

    def _stop_camera(self) -> None:
        if self._running is None or self._source is None:
            return
        self._running = None
        self._source.stop()
        self.scanner.reset()

    @Slot()
    def _on_retry(self) -> None:
        self._start_camera()

    @Slot(str)
    def _on_failed(self, detail: str) -> None:
        log.warning("camera failed: %s", detail)
        self._stop_camera()
        self._failure = detail
        self._set_state("failed")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._state in ("ready", "failed"):
            self._start_camera()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stop_camera()

    # -- what the cashier reads -----------------------------------------------------------

    def _set_state(self, state: State) -> None:
        self._state = state
        running = state == "ready"
        if self._preview is not None:
            self._preview.setVisible(running)
        self._hint.setVisible(running)
        self._message.setVisible(not running)
        self._chooser_row.setVisible(state in ("ready", "failed"))
        self._retry.setVisible(state == "failed")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._camera_label.setText(self.tr("Camera:"))
        self._hint.setText(self.tr("Hold the barcode or QR code in front of the camera."))
        self._retry.setText(self.tr("Try again"))
        self._message.setText(self._state_message())

    def _state_message(self) -> str:
        match self._state:
            case "no_decoder" if self.scanner.availability.code == "no_zbar":
                return self.tr(
                    "Camera scanning is not available on this till: the barcode reading "
                    "library (zbar) is not installed. Use the hand scanner or type the code."
                )
            case "no_decoder":
                return self.tr(
                    "Camera scanning could not start: the barcode reading library failed "
                    "to load. Use the hand scanner or type the code."
                )
            case "no_camera":
                return self.tr(
                    "No camera found. Connect a camera, or use the hand scanner or type the code."
                )
            case "failed":
                return self.tr(
                    "The camera stopped working (%1). Check its cable, or choose another camera."
                ).replace("%1", self._failure)
        return ""
