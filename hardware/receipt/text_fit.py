"""Fixed-width text primitives: every function returns lines of exactly ``width`` characters.

A thermal printer has a fixed number of cells per line (48 on 80 mm paper, 32 on 58 mm);
a line one character too long wraps on its own and breaks every column below it. So the
layout is built only from these helpers, which pad or cut to the exact width. Amounts
(the ``right`` parts) are never cut: the label gives way instead.

Wrapping never cuts text: a name takes as many lines as it needs; a word longer than a
line is broken where it must, each broken part ending with a hyphen (``BREAK_MARK``).
Before wrapping, a number is glued to its unit ("100 g", "1,5 kg", "3 x 2,79") and a
French guillemet or colon to its word, by a no-break space (``NBSP``), so no line starts
with "g" or a lone "»". No-break spaces are layout-only: every returned line has plain
spaces again, since not every printer code page has a no-break space. An amount's
thousands ("1 234,50") are bound tighter still: a glued group too wide for a line breaks
at its no-break spaces, never inside an amount.
"""

from __future__ import annotations

import re

#: Marks a cut text. ASCII on purpose: "…" is not in CP858 and would widen to "...".
CUT_MARK = "."
#: Ends the broken part of a word too long for any line (a 40-character code at 32
#: columns): the reader sees it goes on below. Every character is still printed.
BREAK_MARK = "-"
NBSP = "\u00a0"
#: Binds an amount's thousands ("1 234,50"): never broken, even where a group is.
TIGHT = "\u202f"

_UNITS = (
    r"(?:kg|g|mg|l|cl|ml|dl|L|cL|mL|m|cm|mm|%|€|EUR|x|×|pcs?|pièces?|unités?|u|"
    r"sachets?|boîtes?|tranches?|rouleaux?|lavages?|doses?|cm²|m²)"
)
_NUMBER_UNIT = re.compile(rf"(\d) +(?={_UNITS}(?![\w]))")
_TIMES_NUMBER = re.compile(r"(?<=[x×]) +(?=\d)")
_THOUSANDS = re.compile(r"(?<=\d) (?=(?:\d{3} )*\d{3},\d)")
_OPENING = re.compile(r"« +")
_CLOSING = re.compile(r" +(?=[»:;!?](?![\w]))")
_DASH = re.compile(r" +(?=[-–—] )")  # a separating dash never starts a line (a bullet)


def glue(text: str) -> str:
    """Join with no-break spaces what must stay on one line: an amount's thousands, a
    number and its unit, "x" and the price after it, a guillemet and its word, a word and
    its colon, a separating dash and the word before it."""
    text = _THOUSANDS.sub(TIGHT, text)
    text = _DASH.sub(NBSP, text)
    text = _NUMBER_UNIT.sub(rf"\1{NBSP}", text)
    text = _TIMES_NUMBER.sub(NBSP, text)
    text = _OPENING.sub("«" + NBSP, text)
    return _CLOSING.sub(NBSP, text)


def fit(text: str, width: int) -> str:
    """Pad ``text`` with spaces, or cut it with ``CUT_MARK``, to exactly ``width``."""
    text = _plain(text)
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(width - len(CUT_MARK), 0)] + CUT_MARK[:width]


def centre(text: str, width: int) -> str:
    """Centre ``text`` in ``width`` cells (cut when longer)."""
    return fit(text.strip().center(width), width)


def left_right(left: str, right: str, width: int) -> str:
    """``left`` flush left, ``right`` flush right, at least one space between them."""
    right = _plain(right)[-width:]
    room = width - len(right)
    if room <= 0:
        return right
    return fit(left, room - 1) + " " + right if room > 1 else " " * room + right


def fits_side_by_side(left: str, right: str, width: int) -> bool:
    """Whether ``left_right`` would show both texts whole."""
    return len(left) + 1 + len(right) <= width


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap (unpadded) that keeps glued groups whole; a group longer than
    ``width`` is broken at its no-break spaces, a word longer than ``width`` mid-word,
    each broken part ending with ``BREAK_MARK``."""
    return wrap_hanging(text, width, width)


def wrap_hanging(text: str, first_width: int, width: int) -> list[str]:
    """Wrap ``text`` with a narrower first line (it shares its row with an amount), every
    word kept: as many lines as needed. Returned lines are unpadded, plain spaces."""
    lines: list[str] = []
    current = ""

    def room() -> int:
        return max(first_width if not lines else width, 1)

    def place(word: str) -> bool:
        nonlocal current
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= room():
            current = candidate
            return True
        if current:
            lines.append(current)
            current = ""
        if len(word) <= room():
            current = word
            return True
        return False

    for group in glue(text).split(" "):
        if not group or place(group):
            continue
        for part in group.split(NBSP):  # too long for any line: its parts, then pieces
            if not part or place(part):
                continue
            while len(part) > room():
                cut = room() - len(BREAK_MARK) if room() > len(BREAK_MARK) else room()
                lines.append(part[:cut] + (BREAK_MARK if cut < room() else ""))
                part = part[cut:]
            current = part
    lines.append(current)
    return [_plain(line) for line in lines]


def _plain(text: str) -> str:
    """Layout-only spaces back to plain ones, as printed."""
    return text.replace(NBSP, " ").replace(TIGHT, " ")
