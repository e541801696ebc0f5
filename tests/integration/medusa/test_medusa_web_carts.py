"""A web cart rung up at a Medusa-linked till by its short code, through Comptoir's plugin:
at the prices Medusa computed, sold once, refused to any other sale."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from pos.cli import run_sync
from pos.domain.errors import PosError
from pos.domain.tenders import TenderKind
from pos.services.central_link import cart_calls, read_link
from pos.services.checkout import Checkout
from pos.services.online_cart import OnlineCarts
from pos.services.store_summary import summarize
from pos.store.local_store import LocalStore
from sync.contract.codes import normalize_code
from sync.medusa.money import to_cents
from sync.medusa.web_carts import MedusaCarts
from sync.ports import CentralRejected
from tests.medusa.helpers import ensure_stock, linked_till
from tests.medusa.seed import MedusaAdmin, MedusaStore, Seed, open_web_cart
from tests.support.staff import a_cashier

pytestmark = pytest.mark.medusa


def web_code(seed: Seed, cart_id: str) -> dict:
    """What the web shop asks the plugin for its customer: the cart's short code."""
    shop = MedusaStore(seed.base_url, seed.web_publishable_key)
    try:
        return shop.post(f"/store/comptoir/carts/{cart_id}/code")
    finally:
        shop.close()


@pytest.fixture(scope="module")
def till_dir(seed: Seed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A till linked to Medusa with the catalog pulled (the cart's products are known)."""
    root = tmp_path_factory.mktemp("medusa-carts")
    till = linked_till(seed, root)
    assert run_sync(till) == 0
    return till


def test_link_medusa_says_the_plugin_and_its_version(
    seed: Seed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    till = linked_till(seed, tmp_path)
    assert "Comptoir's plugin 0.1.0 is installed" in capsys.readouterr().out
    with LocalStore(till / "store.db") as store:
        assert summarize(store, till).medusa_plugin == "0.1.0"


def refused(call, *args) -> PosError:
    with pytest.raises(PosError) as error:
        call(*args)
    return error.value


def test_the_web_shop_gets_one_short_code_per_cart(seed: Seed) -> None:
    cart_id = open_web_cart(seed, {"CAFE-250": 1})
    first, again = web_code(seed, cart_id), web_code(seed, cart_id)
    assert first["code"] == again["code"] == normalize_code(first["code"])
    assert first["qr_text"] == f"CMPT-CART:{first['code']}" and first["state"] == "open"
    other = web_code(seed, open_web_cart(seed, {"CAFE-250": 1}))
    assert other["code"] != first["code"]

    unknown = httpx.post(
        f"{seed.base_url}/store/comptoir/carts/cart_01NOPE/code",
        headers={"x-publishable-api-key": seed.web_publishable_key},
    )
    assert unknown.status_code == 404
    keyless = httpx.post(f"{seed.base_url}/store/comptoir/carts/{cart_id}/code")
    assert keyless.status_code in (400, 401)


def test_a_web_cart_is_sold_once_at_a_medusa_till(seed: Seed, till_dir: Path) -> None:
    code = web_code(seed, open_web_cart(seed, {"THE-VERT-100": 2, "CAFE-250": 1}))["code"]
    with LocalStore(till_dir / "store.db") as store:
        link = read_link(store)
        calls = cart_calls(till_dir, link)
        assert isinstance(calls, MedusaCarts)  # before the plugin: None ("offline")
        carts = OnlineCarts(calls)
        checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))

        loaded = carts.load(checkout, code.lower().replace("-", " "))  # typed loosely

        got = sorted((ln.product.sku, ln.quantity, ln.product.price_cents) for ln in loaded.lines)
        assert got == [("CAFE-250", 1, 499), ("THE-VERT-100", 2, 299)]  # Medusa's prices
        assert checkout.totals().total_cents == loaded.total_cents == 2 * 299 + 499
        checkout.add_tender(TenderKind.CARD, checkout.totals().total_cents)
        sale = checkout.complete()

        # The cart became that sale: any other sale is refused, naming it.
        other = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))
        used = refused(carts.load, other, code)
        assert used.code == "cart_already_used" and sale.sale_id in used.params["detail"]
        with pytest.raises(CentralRejected) as fetched:
            calls.fetch_cart(code)
        assert (fetched.value.http_status, fetched.value.code) == (410, "cart_converted")
        # The same sale asking again (a lost reply) gets the same converted cart.
        again = calls.convert_cart(code, sale.sale_id)
        assert (again.state, again.sale_id, again.converted_terminal_id) == (
            "converted", sale.sale_id, "T01",
        )  # fmt: skip
        with pytest.raises(CentralRejected) as other:
            calls.convert_cart(code, "another-sale-1")
        assert (other.value.http_status, other.value.code) == (409, "cart_converted")
        assert sale.sale_id in other.value.message
        calls.close()


def test_a_web_promotion_is_charged_as_medusa_computed_it(
    seed: Seed, till_dir: Path, admin: MedusaAdmin
) -> None:
    """A promotion code the customer entered online: the till charges Medusa's figure to
    the cent, even when it does not divide by the quantity (the line is split)."""
    admin.post(
        "/admin/promotions",
        {
            "code": "COMPTOIR-WEB-10",
            "type": "standard",
            "status": "active",
            "is_automatic": False,
            "application_method": {
                "type": "percentage", "target_type": "items", "allocation": "each",
                "value": 10, "max_quantity": 100, "currency_code": "eur",
            },
        },
    )  # fmt: skip
    ensure_stock(admin, seed, "THE-VERT-100", 7)
    cart_id = open_web_cart(seed, {"THE-VERT-100": 7})
    shop = MedusaStore(seed.base_url, seed.web_publishable_key)
    try:
        shop.post(f"/store/carts/{cart_id}/promotions", {"promo_codes": ["COMPTOIR-WEB-10"]})
        medusa = shop.get(f"/store/carts/{cart_id}", fields="id,total,discount_total")["cart"]
    finally:
        shop.close()
    assert medusa["discount_total"] > 0
    code = web_code(seed, cart_id)["code"]
    with LocalStore(till_dir / "store.db") as store:
        calls = cart_calls(till_dir, read_link(store))
        checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))
        loaded = OnlineCarts(calls).load(checkout, code)
        calls.close()
    assert checkout.totals().total_cents == loaded.total_cents == to_cents(medusa["total"])
    assert loaded.total_cents < 7 * 299 and loaded.discount_cents > 0
    assert sum(line.quantity for line in loaded.lines) == 7
    assert len(loaded.lines) == (1 if loaded.total_cents % 7 == 0 else 2)  # split to the cent


def test_two_tills_converting_one_cart_at_once_sell_it_once(seed: Seed, till_dir: Path) -> None:
    code = web_code(seed, open_web_cart(seed, {"CAFE-250": 3}))["code"]
    with LocalStore(till_dir / "store.db") as store:
        link = read_link(store)
    tills = [cart_calls(till_dir, link) for _ in range(2)]
    assert all(isinstance(calls, MedusaCarts) for calls in tills)

    def convert(n: int) -> str:
        try:
            return tills[n].convert_cart(code, f"race-sale-{n}").sale_id or ""
        except CentralRejected as exc:
            return exc.code

    with ThreadPoolExecutor(2) as pool:
        answers = sorted(pool.map(convert, range(2)))
    assert answers[0] == "cart_converted" and answers[1].startswith("race-sale-")
    for calls in tills:
        calls.close()


def test_unknown_codes_are_refused_in_the_tills_words(seed: Seed, till_dir: Path) -> None:
    with LocalStore(till_dir / "store.db") as store:
        calls = cart_calls(till_dir, read_link(store))
        checkout = Checkout(store, terminal_id="T01", actor=a_cashier("Inès"))
        assert refused(OnlineCarts(calls).load, checkout, "ZZZZ-ZZZZ").code == "cart_not_found"
        assert checkout.basket.is_empty()
        calls.close()
