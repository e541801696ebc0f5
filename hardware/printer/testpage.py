"""The printer test page: every character Comptoir may print, on the chosen code page.

It says which characters the page lacks and what prints instead (œ -> oe), so a manager
sees on paper whether the page suits the store before a customer does. The lines are
built here once, for the paper and for the settings dialog's preview alike; the words
come from the caller (the UI translates them), English by default.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from hardware.printer.encoding import FRENCH_CHARACTERS, RASTER, fold_text, missing_characters
from hardware.printer.escpos_receipt import print_lines
from hardware.printer.models import model_of_profile
from hardware.receipt.blocks import Text

#: A line a French receipt may hold: VAT table, ligature, price.
SAMPLE_LINES = ("A  20,00 %    10,42 €    2,08 €", "Bœuf, œufs, crème brûlée : 12,50 €")


@dataclass(frozen=True, slots=True)
class PageWords:
    """The page's words, in the store's language (``%1``… are filled in here)."""

    title: str = "Comptoir — test page"
    setup: str = "%1 · %2 · %3 columns"
    picture: str = "text printed as a picture"
    lower: str = "Lower case:"
    upper: str = "Upper case:"
    signs: str = "Ligatures and signs:"
    digits: str = "Digits and punctuation:"
    samples: str = "VAT table and prices:"
    missing: str = "%1 characters are not on this code page; printed as:"
    complete: str = "Every character is on this code page."


def page_lines(
    columns: int, codepage: str, model_label: str, words: PageWords | None = None
) -> list[Text | str]:
    """The page as laid-out lines, already folded to ``codepage`` (a fallback such as
    "..." is longer than "…": lines are wrapped after folding), title first."""
    words = words or PageWords()
    page = words.picture if codepage.upper() == RASTER else codepage.upper()
    setup = words.setup.replace("%1", model_label).replace("%2", page).replace("%3", str(columns))
    lower, upper, signs, digits = FRENCH_CHARACTERS
    rows = [
        *_labelled(words.lower, lower, columns, codepage),
        *_labelled(words.upper, upper, columns, codepage),
        *_labelled(words.signs, " ".join(signs), columns, codepage),
        *_labelled(words.digits, digits, columns, codepage),
        *_wrapped(words.samples, columns, codepage),
        *[f for line in SAMPLE_LINES if len(f := fold_text(line, codepage)) <= columns],
        *_missing_lines(codepage, columns, words),
        "".join(str(n % 10) for n in range(1, columns + 1)),
    ]
    title = Text(fold_text(words.title, codepage), bold=True, double_height=True)
    return [title, *_wrapped(setup, columns, codepage), *rows]


def _missing_lines(codepage: str, columns: int, words: PageWords) -> list[str]:
    missing = missing_characters(codepage)
    if not missing:
        return _wrapped(words.complete, columns, codepage)
    # The missing characters themselves cannot be printed: the preview shows them.
    instead = " ".join(fold_text(char, codepage) for char in missing)
    label = words.missing.replace("%1", str(len(missing)))
    return [*_wrapped(label, columns, codepage), *_wrapped(instead, columns, codepage)]


def _labelled(label: str, value: str, columns: int, codepage: str) -> list[str]:
    label, value = fold_text(label, codepage), fold_text(value, codepage)
    if len(label) + 1 + len(value) <= columns:
        return [f"{label} {value}"]
    return [*_wrapped(label, columns, codepage), *_wrapped(value, columns, codepage)]


def _wrapped(text: str, columns: int, codepage: str) -> list[str]:
    folded = fold_text(text, codepage)
    return textwrap.wrap(folded, columns, break_on_hyphens=False) or [""]


def print_test_page(
    printer: Any, columns: int, codepage: str, words: PageWords | None = None
) -> None:
    """Print the page as a receipt is printed (same font choice, cut, raster fallback)."""
    label = model_of_profile(printer.profile).label
    lines = page_lines(columns, codepage, label, words)
    print_lines(printer, lines, columns=columns, codepage=codepage)
