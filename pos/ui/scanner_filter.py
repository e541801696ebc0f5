"""App-wide event filter that turns keyboard-wedge scanner bursts into ``barcode_scanned(str)``.

A wedge scanner types into whatever widget has focus. Installed on the QApplication, this
filter holds back keys that could be a scan, so a code never lands in a dialog's line edit,
and replays them, in order, to the widget they were meant for as soon as they turn out to be
typed by a person (``hardware.scanners.burst`` decides; a short timer ends the wait).

Timing uses ``clock`` (``time.monotonic`` by default), never ``QKeyEvent.timestamp()``:
synthetic events carry 0 there. Held keys are replayed with ``sendEvent`` (synchronously, so
their order with the key being filtered is kept) while a flag lets them through.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hardware.scanners import Burst, Event, ScannerSettings, fix_layout
from pos.ui.qt import (
    QApplication,
    QEvent,
    QKeyEvent,
    QObject,
    Qt,
    QTimer,
    QWidget,
    Signal,
    isValid,
)

__all__ = ["ScannerFilter", "ScannerSettings"]

_SHORTCUT_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


@dataclass(frozen=True, slots=True)
class _HeldKey:
    """A swallowed key press, kept to be replayed if a person typed it."""

    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str

    @classmethod
    def of(cls, target: QObject, event: QKeyEvent) -> _HeldKey:
        return cls(target, event.key(), event.modifiers(), event.text())

    def replay(self) -> None:
        if isValid(self.target):  # its dialog may have closed meanwhile: the key goes with it
            event = QKeyEvent(QEvent.Type.KeyPress, self.key, self.modifiers, self.text)
            QApplication.sendEvent(self.target, event)


class ScannerFilter(QObject):
    """Install with ``app.installEventFilter(f)``; ``close()`` removes it and replays held keys.

    Lives on the GUI thread. ``barcode_scanned`` carries the code with the layout fix applied,
    without prefix or terminator; it is emitted after the filter's own state is settled, so a
    slot may open a modal dialog.
    """

    barcode_scanned = Signal(str)

    def __init__(
        self,
        settings: ScannerSettings | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._held: deque[_HeldKey] = deque()
        self._replaying = False
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.setTimerType(Qt.TimerType.PreciseTimer)
        self._gap.timeout.connect(self._on_gap)
        self.apply_settings(settings or ScannerSettings())

    @property
    def settings(self) -> ScannerSettings:
        return self._settings

    @property
    def holding(self) -> bool:
        """True while keys are held back or the gap timer runs (tests check it ends)."""
        return bool(self._held) or self._gap.isActive()

    def apply_settings(self, settings: ScannerSettings) -> None:
        """Take new settings now; keys held under the old ones are replayed first."""
        if self._held:
            self._on_gap()
        self._settings = settings
        self._detector = settings.detector()
        self._gap.setInterval(math.ceil(settings.max_gap_ms))

    def close(self) -> None:
        """Stop filtering: replay held keys, stop the timer, leave the application."""
        self._on_gap()
        self._gap.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self._settings.enabled:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            return self._hold_shortcut(event)
        if event.type() != QEvent.Type.KeyPress or not _first_receiver(watched):
            return False
        assert isinstance(event, QKeyEvent)
        if not _could_be_scanned(event, self._detector.terminators):
            self._on_gap()  # a person's key (arrow, Backspace…): what is held goes first
            return False
        return self._take(watched, event)

    def _take(self, watched: QObject, event: QKeyEvent) -> bool:
        self._held.append(_HeldKey.of(watched, event))
        events = self._detector.feed(event.text(), self._clock())
        if len(events) == 1 and len(self._held) == 1 and not isinstance(events[0], Burst):
            self._held.clear()  # a person's key with nothing before it: let it go as it is
            return False
        self._settle(events)
        return True

    def _hold_shortcut(self, event: QKeyEvent) -> bool:
        """While a burst is pending, its keys (the final Enter) must not trigger shortcuts."""
        if not self._detector.pending or not _could_be_scanned(event, self._detector.terminators):
            return False
        event.accept()  # "the focus widget wants this key": Qt then sends the KeyPress
        return True

    def _on_gap(self) -> None:
        self._settle(self._detector.expire())

    def _settle(self, events: Iterable[Event]) -> None:
        codes: list[str] = []
        for decided in events:
            keys = [self._held.popleft() for _ in range(_length(decided))]
            if isinstance(decided, Burst):
                codes.append(fix_layout(decided.code, self._settings.keyboard_fix))
            else:
                self._replay(keys)
        if self._detector.pending:
            self._gap.start()
        else:
            self._gap.stop()
        for code in codes:
            self.barcode_scanned.emit(code)

    def _replay(self, keys: list[_HeldKey]) -> None:
        was_replaying, self._replaying = self._replaying, True
        try:
            for key in keys:
                key.replay()
        finally:
            self._replaying = was_replaying


def _length(event: Event) -> int:
    return len(event.raw) if isinstance(event, Burst) else len(event.text)


def _first_receiver(watched: QObject) -> bool:
    """True for the widget a key press is delivered to first.

    The application's filters also see the press on the window handle and again on each
    parent it propagates to; each key must be fed to the detector once.
    """
    if not isinstance(watched, QWidget):
        return False
    focus = QApplication.focusWidget()
    return focus is None or watched is focus or not watched.isAncestorOf(focus)


def _could_be_scanned(event: QKeyEvent, terminators: frozenset[str]) -> bool:
    """A single printable character or a terminator, not auto-repeated, not a Ctrl shortcut."""
    text = event.text()
    if len(text) != 1 or event.isAutoRepeat():
        return False
    modifiers = event.modifiers()
    if modifiers & _SHORTCUT_MODIFIERS and not modifiers & Qt.KeyboardModifier.AltModifier:
        return False  # Ctrl+Alt is AltGr on Windows, which scanners use for "@" on AZERTY
    return text.isprintable() or text in terminators
