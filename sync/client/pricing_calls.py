"""The till's quote call of API v1 (issue 15): central's price for a basket, computed by
the same promotion engine as the till's (``POST /v1/stores/{store_id}/pricing``).

Failures are the port's: ``CentralUnavailable`` (offline, timeout, 5xx: the till keeps
its own price) or ``CentralRejected`` (``not_found`` for an unknown SKU, ``conflict`` for
one no longer sold, ``bad_request``). A quote changes nothing: retrying is always safe.
"""

from __future__ import annotations

from collections.abc import Iterable

from sync.client.wire import Wire, parse
from sync.contract.pricing import LineRequest, Quote, QuoteRequest

#: 200 lines with a few promotions each: ~1 KB a line at most.
QUOTE_REPLY_BYTES = 512 * 1024


class HttpPricingCalls:
    """The quote for one terminal of one store; the owner sets ``_wire`` and
    ``_store_path`` (``/v1/stores/<store_id>``)."""

    _wire: Wire
    _store_path: str

    def price_basket(
        self,
        lines: Iterable[tuple[str, int]],
        *,
        customer_id: str | None = None,
        coupons: Iterable[str] = (),
        channel: str = "store",
    ) -> Quote:
        """Central's price for ``(sku, quantity)`` lines (grams for goods sold by weight),
        in this terminal's store; lines stay as given (not merged)."""
        request = QuoteRequest.model_validate(
            {
                "lines": [LineRequest(sku=sku, quantity=q).model_dump() for sku, q in lines],
                "customer_id": customer_id,
                "coupons": list(coupons),
                "channel": channel,
            }
        )
        body = request.model_dump_json().encode("utf-8")
        data = self._wire.call(
            "POST", f"{self._store_path}/pricing", body=body, max_bytes=QUOTE_REPLY_BYTES
        )
        return parse(Quote, data, "a quote")
