"""Code 128 payload for a sale id, and the way back from a scan.

A sale id is a UUID (36 characters). In Code 128 set B that is 431 modules: 862 dots at
the narrowest ESC/POS bar width (2), wider than any receipt (512 dots on a TM-T88V). So a
UUID is sent as its 128-bit number in decimal (40 digits) in set C, two digits per symbol:
255 modules, 510 dots, which fits 80 mm paper. Other ids (short, printable ASCII) go in
set B as they are. ``sale_id_from_scan`` reverses both, so the returns desk can read
either. Set C data is sent as byte values 0-99, per the Epson ``GS k`` (m = 73) reference.

On 58 mm paper (384 dots) the UUID's 510 dots do not fit: the receipt's Code 128 is then
its ticket code, "T01-123" (the till and the ticket number), which the returns desk reads
as it reads a typed ticket number; ``code128_for`` picks what fits, widest bars first.
"""

from __future__ import annotations

import re
import uuid

#: Decimal digits for a 128-bit number (2**128 has 39), rounded up to an even count.
UUID_DIGITS = 40

_MODULES_PER_SYMBOL = 11
_STOP_MODULES = 13
#: Printable dots per line for each supported column count (80 mm / 58 mm heads).
PAPER_DOTS = {48: 512, 32: 384}
#: ESC/POS ``GS w`` bar widths tried, widest first: wider bars scan more easily.
BAR_DOTS = (3, 2)
#: A till id as the returns desk reads it in "T01-123" (pos.services.return_lookup).
_TERMINAL = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,15}$")
_MAX_TICKET_NO = 999_999_999


def ticket_code(terminal_id: str, ticket_no: int) -> str:
    """ "T01-123": a ticket as the returns desk finds it, typed or scanned; "" when the
    till's id or the number could not be read back."""
    if not _TERMINAL.match(terminal_id) or not 0 < ticket_no <= _MAX_TICKET_NO:
        return ""
    return f"{terminal_id}-{ticket_no}"


def is_ticket_code(text: str) -> bool:
    """Whether ``text`` is a ticket code exactly as ``ticket_code`` prints it ("T01-123"):
    what the 58 mm receipt's Code 128 reads back as."""
    terminal, dash, number = text.rpartition("-")
    return (
        bool(dash) and bool(_TERMINAL.match(terminal)) and number.isascii()
        and number.isdigit() and 0 < int(number) <= _MAX_TICKET_NO and number[0] != "0"
    )  # fmt: skip


def code128_for(sale_id: str, ticket_ref: str, max_dots: int) -> tuple[str, int] | None:
    """The Code 128 payload and bar width (dots) that fit ``max_dots``: the sale id, else
    the ticket code, else None (the readable reference under it remains)."""
    payloads = [code128_payload(sale_id)] if sale_id else []
    payloads += ["{B" + ticket_ref] if ticket_ref else []
    for payload in payloads:
        if not payload.isascii():
            continue
        for bar in BAR_DOTS:
            if code128_modules(payload) * bar <= max_dots:
                return payload, bar
    return None


def code128_payload(sale_id: str) -> str:
    """The python-escpos ``barcode(..., "CODE128")`` data: ``{C`` packed digits or ``{B`` text."""
    as_uuid = _as_uuid(sale_id)
    if as_uuid is None:
        return "{B" + sale_id
    digits = f"{as_uuid.int:0{UUID_DIGITS}d}"
    pairs = (int(digits[i : i + 2]) for i in range(0, UUID_DIGITS, 2))
    return "{C" + "".join(chr(pair) for pair in pairs)


def code128_modules(payload: str) -> int:
    """Width in modules of the symbol for ``payload`` (start, data, check, stop; no quiet zone)."""
    data_symbols = len(payload) - 2
    return _MODULES_PER_SYMBOL * (data_symbols + 2) + _STOP_MODULES


def sale_id_from_scan(scanned: str) -> str:
    """Turn a scanned receipt code back into the sale id (40 digits -> canonical UUID)."""
    text = scanned.strip()
    if len(text) == UUID_DIGITS and text.isdigit():
        return str(uuid.UUID(int=int(text)))
    return text


def _as_uuid(sale_id: str) -> uuid.UUID | None:
    try:
        parsed = uuid.UUID(sale_id)
    except ValueError:
        return None
    return parsed if str(parsed) == sale_id else None  # only ids that read back identical
