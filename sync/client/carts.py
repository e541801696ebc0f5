"""The till's online-cart calls of API v1 (``sync/CONTRACT.md``, "Online carts").

Loading and converting a cart happen while the customer waits at the till, so they go
straight to the central API (not through the outbox) with the same ``Wire`` rules as
every call: explicit timeouts, a reply deadline, the contract's model validating every
reply. Failures are the port's errors: ``CentralUnavailable`` (offline: scan the items)
or ``CentralRejected`` with the API's code (``not_found``, ``cart_expired``,
``cart_converted``) and HTTP status.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from sync.client.wire import Wire, parse
from sync.contract.carts import Cart, CartConvertRequest

#: A customer is waiting: give up sooner than a background pull would.
CART_TIMEOUT = httpx.Timeout(connect=3.0, read=8.0, write=8.0, pool=3.0)
CART_DEADLINE_S = 15.0


class HttpCarts:
    """``fetch_cart``/``convert_cart`` for one terminal of one store."""

    def __init__(
        self,
        base_url: str,
        store_id: str,
        token: str,
        *,
        ca_file: str | Path | None = None,
        timeout: httpx.Timeout = CART_TIMEOUT,
        deadline_s: float = CART_DEADLINE_S,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        options: dict[str, Any] = {"ca_file": ca_file, "transport": transport}
        self._wire = Wire(base_url, token=token, timeout=timeout, deadline_s=deadline_s, **options)
        self._carts = f"/v1/stores/{quote(store_id, safe='')}/carts"

    def __repr__(self) -> str:
        return f"HttpCarts({self._wire!r})"

    def fetch_cart(self, code: str) -> Cart:
        """The cart for a typed code or a scanned cart QR text, at its online prices."""
        data = self._wire.call("GET", f"{self._carts}/{quote(code, safe='')}")
        return parse(Cart, data, "a cart")

    def convert_cart(self, code: str, sale_id: str) -> Cart:
        """Record that sale ``sale_id`` charges the cart (idempotent for that sale)."""
        body = CartConvertRequest(sale_id=sale_id).model_dump_json().encode("utf-8")
        data = self._wire.call("POST", f"{self._carts}/{quote(code, safe='')}/convert", body=body)
        return parse(Cart, data, "a cart")

    def close(self) -> None:
        self._wire.close()

    def __enter__(self) -> HttpCarts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
