"""Barcode parsing for the till: GTINs, variable-measure labels and internal references.

Pure standard library. ``parse_scan`` is the entry point; the rest is exported for
configuration (``VariableMeasureLayout``) and for building valid codes (``make_ean13``).
"""

from hardware.barcodes.errors import BarcodeError
from hardware.barcodes.gs1_variable import (
    DEFAULT_LAYOUTS,
    MeasureKind,
    VariableMeasure,
    VariableMeasureLayout,
)
from hardware.barcodes.gtin import gtin_check_digit, make_ean13
from hardware.barcodes.scan import CodeKind, ScannedCode, parse_scan

__all__ = [
    "DEFAULT_LAYOUTS",
    "BarcodeError",
    "CodeKind",
    "MeasureKind",
    "ScannedCode",
    "VariableMeasure",
    "VariableMeasureLayout",
    "gtin_check_digit",
    "make_ean13",
    "parse_scan",
]
