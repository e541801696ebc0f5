"""Quick keys: the demo's grid, who may change it, and what a key shows when its article
leaves the catalog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pos.domain.errors import PosError
from pos.domain.product import SoldBy
from pos.domain.rights import Actor, RightRefused, Role
from pos.services.checkout import Checkout
from pos.services.demo_store import build_demo_store
from pos.services.quick_keys import KeySpec, QuickKeys, needs_weight
from pos.store.local_store import LocalStore
from tests.support.staff import CAMILLE

MANAGER = Actor("s-ines", "Inès", Role.MANAGER)
CASHIER = Actor("s-cam", "Camille", Role.CASHIER)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("quick") / "store.db"
    with LocalStore(path) as store:
        build_demo_store(store, products=800, days=1, today=date(2026, 12, 6))
    return path


@pytest.fixture
def store(demo_db: Path, tmp_path: Path) -> LocalStore:
    copy = tmp_path / "store.db"
    copy.write_bytes(demo_db.read_bytes())
    with LocalStore(copy) as opened:
        yield opened


def test_the_demo_grid_has_loose_produce_that_asks_for_a_weight(store: LocalStore) -> None:
    pages = QuickKeys(store).pages()
    assert [page.name for page in pages] == ["Fruits et légumes", "Coupe", "Boulangerie"]
    produce = pages[0].keys
    assert produce and all(needs_weight(key) for key in produce)
    assert all(key.product.sold_by is SoldBy.UNIT for key in pages[2].keys)
    # A key rings its article up as a scan would: by weight, in grams.
    checkout = Checkout(store, terminal_id="T01", actor=CAMILLE)
    line = checkout.add_product(produce[0].product.id, 1250)
    assert line.quantity == 1250 and checkout.totals().total_cents > 0
    checkout.close()


def test_a_cashier_may_not_change_the_grid_a_manager_may(store: LocalStore) -> None:
    keys = QuickKeys(store)
    before = keys.pages()
    sku = before[2].keys[0].sku
    with pytest.raises(RightRefused):
        keys.set_pages(CASHIER, [("Sacs", [KeySpec(sku)])])
    assert keys.pages() == before
    keys.set_pages(MANAGER, [("Pain", [None, KeySpec(sku, "  Baguette  ")])])
    (page,) = keys.pages()
    assert page.name == "Pain"
    assert [(key.position, key.label) for key in page.keys] == [(1, "Baguette")]
    by = store.conn.execute("SELECT DISTINCT set_by FROM quick_keys").fetchall()
    assert by == [("s-ines",)]


def test_an_unknown_article_is_refused_and_the_grid_is_left_as_it_was(store: LocalStore) -> None:
    keys = QuickKeys(store)
    before = keys.pages()
    good = before[0].keys[0].sku
    with pytest.raises(PosError) as refused:
        keys.set_pages(MANAGER, [("Fruits", [KeySpec(good), KeySpec("SKU-NOPE")])])
    assert refused.value.code == "unknown_product"
    assert keys.pages() == before


def test_a_key_whose_article_left_the_catalog_stays_and_says_so(store: LocalStore) -> None:
    keys = QuickKeys(store)
    gone = keys.pages()[2].keys[0]
    store.conn.execute("UPDATE products SET active = 0 WHERE sku = ?", (gone.sku,))
    after = keys.pages()[2].keys[0]
    assert after.sku == gone.sku and after.product is None
    assert after.label == gone.label  # the name it had, not a bare SKU
