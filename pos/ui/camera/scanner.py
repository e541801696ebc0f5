"""Camera frames in, ``code_scanned(text, kind)`` out on the GUI thread.

Frames arrive on whatever thread the camera uses (the GUI thread in tests); ``submit``
only drops the frame into a one-slot mailbox. The decoder runs on its own QThread,
always on the latest frame, and its results come back through a queued signal. The GUI
thread never converts or decodes a frame.
"""

from __future__ import annotations

import logging

from hardware.camera import (
    Availability,
    CameraDecoder,
    FrameReader,
    ReaderStats,
    RepeatGuard,
    RepeatSettings,
)
from pos.ui.camera.frames import frame_to_gray
from pos.ui.camera.mailbox import LatestOnly
from pos.ui.camera.qt_media import QVideoFrame, QVideoSink
from pos.ui.qt import QCoreApplication, QObject, Qt, QThread, Signal, Slot, isValid

log = logging.getLogger(__name__)
_QUEUED = Qt.ConnectionType.QueuedConnection


class DecodeWorker(QObject):
    """Lives on the decoding thread; owns the ``FrameReader`` (repeat guard included)."""

    code_found = Signal(str, str)  # text, kind; emitted on the decoding thread
    frame_read = Signal()  # one frame fully processed (tests and the benchmark count these)

    def __init__(self, reader: FrameReader, mailbox: LatestOnly[QVideoFrame]) -> None:
        super().__init__()
        self.reader = reader
        self._mailbox = mailbox

    @Slot()
    def drain(self) -> None:
        """Handle the latest frame, if any: one per wake-up, so ``quit`` is never starved."""
        frame = self._mailbox.take()
        if frame is None:
            return
        try:
            gray = frame_to_gray(frame)
            del frame  # hand the camera its buffer back before the slow part
            codes = self.reader.read(gray) if gray is not None else []
        except Exception:  # one bad frame must not stop scanning
            log.exception("camera frame could not be decoded")
            codes = []
        for code in codes:
            self.code_found.emit(code.text, code.kind.value)
        self.frame_read.emit()

    @Slot()
    def reset(self) -> None:
        self.reader.guard.reset()


class CameraScanner(QObject):
    """GUI-side handle of the decoding thread. Create, ``start()``, feed it with
    ``attach(sink)`` (or ``submit(frame)``), ``shutdown()`` when done (also run on quit)."""

    code_scanned = Signal(str, str)  # text, kind ("ean13", "ean8", "qr"…); GUI thread
    _wake = Signal()
    _reset = Signal()

    def __init__(
        self,
        decoder: CameraDecoder,
        settings: RepeatSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.availability: Availability = decoder.availability()
        self._mailbox: LatestOnly[QVideoFrame] = LatestOnly()
        self._sinks: list[QVideoSink] = []
        self._closed = False
        self._thread = QThread()
        self._thread.setObjectName("camera-decoder")
        self.worker = DecodeWorker(FrameReader(decoder, RepeatGuard(settings)), self._mailbox)
        self.worker.moveToThread(self._thread)
        self._wake.connect(self.worker.drain, _QUEUED)
        self._reset.connect(self.worker.reset, _QUEUED)
        self.worker.code_found.connect(self.code_scanned, _QUEUED)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def start(self) -> bool:
        """Start the decoding thread; ``False`` when the decoder is unavailable."""
        if not self.availability.ok or self._closed:
            return False
        if not self._thread.isRunning():
            self._thread.start()
        return True

    def submit(self, frame: QVideoFrame) -> None:
        """Offer one frame; safe from any thread, never blocks, never queues a backlog."""
        if self._closed or not self.availability.ok:
            return
        if self._mailbox.put(QVideoFrame(frame)):  # own a reference past the signal call
            self._wake.emit()

    def attach(self, sink: QVideoSink) -> None:
        """Decode what ``sink`` receives. Direct connection: the camera thread only drops
        the frame in the mailbox, without a trip through the GUI thread's event queue."""
        if sink not in self._sinks:
            sink.videoFrameChanged.connect(self.submit, Qt.ConnectionType.DirectConnection)
            self._sinks.append(sink)

    def detach(self, sink: QVideoSink) -> None:
        if sink in self._sinks:
            self._sinks.remove(sink)
            if isValid(sink):  # a preview widget may already have taken its sink along
                sink.videoFrameChanged.disconnect(self.submit)

    def reset(self) -> None:
        """Forget codes seen so far (new camera, screen shown again): next sight counts."""
        self._mailbox.clear()
        self._reset.emit()

    @property
    def running(self) -> bool:
        """Whether the decoding thread runs (it does not without a decoder or a camera)."""
        return self._thread.isRunning()

    @property
    def stats(self) -> tuple[int, int, ReaderStats]:
        """(frames offered, frames dropped unread, reader counters); for diagnostics."""
        return self._mailbox.accepted, self._mailbox.dropped, self.worker.reader.stats

    @Slot()
    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop decoding; waits for the frame in progress (tens of milliseconds)."""
        if self._closed:
            return
        self._closed = True
        for sink in list(self._sinks):
            self.detach(sink)
        self._mailbox.clear()
        if self._thread.isRunning():
            self.worker.deleteLater()
            self._thread.quit()
            self._thread.wait(timeout_ms)
