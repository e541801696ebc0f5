"""ESC/POS bytes read back as the text a customer would read, for whole-ticket comparisons.

Commands are dropped (their parameters skipped by the lengths the Epson reference gives),
the printed text is decoded in the job's code page, and what is not text is shown as a
marker line: ``[QR <data>]`` for a stored QR symbol, ``[CODE128 <data>]`` for a barcode,
``[IMAGE <width>x<height>]`` for a raster picture (``GS v 0``), ``[CUT]`` where the paper
is cut. A command it does not know fails the test: nothing in a
receipt passes unread.
"""

from __future__ import annotations

#: ESC commands and how many parameter bytes follow them.
_ESC_PARAMS = {
    b"@": 0, b"t": 1, b"!": 1, b"E": 1, b"a": 1, b"d": 1, b"-": 1, b"G": 1, b"M": 1,
    b"2": 0, b"3": 1,
}  # fmt: skip
#: GS commands with fixed parameters (``(``, ``k`` and ``V`` are read by their own rules).
_GS_PARAMS = {b"!": 1, b"h": 1, b"w": 1, b"f": 1, b"H": 1}


def escpos_text(output: bytes, codepage: str) -> str:
    """``output`` as text lines, markers for codes and cuts (see the module's docstring)."""
    text = bytearray()
    parts: list[str] = []
    at = 0

    def flush() -> None:
        parts.append(text.decode(codepage.lower()))
        text.clear()

    while at < len(output):
        byte = output[at : at + 1]
        if byte == b"\x1b":
            command = output[at + 1 : at + 2]
            at += 2 + _ESC_PARAMS[command]
        elif byte == b"\x1d":
            at, marker = _gs(output, at)
            if marker:
                flush()
                parts.append(marker)
        else:
            text += byte
            at += 1
    flush()
    return "".join(parts)


def _gs(output: bytes, at: int) -> tuple[int, str]:
    command = output[at + 1 : at + 2]
    if command in _GS_PARAMS:
        return at + 2 + _GS_PARAMS[command], ""
    if command == b"(":  # GS ( k pL pH cn fn ...: a QR symbol's function
        size = output[at + 3] + 256 * output[at + 4]
        body = output[at + 5 : at + 5 + size]
        marker = f"[QR {body[3:].decode('ascii')}]\n" if body[:3] == b"1P0" else ""
        return at + 5 + size, marker
    if command == b"k":  # GS k m n d1..dn (m >= 65)
        length = output[at + 3]
        data = output[at + 4 : at + 4 + length]
        return at + 4 + length, f"[CODE128 {data.decode('latin-1')}]\n"
    if command == b"v":  # GS v 0 m xL xH yL yH d1..dk: a raster picture, k = x * y
        width_bytes = output[at + 4] + 256 * output[at + 5]
        height = output[at + 6] + 256 * output[at + 7]
        return at + 8 + width_bytes * height, f"[IMAGE {width_bytes * 8}x{height}]\n"
    if command == b"V":  # GS V m (+ n for m 65/66)
        mode = output[at + 2]
        return at + 3 + (1 if mode in (65, 66) else 0), "[CUT]\n"
    raise AssertionError(f"Unknown GS command {command!r} at byte {at}")
