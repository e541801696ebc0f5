"""Barcode scanners: keyboard-wedge burst detection, layout fixing and serial (COM) scanners.

Pure Python plus pyserial; no Qt. ``pos.ui.scanner_filter`` and ``pos.ui.serial_bridge`` bring
both kinds of scanner to the UI as one ``barcode_scanned(str)`` signal.
"""

from hardware.scanners.burst import Burst, BurstDetector, Event, Flush, ScannerSettings
from hardware.scanners.keymap import KeyboardFix, fix_layout
from hardware.scanners.serial_scanner import SerialScanner

__all__ = [
    "Burst",
    "BurstDetector",
    "Event",
    "Flush",
    "KeyboardFix",
    "ScannerSettings",
    "SerialScanner",
    "fix_layout",
]
