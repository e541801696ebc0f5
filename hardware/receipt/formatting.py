"""French number and date formats for receipts: ``1 234,50``, ``25/11/2026 10:42``.

Plain ASCII spaces are used as thousands separators: the narrow no-break space Python or
ICU would pick is in no printer code page, and a receipt column must count one character
per printed cell.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

#: The shop's legal time zone: receipts show local time, the journal keeps UTC.
SHOP_TIME_ZONE = ZoneInfo("Europe/Paris")


def format_cents(cents: int) -> str:
    """``-123450`` -> ``"-1 234,50"``: comma decimals, space-grouped thousands."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros:,}".replace(",", " ") + f",{rest:02d}"


def format_money(cents: int, currency: str = "€") -> str:
    """``1250`` -> ``"12,50 €"`` (the symbol after the amount, as written in France)."""
    return f"{format_cents(cents)} {currency}"


def local_time_text(iso_utc: str) -> str:
    """``"2026-11-25T09:42:00Z"`` -> ``"25/11/2026 10:42"`` in the shop's time zone."""
    instant = datetime.fromisoformat(iso_utc)
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(SHOP_TIME_ZONE).strftime("%d/%m/%Y %H:%M")
