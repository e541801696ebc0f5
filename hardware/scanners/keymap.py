"""Undo a keyboard-layout mismatch between a keyboard-wedge scanner and the till's keyboard.

A wedge scanner does not type characters: it sends *key positions* (HID usages) chosen with
the layout it was programmed for, and the host turns them into characters with *its* layout.
When the two layouts differ, every character the scanner meant comes out as whatever the host
layout puts on the same physical key, with the same Shift state. Fixing it means mapping the
host's character back, through that physical key, to the scanner's character.

Assumptions, both directions (main block of a French AZERTY and a US QWERTY keyboard):

* ``US_SCANNER_ON_AZERTY`` — the common real-world case: a scanner left on its US default,
  plugged into a French PC. It types "1" as the unshifted digit-row key, which AZERTY reads
  as "&"; so ``&é"'(-è_çà`` reads back as ``1234567890``. Letters: the US "A" key is
  AZERTY's "Q" (and Z/W likewise, case kept); US "M" is AZERTY's "," (Shift: "?"), and US ";"
  is AZERTY's "m" (Shift: "M").
* ``AZERTY_SCANNER_ON_US`` — a scanner programmed for French AZERTY on a US PC. To type "1" it
  presses Shift + the digit-row key (that is how AZERTY types digits), which US reads as "!";
  so ``!@#$%^&*()`` reads back as ``1234567890``. The letter swaps are the same; US ";" reads
  back as "m" and US "m" as ",". This table is exactly the inverse of the first one.

One deliberate exception: a character that is a digit on the host stays that digit. Many
scanners send digits as numeric-keypad keys, which every layout reads the same, and EAN/UPC
codes are all digits, so remapping them would break the most common scans. The price is rare
symbols: in the first direction a US scanner's ``!@#$%^&*()`` arrive as digits, in the second
an AZERTY scanner's unshifted digit-row symbols (``&"'(-_``, the ``-`` being the notable one
for references) arrive as digits and are kept as such.

Dead keys (AZERTY ``^`` and ``¨``) and the ISO ``<>`` key cannot be fixed by a character map
and are left alone.
"""

from __future__ import annotations

from enum import StrEnum


class KeyboardFix(StrEnum):
    """Which layout mismatch to undo; the values are what the settings file stores."""

    NONE = "none"
    US_SCANNER_ON_AZERTY = "us_scanner_on_azerty"
    AZERTY_SCANNER_ON_US = "azerty_scanner_on_us"


# One physical key per entry: (US unshifted, US shifted, AZERTY unshifted, AZERTY shifted).
# Keys that type the same characters on both layouts (E R T Y U I O P S…N, "=", space) are
# left out: they need no fixing.
_PHYSICAL_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("1", "!", "&", "1"),
    ("2", "@", "é", "2"),
    ("3", "#", '"', "3"),
    ("4", "$", "'", "4"),
    ("5", "%", "(", "5"),
    ("6", "^", "-", "6"),
    ("7", "&", "è", "7"),
    ("8", "*", "_", "8"),
    ("9", "(", "ç", "9"),
    ("0", ")", "à", "0"),
    ("-", "_", ")", "°"),
    ("q", "Q", "a", "A"),
    ("w", "W", "z", "Z"),
    ("]", "}", "$", "£"),
    ("a", "A", "q", "Q"),
    (";", ":", "m", "M"),
    ("'", '"', "ù", "%"),
    ("\\", "|", "*", "µ"),
    ("z", "Z", "w", "W"),
    ("m", "M", ",", "?"),
    (",", "<", ";", "."),
    (".", ">", ":", "/"),
    ("/", "?", "!", "§"),
)


def _table(host_is_azerty: bool) -> dict[int, str]:
    """Host character → scanner character, digits on the host left alone (see module doc)."""
    table: dict[int, str] = {}
    for us_plain, us_shift, az_plain, az_shift in _PHYSICAL_KEYS:
        pairs = ((us_plain, az_plain), (us_shift, az_shift))
        for us_char, az_char in pairs:
            host, meant = (az_char, us_char) if host_is_azerty else (us_char, az_char)
            if not host.isdigit():
                table[ord(host)] = meant
    return table


_TABLES: dict[KeyboardFix, dict[int, str]] = {
    KeyboardFix.NONE: {},
    KeyboardFix.US_SCANNER_ON_AZERTY: _table(host_is_azerty=True),
    KeyboardFix.AZERTY_SCANNER_ON_US: _table(host_is_azerty=False),
}


def fix_layout(text: str, fix: KeyboardFix | str) -> str:
    """``text`` as the scanner meant it, given what the host typed; ``fix`` may be its value.

    Raises ``ValueError`` for an unknown fix name, so a typo in the settings is caught at load.
    """
    return text.translate(_TABLES[KeyboardFix(fix)])
