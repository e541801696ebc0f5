"""Desk slips (a picking list, a handover slip) as plain data and as laid-out lines.

A slip is simpler than a receipt: a title, a few centred lines, two-column rows ("2 ×
Confiture" / "4,59 €"), optional totals, a code to scan and a footer. The services layer
writes every label in the slip's language; this module only lays them out, with the same
building blocks as receipts, so a slip has the same promises: every line exactly
``columns`` cells after the code page's fold, amounts (right column) never cut, and a
``SaleCode`` block that the ESC/POS renderer prints as a QR code or a Code 128.
"""

from __future__ import annotations

from dataclasses import dataclass

from hardware.receipt.blocks import SaleCode, Text
from hardware.receipt.document import Language
from hardware.receipt.layout import Fold, Item, plain_text
from hardware.receipt.text_fit import centre, fit, left_right, wrap_limited, wrap_words

#: Lines a row's left text may take before it is cut (names on a picking list matter).
ROW_MAX_LINES = 3
#: Tick boxes are in no printer code page: printed (and previewed) as ASCII.
BOXES = {"☐": "[ ]", "☑": "[x]", "☒": "[x]"}
_INDENT = "    "


@dataclass(frozen=True, slots=True)
class SlipRow:
    """One row: ``left`` wraps when long, ``right`` (an amount, a department) stays whole
    up to half the line. An empty row is a blank line; ``bold`` for totals."""

    left: str
    right: str = ""
    bold: bool = False


@dataclass(frozen=True, slots=True)
class SlipDocument:
    """Everything printed on one slip, already written in ``language``.

    ``rows`` sit between two rules, ``totals`` under them; ``code`` (when not empty) is
    printed as a QR code, or a Code 128 on printers without QR, for the desk to scan.
    """

    title: str
    subtitle: tuple[str, ...] = ()
    rows: tuple[SlipRow, ...] = ()
    totals: tuple[SlipRow, ...] = ()
    footer: tuple[str, ...] = ()
    code: str = ""
    language: Language = "fr"


def _identity(text: str) -> str:
    return text


def layout_slip(doc: SlipDocument, columns: int, *, fold: Fold = _identity) -> list[Item]:
    """Lay ``doc`` out in ``columns`` cells per line; ``fold`` maps text to the printer's
    alphabet before widths are measured (as for receipts)."""
    if columns < 24:
        raise ValueError(f"A slip needs at least 24 columns, not {columns}.")

    def page_fold(text: str) -> str:
        for box, ascii_box in BOXES.items():
            text = text.replace(box, ascii_box)
        return fold(text)

    items: list[Item] = [*_title(doc, columns, page_fold), "=" * columns]
    items += _rows(doc.rows, columns, page_fold)
    if doc.totals:
        items += ["-" * columns, *_rows(doc.totals, columns, page_fold)]
    items.append("-" * columns)
    if doc.code:
        items.append(SaleCode(doc.code))
    for raw in doc.footer:
        items += _centred(page_fold(raw), columns)
    return items


def slip_text(doc: SlipDocument, columns: int, *, fold: Fold = _identity) -> str:
    """The slip as it reads on paper, for an on-screen preview (the code as a marker).

    Pass the printer's fold (``partial(fold_text, codepage=...)``) to show exactly what
    paper would show, as the receipt preview does.
    """
    return plain_text(layout_slip(doc, columns, fold=fold))


def _title(doc: SlipDocument, columns: int, fold: Fold) -> list[Item]:
    titles: list[Item] = [
        Text(centre(line, columns), bold=True, double_height=True)
        for line in wrap_words(fold(doc.title), columns)
    ]
    for raw in doc.subtitle:
        titles += _centred(fold(raw), columns)
    return titles


def _centred(text: str, columns: int) -> list[Item]:
    return [centre(line, columns) for line in wrap_words(text, columns)]


def _rows(rows: tuple[SlipRow, ...], columns: int, fold: Fold) -> list[Item]:
    items: list[Item] = []
    for row in rows:
        lines = _row_lines(fold(row.left), fold(row.right), columns)
        items += [Text(line, bold=True) for line in lines] if row.bold else lines
    return items


def _row_lines(left: str, right: str, columns: int) -> list[str]:
    """``left`` wrapped beside ``right`` on the first line, then indented under it."""
    if len(right) > columns // 2:
        right = fit(right, columns // 2)
    first_width = columns - len(right) - 1 if right else columns
    lines = wrap_limited(left, first_width, columns - len(_INDENT), ROW_MAX_LINES)
    first = left_right(lines[0], right, columns) if right else fit(lines[0], columns)
    return [first] + [fit(_INDENT + line, columns) for line in lines[1:]]
