"""Online carts: priced with promotions, loaded by code at the till, converted once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.contract import Cart
from tests.central.conftest import LYON, PARIS
from tests.support.central_server import CentralServer

PROMO_SKU, PLAIN_SKU, WEIGHT_SKU = "SKU0000152", "SKU0000153", "SKU0000203"  # 203: per kg


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    path: Path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=300) as server:
        now = datetime.now(UTC)
        server.put_promotion(101, [PROMO_SKU, WEIGHT_SKU], kind="percent", value=2500)  # -25 %
        server.put_promotion(102, [PROMO_SKU], kind="amount_off", value=50)  # smaller: unused
        server.put_promotion(  # larger, but over
            103, [PROMO_SKU], kind="amount_off", value=900,
            starts_at=_iso(now - timedelta(days=9)), ends_at=_iso(now - timedelta(days=1)),
        )  # fmt: skip
        server.put_promotion(104, [PROMO_SKU], kind="percent", value=9000, active=False)
        yield server


@pytest.fixture(scope="module")
def till(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, "C1")) as client:
        yield client


def _price(till: httpx.Client, sku: str) -> int:
    page = till.get(f"/v1/stores/{LYON}/feeds/catalog", params={"limit": 5000}).json()
    return int(next(item["price_cents"] for item in page["items"] if item["sku"] == sku))


def _get(till: httpx.Client, text: str) -> httpx.Response:
    return till.get(f"/v1/stores/{LYON}/carts/{text}")


def _convert(till: httpx.Client, text: str, sale_id: str) -> httpx.Response:
    return till.post(f"/v1/stores/{LYON}/carts/{text}/convert", json={"sale_id": sale_id})


def _error(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def test_a_cart_is_priced_with_the_best_active_promotion(
    central: CentralServer, till: httpx.Client
) -> None:
    lines = [(PROMO_SKU, 2), (PLAIN_SKU, 1), (PROMO_SKU, 1), (WEIGHT_SKU, 250)]  # 250 g
    response = central.web(
        "POST", "/v1/web/carts", {"lines": [{"sku": s, "quantity": q} for s, q in lines]}
    )
    assert response.status_code == 201
    cart = Cart.model_validate_json(response.content)
    promo, plain, weighed = cart.lines  # one line per SKU, in first-seen order
    list_price = _price(till, PROMO_SKU)
    off = (3 * list_price * 2500 + 5000) // 10000  # 25 % of the line, rounded half up
    assert (promo.sku, promo.quantity, promo.list_price_cents) == (PROMO_SKU, 3, list_price)
    assert promo.unit_price_cents == list_price  # contract v2: the discount is listed
    assert promo.promotion is not None and promo.promotion.id == 101
    assert [(p.promotion_id, p.discount_cents) for p in promo.promotions] == [(101, off)]
    assert (promo.discount_cents, promo.total_cents) == (off, 3 * list_price - off)
    assert plain.promotion is None and plain.promotions == []
    assert (plain.unit_price_cents, plain.discount_cents) == (_price(till, PLAIN_SKU), 0)
    per_kg = _price(till, WEIGHT_SKU)
    gross = (per_kg * 250 + 500) // 1000  # the till's grams rule
    assert (weighed.sold_by, weighed.unit_price_cents) == ("weight", per_kg)
    assert weighed.total_cents == gross - (gross * 2500 + 5000) // 10000
    assert cart.total_cents == sum(line.total_cents for line in cart.lines)
    assert cart.discount_cents == sum(line.discount_cents for line in cart.lines)
    assert cart.qr_text == f"CMPT-CART:{cart.code}" and cart.state == "open"


def test_the_till_loads_the_online_prices_even_after_the_promotion_ends(
    central: CentralServer, till: httpx.Client
) -> None:
    made = central.put_cart({PROMO_SKU: 1}, store_id=LYON)
    central.put_promotion(105, [PLAIN_SKU], value=1000)
    central.put_promotion(105, [PLAIN_SKU], value=1000, active=False)  # came and went
    for text in (made["code"], made["code"].replace("-", "").lower(), made["qr_text"]):
        response = _get(till, text)
        assert response.status_code == 200, text
        assert response.json() == made


def test_a_cart_converts_once(central: CentralServer, till: httpx.Client) -> None:
    code = central.put_cart({PLAIN_SKU: 2})["code"]
    first = _convert(till, code, "S-C1-000001")
    assert first.status_code == 200
    converted = first.json()
    assert (converted["state"], converted["sale_id"]) == ("converted", "S-C1-000001")
    assert (converted["converted_store_id"], converted["converted_terminal_id"]) == (LYON, "C1")
    again = _convert(till, code, "S-C1-000001")  # a retry after a timeout
    assert (again.status_code, again.json()) == (200, converted)
    other = _convert(till, code, "S-C1-000002")
    assert _error(other) == (409, "cart_converted")
    assert "S-C1-000001" in other.json()["error"]["message"]
    assert _error(_get(till, code)) == (410, "cart_converted")
    update = central.web("POST", "/v1/web/carts", {"cart_id": converted["cart_id"],
                         "lines": [{"sku": PLAIN_SKU, "quantity": 1}]})  # fmt: skip
    assert _error(update) == (409, "cart_converted")


def test_an_expired_cart_is_gone(central: CentralServer, till: httpx.Client) -> None:
    expires = _iso(datetime.now(UTC) + timedelta(milliseconds=400))
    code = central.put_cart({PLAIN_SKU: 1}, expires_at=expires)["code"]
    assert _get(till, code).status_code == 200
    time.sleep(0.5)
    assert _error(_get(till, code)) == (410, "cart_expired")
    assert _error(_convert(till, code, "S-C1-000003")) == (410, "cart_expired")


def test_unknown_and_forged_codes_are_404(central: CentralServer, till: httpx.Client) -> None:
    code = central.put_cart({PLAIN_SKU: 1})["code"]
    forged = code[:-1] + ("0" if code[-1] != "0" else "1")
    for text in (forged, f"CMPT-CART:{forged}", "nonsense", "CMPT-PU:x:" + code):
        assert _error(_get(till, text)) == (404, "not_found"), text
    assert _error(_convert(till, forged, "S-C1-000004")) == (404, "not_found")


def test_any_store_may_load_a_cart_but_only_with_its_own_token(
    central: CentralServer, till: httpx.Client
) -> None:
    code = central.put_cart({PLAIN_SKU: 1}, store_id=LYON)["code"]
    with central.client(central.enrol(PARIS, "C9")) as paris:
        assert paris.get(f"/v1/stores/{PARIS}/carts/{code}").status_code == 200
        assert paris.get(f"/v1/stores/{LYON}/carts/{code}").status_code == 403
    assert httpx.get(f"{central.url}/v1/stores/{LYON}/carts/{code}").status_code == 401


def test_a_cart_replaced_by_id_keeps_its_code(central: CentralServer) -> None:
    first = central.put_cart({PLAIN_SKU: 1}, cart_id="web-cart-7")
    second = central.put_cart({PLAIN_SKU: 4}, cart_id="web-cart-7")
    assert (second["code"], second["created_at"]) == (first["code"], first["created_at"])
    assert [line["quantity"] for line in second["lines"]] == [4]


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"expires_at": "2020-01-01T00:00:00Z"}, 400),
        ({"expires_at": "2999-01-01T00:00:00Z"}, 400),
        ({"customer_id": "nobody"}, 404),
        ({"store_id": "nowhere"}, 404),
        ({"lines": [{"sku": "NOPE", "quantity": 1}]}, 404),
        ({"lines": [{"sku": PLAIN_SKU, "quantity": 0}]}, 400),
        ({"lines": [{"sku": PLAIN_SKU, "quantity": 10_000_000}]}, 400),  # over the ticket
    ],
)
def test_a_bad_cart_is_refused(central: CentralServer, change: dict[str, Any], status: int) -> None:
    body = {"lines": [{"sku": PLAIN_SKU, "quantity": 1}]} | change
    assert central.web("POST", "/v1/web/carts", body).status_code == status
