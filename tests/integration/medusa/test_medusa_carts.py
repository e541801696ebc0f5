"""A web cart loaded at the desk, at Medusa's calculated prices, in cents."""

from __future__ import annotations

import pytest

from sync.ports import CentralRejected
from tests.medusa.helpers import catalog_by_sku
from tests.medusa.seed import open_web_cart

pytestmark = pytest.mark.medusa


def test_a_web_cart_comes_at_medusas_calculated_prices(backend, seed):
    catalog = catalog_by_sku(backend)

    cart = backend.fetch_cart(seed.web_cart_id)

    lines = {line["sku"]: line for line in cart["lines"]}
    assert set(lines) == {"THE-VERT-100", "CAFE-250"}
    the = lines["THE-VERT-100"]
    assert (the["quantity"], the["unit_price_cents"], the["total_cents"]) == (2, 299, 598)
    assert the["vat_bp"] == 550
    assert the["product_id"] == catalog["THE-VERT-100"].id  # scannable at the till
    assert lines["CAFE-250"]["unit_price_cents"] == 499
    assert cart["total_cents"] == 2 * 299 + 499
    assert cart["state"] == "open"


def test_an_unrounded_total_is_rounded_once_half_up(backend, seed):
    # 7 x 2.99 at 5.5 % VAT: Medusa's tax total is 1.0909952606635072 (unrounded)
    cart = backend.fetch_cart(open_web_cart(seed, {"THE-VERT-100": 7}))

    assert cart["total_cents"] == 2093
    assert cart["tax_cents"] == 109


def test_an_unknown_cart_is_refused_with_a_reason(backend):
    with pytest.raises(CentralRejected) as refused:
        backend.fetch_cart("cart_01NOPE")

    assert refused.value.http_status == 404
