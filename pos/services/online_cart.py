"""Online carts at the till: a code or a QR brings a web cart into the open sale, at the
prices the customer was shown online.

The till must be online: a cart lives on the central server (offline, the cashier scans
the items instead). Loading claims the cart for the open sale at once (``convert`` with
the sale's id, which central makes idempotent for that id), so two tills can never both
sell it, and a retry after a lost reply (same sale) simply loads it again. Lines go in
with ``Checkout.add_priced``: each keeps the cart's ``unit_price_cents`` and central's
promotions on it (fixed: the till's engine never reprices a cart line), so a promotion
that has ended since still applies, and the till's arithmetic gives the cart's totals.

No Qt: ``load`` runs on the till's worker thread, with that thread's checkout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from pos.domain.basket import BasketLine
from pos.domain.errors import PosError
from pos.domain.sale import LinePromotion
from pos.services.checkout import Checkout, PricedItem
from pos.store import web_cart_sales
from pos.store.sale_codec import utc_now
from sync.contract.codes import PICKUP_QR_PREFIX, normalize_code, parse_cart_qr
from sync.ports import CentralError, CentralRejected, CentralUnavailable

if TYPE_CHECKING:  # the wire models (pydantic): only named in annotations
    from sync.contract.carts import Cart
    from sync.contract.pricing import LinePromotionWire


class CartCalls(Protocol):
    """The central calls a till makes for carts (``sync.client.carts.HttpCarts``)."""

    def fetch_cart(self, code: str) -> Cart: ...

    def convert_cart(self, code: str, sale_id: str) -> Cart: ...


@dataclass(frozen=True, slots=True)
class LoadedCart:
    """A cart now in the open sale."""

    code: str
    cart_id: str
    sale_id: str
    lines: tuple[BasketLine, ...]
    total_cents: int  # what the cart's lines cost online
    discount_cents: int  # what online promotions took off them


class OnlineCarts:
    """Load carts into a till's open sale. ``central`` is None when the till has no
    link to the central server: every cart is then refused as offline."""

    def __init__(self, central: CartCalls | None) -> None:
        self._central = central
        self._sale_id = ""  # the open sale the carts below were loaded into
        self._loaded: set[str] = set()  # cart ids

    def load(self, checkout: Checkout, text: str) -> LoadedCart:
        """Fetch the cart for a typed code or scanned QR text, claim it for the open sale
        and add its lines at their online prices; PosError (see ``_refused``) if not."""
        code = cart_code(text)
        if checkout.payment.tenders:
            raise PosError(
                "Payments are already taken for this sale: remove them before adding a cart.",
                code="payments_taken",
            )
        if checkout.sale_id != self._sale_id:
            self._sale_id, self._loaded = checkout.sale_id, set()
        cart = self._claim(code, checkout.sale_id)
        if cart.cart_id in self._loaded:
            raise PosError(f"Cart {cart.code} is already in this sale.", code="cart_already_loaded")
        items = _items(checkout, cart)
        lines = checkout.add_priced(items)
        self._loaded.add(cart.cart_id)
        web_cart_sales.mark(checkout.store.conn, checkout.sale_id, cart.cart_id, cart.code,
                            utc_now())  # the dashboard's channel (schema 37)  # fmt: skip
        return LoadedCart(
            cart.code, cart.cart_id, checkout.sale_id, tuple(lines), cart.total_cents,
            cart.discount_cents,
        )  # fmt: skip

    def _claim(self, code: str, sale_id: str) -> Cart:
        """The cart, converted for ``sale_id``: fetched first, so an unknown, expired or
        spent cart is told apart; a cart already ours (a retry) is claimed again."""
        central = self._central
        if central is None:
            raise _offline()
        try:
            try:
                central.fetch_cart(code)
            except CentralRejected as error:
                if error.code != "cart_converted":
                    raise
            return central.convert_cart(code, sale_id)  # ours again, or 409 cart_converted
        except CentralUnavailable:
            raise _offline() from None
        except CentralRejected as error:
            raise _refused(code, error) from None


def cart_code(text: str) -> str:
    """The canonical code of a typed code or scanned cart QR text; PosError if none."""
    text = text.strip()
    code = parse_cart_qr(text) or normalize_code(text)
    if code is not None:
        return code
    if text.startswith(PICKUP_QR_PREFIX):
        raise PosError(
            "This is a click-and-collect order, not a cart: open it at the pickup desk.",
            code="cart_is_pickup",
        )
    raise PosError(
        f"“{text}” is not a cart code: a code reads like K7M2-Q9XD.",
        code="cart_code_unreadable",
    )


def _items(checkout: Checkout, cart: Cart) -> list[PricedItem]:
    """The cart's lines as priced items; refused whole if a product is not in the
    catalog of this till (it cannot be sold here until the catalog has it)."""
    missing = []
    for line in cart.lines:
        product = checkout.store.catalog.get(line.product_id)
        if product is None or product.sku != line.sku:
            missing.append(f"{line.name} ({line.sku})")
    if missing:
        raise PosError(
            f"Not in this till's catalog: {', '.join(missing)}. Sync the till, or sell the "
            "other items by scanning them.",
            code="cart_product_unknown",
            products=missing,
        )
    return [
        PricedItem(ln.product_id, ln.quantity, ln.unit_price_cents, line_promotions(ln.promotions))
        for ln in cart.lines
    ]


def line_promotions(promotions: Sequence[LinePromotionWire]) -> tuple[LinePromotion, ...]:
    """Central's promotions on a line (contract v2), as the till keeps them fixed on it:
    with them, the line's unit price is the list price and they take off the rest."""
    return tuple(LinePromotion(p.promotion_id, p.name, p.discount_cents) for p in promotions)


def _offline() -> PosError:
    return PosError("The cart cannot be fetched offline: scan the items.", code="cart_offline")


def _refused(code: str, error: CentralError) -> PosError:
    if error.code == "not_found":
        return PosError(
            f"There is no cart {code}: check the code with the customer.",
            code="cart_not_found",
        )
    if error.code == "cart_expired":
        return PosError(f"Cart {code} has expired: scan the items instead.", code="cart_expired")
    if error.code == "cart_converted":
        return PosError(
            f"Cart {code} was already used for another sale: scan the items instead.",
            code="cart_already_used",
            detail=error.message,
        )
    if error.code in ("plugin_missing", "plugin_mismatch"):
        return PosError(
            f"Cart {code} cannot be fetched: {error.message}",
            code="cart_needs_plugin",
            detail=error.message,
        )
    return PosError(
        f"The central server refused cart {code}: {error.message}",
        code="cart_refused",
    )
