"""Hardware adapters (scanners, scales, printers): a leaf package that imports no app code."""
