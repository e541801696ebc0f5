"""The coupon desk on a real till file (issue 15): a shared code from the promotions feed
is accepted with no central at all and gives the token the engine matches; its window,
store and state are checked here; any other code needs central, and says so offline."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from typing import Any

import pytest

from pos.domain.errors import PosError
from pos.domain.promotions import PricingContext, PricingLine
from pos.services.coupons import AppliedCoupon, CouponDesk
from pos.store import coupon_releases, promotion_feed
from pos.store.local_store import LocalStore
from pos.store.promotion_book import load_book
from sync.client import HttpCentral
from sync.contract.feeds import PromotionItem
from sync.medusa.coupons import MedusaCouponCalls

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
STORE = "lyon-part-dieu"


def _promotion(promotion_id: int, code: str, **fields: Any) -> PromotionItem:
    return PromotionItem(
        **{
            "id": promotion_id,
            "name": f"Bon {code}",
            "kind": "percent",
            "value": 1000,
            "skus": ["SKU-A"],
            "starts_at": "2026-01-01T00:00:00.000Z",
            "ends_at": "2027-01-01T00:00:00.000Z",
            "active": True,
            "version": promotion_id,
            "coupon_code": code,
        }
        | fields
    )


@pytest.fixture
def desk(store: LocalStore) -> CouponDesk:
    promotion_feed.apply_page(
        store.conn,
        [
            _promotion(1, "BIENVENUE-10"),
            _promotion(2, "FINI", ends_at="2026-06-01T00:00:00.000Z"),
            _promotion(
                3,
                "BIENTOT",
                starts_at="2027-01-01T00:00:00.000Z",
                ends_at="2027-02-01T00:00:00.000Z",
            ),
            _promotion(4, "PARIS", stores=["paris-rivoli"]),
            _promotion(5, "ARRETE", active=False),
            _promotion(6, "WEB", channels=["web"]),
        ],
        "c1",
    )
    return CouponDesk(store.conn, STORE, None, clock=lambda: NOW)


def _code(desk: CouponDesk, code: str) -> str:
    with pytest.raises(PosError) as refused:
        desk.apply(code, "sale-1")
    return refused.value.code


def test_a_shared_code_is_accepted_offline_and_prices_its_promotion(
    desk: CouponDesk, store: LocalStore
) -> None:
    applied = desk.apply(" bienvenue-10", "sale-1")
    assert applied == AppliedCoupon("BIENVENUE10", 1, "Bon BIENVENUE-10", "BIENVENUE-10", False)
    line = PricingLine(1, "SKU-A", 1000, 2, 2000, "", "", False, True)
    book = load_book(store.conn).book
    without = book.evaluate([line], PricingContext(now=NOW, store_id=STORE))
    coupons = frozenset({applied.token})
    with_it = book.evaluate([line], PricingContext(now=NOW, store_id=STORE, coupons=coupons))
    assert (without.saved_cents, with_it.saved_cents) == (0, 200)
    desk.remove(applied, "sale-1")  # a shared code holds nothing centrally
    assert coupon_releases.due(store.conn) == []


def test_a_shared_codes_window_store_and_state_are_checked_at_the_till(
    desk: CouponDesk,
) -> None:
    assert _code(desk, "fini") == "coupon_expired"
    assert _code(desk, "bientot") == "coupon_not_started"
    assert _code(desk, "paris") == "coupon_other_store"
    assert _code(desk, "arrete") == "coupon_expired"
    assert _code(desk, "web") == "coupon_other_store"  # a web-only promotion
    assert _code(desk, " - ") == "coupon_empty"


def test_any_other_code_needs_central_and_says_so_offline(store: LocalStore) -> None:
    assert _code(CouponDesk(store.conn, STORE, None), "K7QX3M9PRT") == "coupon_needs_central"
    with socket.socket() as probe:  # a port nothing listens on: central is unreachable
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    calls = HttpCentral(f"http://127.0.0.1:{port}", STORE, "T01", "token", deadline_s=2.0)
    try:
        desk = CouponDesk(store.conn, STORE, calls)
        with pytest.raises(PosError) as refused:
            desk.apply("K7QX3M9PRT", "sale-1")
        assert refused.value.code == "coupon_needs_central"
        assert "try again when online" in refused.value.message
        applied = AppliedCoupon("K7QX3M9PRT", 9, "Bon", "#9", True)
        desk.remove(applied, "sale-1")  # central away: the release waits in the file
        assert coupon_releases.due(store.conn) == [("sale-1", "K7QX3M9PRT")]
    finally:
        calls.close()


def test_on_medusa_single_use_codes_need_the_reference_server(store: LocalStore) -> None:
    """Medusa's adapter answers reservations ``not_supported`` (``sync/medusa/NOTES.md``):
    the till says so, and a release queued for it is settled at once."""
    desk = CouponDesk(store.conn, STORE, MedusaCouponCalls())
    with pytest.raises(PosError) as refused:
        desk.apply("K7QX3M9PRT", "sale-1")
    assert refused.value.code == "coupon_needs_reference_server"
    desk.remove(AppliedCoupon("K7QX3M9PRT", 9, "Bon", "#9", True), "sale-1")
    assert coupon_releases.due(store.conn) == []
