"""Money on screen in the user's language: ``12,50 €`` in French, ``€12.50`` in English.

Built from integer cents with QLocale's separators, never through a float.
"""

from __future__ import annotations

from pos.domain.vat import rate_label
from pos.ui.qt import QLocale


def format_money(cents: int, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    number = f"{locale.toString(euros)}{locale.decimalPoint()}{rest:02d}"
    if locale.language() == QLocale.Language.French:
        return f"{sign}{number}\u00a0€"
    return f"{sign}€{number}"


def format_rate(vat_bp: int, locale: QLocale | None = None) -> str:
    """A VAT rate in the user's language: ``5,5 %`` in French, ``5.5%`` in English."""
    locale = locale or QLocale()
    return rate_label(vat_bp, "fr" if locale.language() == QLocale.Language.French else "en")
