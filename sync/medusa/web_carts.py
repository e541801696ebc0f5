"""The till's web-cart calls (``pos.services.online_cart.CartCalls``) over Comptoir's
Medusa plugin: a customer's code (``POST /store/comptoir/carts/{id}/code`` from the web
shop) brings the cart in at the prices Medusa computed for it, and converting records the
till sale that charged it, once (``/admin/comptoir/carts/{code}`` and ``.../convert``).

Errors are the reference server's, so the desk tells the cashier the same sentences:
404 ``not_found``, 410 ``cart_expired``, 410/409 ``cart_converted``. A Medusa without the
plugin is ``CentralRejected`` code ``plugin_missing``: there, carts cannot be claimed once.

A line's price is what Medusa charges after its promotions: the line's total over its
quantity. When that does not divide evenly, the line is split in two (all units but one
at the rounded-down price, the last one at the rest), so the till's total is Medusa's.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from sync.client.carts import CART_DEADLINE_S, CART_TIMEOUT
from sync.contract.carts import Cart
from sync.medusa.carts import cart_view
from sync.medusa.checks import plugin_info
from sync.medusa.http import MedusaHttp
from sync.medusa.money import BadAmount
from sync.medusa.settings import MedusaSettings, SettingsError
from sync.medusa.state import AdapterState
from sync.ports import CentralRejected

PLUGIN_MISSING = (
    "Comptoir's plugin is not installed in this Medusa: web carts cannot be claimed at the "
    "till (install comptoir-medusa-plugin, see the README)."
)


class MedusaCarts:
    """``fetch_cart``/``convert_cart`` for one terminal of one store linked to Medusa."""

    def __init__(
        self,
        settings: MedusaSettings,
        *,
        terminal_id: str,
        store_id: str,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._settings = settings
        self._terminal_id = terminal_id
        self._store_id = store_id
        self._http = MedusaHttp.linked(
            settings, timeout=CART_TIMEOUT, deadline_s=CART_DEADLINE_S, transport=transport
        )
        self._state = AdapterState(settings.state_path)
        self._plugin_seen = False

    def __repr__(self) -> str:
        return f"MedusaCarts({self._http!r})"

    def fetch_cart(self, code: str) -> Cart:
        """The cart for a typed code or a scanned cart QR text, at Medusa's prices."""
        self._need_plugin()
        return self._cart(self._http.admin("GET", self._path(code)))

    def convert_cart(self, code: str, sale_id: str) -> Cart:
        """Record that till sale ``sale_id`` charges the cart (idempotent for that sale)."""
        self._need_plugin()
        body = {"sale_id": sale_id, "terminal_id": self._terminal_id or None}
        if self._store_id:
            body["store_id"] = self._store_id
        return self._cart(self._http.admin("POST", f"{self._path(code)}/convert", body=body))

    def close(self) -> None:
        self._http.close()
        self._state.close()

    def __enter__(self) -> MedusaCarts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _path(self, code: str) -> str:
        return f"/admin/comptoir/carts/{quote(code, safe='')}"

    def _need_plugin(self) -> None:
        """Asked once per till session: installing the plugin later needs no new link."""
        if self._plugin_seen:
            return
        try:
            found = plugin_info(self._http)
        except SettingsError as exc:
            raise CentralRejected(str(exc), code="plugin_mismatch") from None
        if found is None:
            raise CentralRejected(PLUGIN_MISSING, code="plugin_missing", http_status=404)
        self._plugin_seen = True

    def _cart(self, data: dict[str, Any]) -> Cart:
        try:
            return self._read(data)
        except (BadAmount, KeyError, TypeError, ValueError, ValidationError) as exc:
            raise CentralRejected(
                f"Medusa's web cart cannot be read by the till ({exc}).", code="bad_reply"
            ) from None

    def _read(self, data: dict[str, Any]) -> Cart:
        medusa = data["cart"]
        currency = str(medusa.get("currency_code") or "")
        if currency and currency != self._settings.currency_code:
            raise CentralRejected(
                f"Cart {data['code']} is in {currency.upper()}, this till sells in "
                f"{self._settings.currency_code.upper()}: scan the items instead.",
                code="wrong_currency",
            )
        view = cart_view(medusa, self._state)
        lines = _exact_lines(view["lines"])
        return Cart.model_validate(
            {
                "cart_id": view["cart_id"],
                "code": data["code"],
                "qr_text": data["qr_text"],
                "state": data["state"],
                "store_id": None,  # any store of the channel may ring it up
                "customer_id": view["customer_id"],
                "lines": lines,
                "total_cents": view["total_cents"],
                "discount_cents": view["discount_cents"],
                "created_at": view["created_at"],
                "updated_at": view["updated_at"],
                "expires_at": data["expires_at"],
                "sale_id": data.get("sale_id"),
                "converted_at": data.get("converted_at"),
                "converted_store_id": data.get("converted_store_id"),
                "converted_terminal_id": data.get("converted_terminal_id"),
            }
        )


def _exact_lines(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Contract lines whose unit prices add up to each Medusa line's total exactly."""
    fields = (
        "line_no", "product_id", "sku", "name", "sold_by", "quantity", "list_price_cents",
        "unit_price_cents", "vat_bp", "promotion", "discount_cents", "total_cents",
    )  # fmt: skip
    exact: list[dict[str, Any]] = []
    for line in lines:
        quantity, total = line["quantity"], line["total_cents"]
        unit, rest = divmod(total, quantity)
        base = {key: line[key] for key in fields}
        if rest == 0:
            exact.append({**base, "line_no": len(exact) + 1, "unit_price_cents": unit})
            continue
        many, last = quantity - 1, unit + rest
        share = line["discount_cents"] * many // quantity
        exact.append(
            {**base, "line_no": len(exact) + 1, "quantity": many, "unit_price_cents": unit,
             "total_cents": unit * many, "discount_cents": share}
        )  # fmt: skip
        exact.append(
            {**base, "line_no": len(exact) + 1, "quantity": 1, "unit_price_cents": last,
             "total_cents": last, "discount_cents": line["discount_cents"] - share}
        )  # fmt: skip
    return exact
