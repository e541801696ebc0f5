"""French VAT on VAT-inclusive prices: the per-rate table printed on every ticket.

Prices are TTC. For each rate the ticket's TTC is summed first, then split into HT and
TVA once (HT = TTC / (1 + rate), rounded half up to the cent; TVA = TTC − HT). Splitting
per rate rather than per line means the table always adds up exactly to the ticket's
total, and never shows a one-cent drift between lines and totals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pos.domain.errors import PosError
from pos.domain.money import mul_div_half_up
from pos.domain.sale import VatLine

#: French rates in basis points: normal, intermediate, reduced, super-reduced.
FRENCH_RATES: Mapping[int, str] = {2000: "20 %", 1000: "10 %", 550: "5,5 %", 210: "2,1 %"}


def check_rate(vat_bp: int, allowed: Iterable[int] = FRENCH_RATES) -> int:
    """Refuse a VAT rate this store is not configured for (a catalog or typing error)."""
    if vat_bp not in set(allowed):
        raise PosError(
            f"The VAT rate {rate_label(vat_bp, 'en')} is not one of this store's rates.",
            code="unknown_vat_rate",
            vat_bp=vat_bp,
        )
    return vat_bp


def split_ttc(total_cents: int, vat_bp: int) -> VatLine:
    """Split one rate's TTC amount into HT and TVA; HT + TVA == TTC exactly. Integer
    arithmetic (the rounding ``Decimal`` gave, a tenth of its cost: a scan splits
    every rate of the ticket again)."""
    base = mul_div_half_up(total_cents, 10000, 10000 + vat_bp)
    return VatLine(vat_bp, base, total_cents - base, total_cents)


def vat_breakdown(amounts: Iterable[tuple[int, int]]) -> tuple[VatLine, ...]:
    """Per-rate table from ``(vat_bp, ttc_cents)`` pairs, highest rate first."""
    per_rate: dict[int, int] = {}
    for vat_bp, cents in amounts:
        per_rate[vat_bp] = per_rate.get(vat_bp, 0) + cents
    return tuple(split_ttc(per_rate[bp], bp) for bp in sorted(per_rate, reverse=True))


#: Bound of the rows ``vat_table`` keeps (a till's tickets repeat few amounts per rate).
_SPLITS_LIMIT = 4096
_splits: dict[tuple[int, int], VatLine] = {}


def vat_table(per_rate: Mapping[int, int]) -> tuple[VatLine, ...]:
    """``vat_breakdown(per_rate.items())`` of amounts already summed per rate. A scan
    changes one or two rates' amounts: each (rate, amount) row is split once and kept
    (a pure function of its key, so threads sharing the memo cannot be misled; it is
    cleared whole at its bound), the other rates' rows are the same objects again."""
    rows = []
    for vat_bp in sorted(per_rate, reverse=True):
        key = (vat_bp, per_rate[vat_bp])
        row = _splits.get(key)
        if row is None:
            if len(_splits) >= _SPLITS_LIMIT:
                _splits.clear()
            row = _splits[key] = split_ttc(key[1], vat_bp)
        rows.append(row)
    return tuple(rows)


def rate_label(vat_bp: int, language: str = "fr") -> str:
    """How a rate reads on a ticket: "5,5 %" in French, "5.5%" in English.

    Integer arithmetic only: 550 basis points is 5 and 50 hundredths, trailing zeros go."""
    whole, hundredths = divmod(vat_bp, 100)
    text = str(whole)
    if hundredths:
        text += ("." if language == "en" else ",") + f"{hundredths:02d}".rstrip("0")
    return f"{text}%" if language == "en" else f"{text} %"
