"""The quote endpoint (``POST /v1/stores/{store}/pricing``) and web carts, priced by the
shared engine over the demo promotions (``resources/demo/promotions.json``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pos.domain.vat import vat_breakdown
from sync.client import HttpCentral
from sync.contract.pricing import Quote
from tests.central.conftest import LYON, PARIS
from tests.support.central_server import CentralServer

YAOURT, CROISSANT, JUS, PULL = "SKU0000015", "SKU0000249", "SKU0000393", "SKU0000033"
YAOURT_CENTS, CROISSANT_CENTS, JUS_CENTS, PULL_CENTS = 279, 529, 359, 5995
# Demo promotion ids: 1 "3 pour 2 sur les yaourts" (store), 7 -5 % with a customer
# (store), 8 BIENVENUE -5 € (store and web), 9 -30 % textile exclusive (store), 14 -10 %
# jus (store and web), 15 -15 % croissants in Paris only, 19 -40 % textile (ended).


@pytest.fixture(scope="module")
def lyon(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, "Q1")) as client:
        yield client


def quote(client: httpx.Client, store: str, lines: dict[str, int], **fields: Any) -> Quote:
    body = {"lines": [{"sku": sku, "quantity": q} for sku, q in lines.items()], **fields}
    response = client.post(f"/v1/stores/{store}/pricing", json=body)
    assert response.status_code == 200, response.text
    return Quote.model_validate_json(response.content)


def applied(priced: Quote) -> list[list[tuple[int, int]]]:
    return [[(p.promotion_id, p.discount_cents) for p in line.promotions] for line in priced.lines]


def test_a_quote_prices_item_and_basket_promotions(lyon: httpx.Client) -> None:
    priced = quote(lyon, LYON, {YAOURT: 3, JUS: 1}, coupons=["bienvenue"])
    gross = 3 * YAOURT_CENTS + JUS_CENTS
    jus_off = (JUS_CENTS * 1000 + 5000) // 10_000
    left = gross - YAOURT_CENTS - jus_off  # 3 pour 2, -10 % jus: 500 of what is left
    yaourt_share = (2 * YAOURT_CENTS * 500 * 2 + left) // (2 * left)  # in proportion
    assert applied(priced) == [
        [(1, YAOURT_CENTS), (8, yaourt_share)],
        [(14, jus_off), (8, 500 - yaourt_share)],
    ]
    assert [(b.promotion_id, b.discount_cents) for b in priced.basket_promotions] == [(8, 500)]
    assert priced.discount_cents == YAOURT_CENTS + jus_off + 500
    assert priced.total_cents == gross - priced.discount_cents
    for line in priced.lines:
        assert line.unit_price_cents == line.list_price_cents
        assert line.total_cents == line.list_price_cents * line.quantity - line.discount_cents
    assert [(v.vat_bp, v.base_cents, v.vat_cents, v.total_cents) for v in priced.vat] == [
        (v.vat_bp, v.base_cents, v.vat_cents, v.total_cents)
        for v in vat_breakdown([(550, priced.total_cents)])
    ]


def test_a_customer_a_store_and_a_channel_change_the_price(
    central: CentralServer, lyon: httpx.Client
) -> None:
    basket = {YAOURT: 3, CROISSANT: 1}
    plain = quote(lyon, LYON, basket, coupons=["NOPE"])  # an unknown code: ignored
    assert applied(plain) == [[(1, YAOURT_CENTS)], []]
    with_customer = quote(lyon, LYON, basket, customer_id="C0001")
    assert [b.promotion_id for b in with_customer.basket_promotions] == [7]  # -5 % with a card
    online = quote(lyon, LYON, basket, channel="web")  # the yaourts' offer is in store only
    assert (online.discount_cents, online.total_cents) == (0, 3 * YAOURT_CENTS + CROISSANT_CENTS)
    with central.client(central.enrol(PARIS, "Q2")) as paris:
        in_paris = quote(paris, PARIS, basket)
    assert applied(in_paris)[1] == [(15, (CROISSANT_CENTS * 1500 + 5000) // 10_000)]


def test_an_exclusive_promotion_is_alone_and_an_ended_one_is_gone(lyon: httpx.Client) -> None:
    priced = quote(lyon, LYON, {PULL: 1, YAOURT: 3})
    # -30 % on the pull (1799) beats 3 pour 2 (279) and -10 € dès 50 € (1000) together.
    assert applied(priced) == [[(9, (PULL_CENTS * 3000 + 5000) // 10_000)], []]
    assert priced.basket_promotions == []


def test_a_quote_follows_the_operators_changes(central: CentralServer, lyon: httpx.Client) -> None:
    sku = "SKU0000020"
    assert quote(lyon, LYON, {sku: 2}).discount_cents == 0
    central.put_promotion(9301, [sku], kind="amount_off", value=100)
    assert applied(quote(lyon, LYON, {sku: 2})) == [[(9301, 200)]]
    central.put_promotion(9301, [sku], kind="amount_off", value=100, active=False)
    assert quote(lyon, LYON, {sku: 2}).discount_cents == 0


def test_a_quote_is_a_terminals_of_that_store(central: CentralServer, lyon: httpx.Client) -> None:
    body = {"lines": [{"sku": YAOURT, "quantity": 1}]}
    assert lyon.post(f"/v1/stores/{PARIS}/pricing", json=body).status_code == 403
    with central.client() as anonymous:
        assert anonymous.post(f"/v1/stores/{LYON}/pricing", json=body).status_code == 401
    unknown = lyon.post(
        f"/v1/stores/{LYON}/pricing", json={"lines": [{"sku": "NOPE1", "quantity": 1}]}
    )
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")
    bad = lyon.post(f"/v1/stores/{LYON}/pricing", json=body | {"channel": "phone"})
    assert bad.status_code == 400


def test_the_tills_client_asks_for_a_quote(central: CentralServer) -> None:
    token = central.enrol(LYON, "Q3")
    calls = HttpCentral(central.url, LYON, "Q3", token)
    try:
        got = calls.price_basket([(YAOURT, 3), (YAOURT, 1)], coupons=["BIENVENUE"])
    finally:
        calls.close()
    assert [line.quantity for line in got.lines] == [3, 1]  # lines stay as given
    assert got.lines[0].promotions[0].promotion_id == 1  # 3 pour 2 over both lines
    assert got.discount_cents == YAOURT_CENTS + 500
    assert got.total_cents == 4 * YAOURT_CENTS - got.discount_cents


def test_a_web_cart_gets_the_web_channels_promotions(central: CentralServer) -> None:
    cart = central.put_cart({YAOURT: 3, JUS: 1}, store_id=LYON)
    yaourt, jus = cart["lines"]
    assert (yaourt["discount_cents"], yaourt["promotions"]) == (0, [])  # in store only
    assert [p["promotion_id"] for p in jus["promotions"]] == [14]
    assert cart["total_cents"] == 3 * YAOURT_CENTS + JUS_CENTS - jus["discount_cents"]
