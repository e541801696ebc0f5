"""Fixed-width text primitives: every function returns lines of exactly ``width`` characters.

A thermal printer has a fixed number of cells per line (48 on 80 mm paper, 32 on 58 mm);
a line one character too long wraps on its own and breaks every column below it. So the
layout is built only from these helpers, which pad or cut to the exact width. Amounts
(the ``right`` parts) are never cut: the label gives way instead.
"""

from __future__ import annotations

#: Marks a cut name. ASCII on purpose: "…" is not in CP858 and would widen to "...".
CUT_MARK = "."


def fit(text: str, width: int) -> str:
    """Pad ``text`` with spaces, or cut it with ``CUT_MARK``, to exactly ``width``."""
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(width - len(CUT_MARK), 0)] + CUT_MARK[:width]


def centre(text: str, width: int) -> str:
    """Centre ``text`` in ``width`` cells (cut when longer)."""
    return fit(text.strip().center(width), width)


def left_right(left: str, right: str, width: int) -> str:
    """``left`` flush left, ``right`` flush right, at least one space between them."""
    right = right[-width:]
    room = width - len(right)
    if room <= 0:
        return right
    return fit(left, room - 1) + " " + right if room > 1 else " " * room + right


def fits_side_by_side(left: str, right: str, width: int) -> bool:
    """Whether ``left_right`` would show both texts whole."""
    return len(left) + 1 + len(right) <= width


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap (unpadded); a word longer than ``width`` is broken mid-word."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def wrap_limited(text: str, first_width: int, width: int, max_lines: int) -> list[str]:
    """Wrap ``text`` with a narrower first line, keep ``max_lines`` lines, mark a cut.

    Used for item names: the first line shares its row with the amount, the others have
    the full width. Returned lines are unpadded.
    """
    head = wrap_words(text, max(first_width, 1))
    lines = [head[0]]
    rest = " ".join(head[1:])
    if rest:
        lines += wrap_words(rest, width)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last_width = first_width if max_lines == 1 else width
    kept[-1] = _with_cut_mark(kept[-1], last_width)
    return kept


def _with_cut_mark(line: str, width: int) -> str:
    if len(line) + len(CUT_MARK) <= width:
        return line + CUT_MARK
    return line[: width - len(CUT_MARK)] + CUT_MARK
