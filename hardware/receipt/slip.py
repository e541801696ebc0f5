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
from itertools import zip_longest

from hardware.receipt.blocks import SaleCode, Text
from hardware.receipt.document import Language
from hardware.receipt.layout import Fold, Item, plain_text
from hardware.receipt.text_fit import centre, fit, left_right, wrap_hanging, wrap_words

#: Cells between a row's text and a label column (a picking list's departments).
COLUMN_GAP = 2
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
    ``label_column``: the rows' right texts are labels (departments), not amounts: they
    line up flush left in a column of their own, wrapped in it, a gap from the names.
    """

    title: str
    subtitle: tuple[str, ...] = ()
    rows: tuple[SlipRow, ...] = ()
    totals: tuple[SlipRow, ...] = ()
    footer: tuple[str, ...] = ()
    code: str = ""
    language: Language = "fr"
    label_column: bool = False


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
    if doc.label_column:
        items += _label_rows(doc.rows, columns, page_fold)
    else:
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
    lines = wrap_hanging(left, first_width, columns - len(_INDENT))
    first = left_right(lines[0], right, columns) if right else fit(lines[0], columns)
    return [first] + [fit(_INDENT + line, columns) for line in lines[1:]]


def _label_rows(rows: tuple[SlipRow, ...], columns: int, fold: Fold) -> list[Item]:
    """Names on the left, labels flush left in their own column on the right: as wide as
    the longest label, up to a third of the line (or its longest word), never cut."""
    labels = [fold(row.right) for row in rows]
    longest_word = max((len(word) for label in labels for word in label.split()), default=0)
    widest = max((len(label) for label in labels), default=0)
    column = min(widest, max(columns // 3, longest_word), columns // 2)
    name_width = columns - column - COLUMN_GAP if column else columns
    items: list[Item] = []
    for row, label in zip(rows, labels, strict=True):
        names = wrap_hanging(fold(row.left), name_width, name_width - len(_INDENT))
        names = names[:1] + [_INDENT + name for name in names[1:]]
        parts = wrap_words(label, column) if column and label else []
        for name, part in zip_longest(names, parts, fillvalue=""):
            line = fit(name, name_width) + (" " * COLUMN_GAP + fit(part, column) if column else "")
            items.append(Text(line, bold=True) if row.bold else line)
    return items
