"""Printer tests: python-escpos keeps its parsed printer database in a temp cache."""

import os
import tempfile
from pathlib import Path

# Set before anything imports escpos (hardware.printer imports it lazily, on first printer).
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(tempfile.gettempdir()) / "comptoir-escpos-cache")
)
