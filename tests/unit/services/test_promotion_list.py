"""The till's "Promotions" list (issue 15): what it applies today at this store, and the
platform's promotions it does not apply, with why, as the feed brought them (Medusa's
mapping, real till file)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pos.services.demo_store import build_demo_store
from pos.services.promotion_list import PromotionList
from pos.store import promotion_feed
from pos.store.local_store import LocalStore
from sync.contract import PromotionItem
from sync.medusa.promotions import TargetNames, map_promotion

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def _medusa_row(code: str, **changes: object) -> dict:
    row = {
        "id": f"promo_{code}", "code": code, "is_automatic": True, "is_tax_inclusive": False,
        "status": "active", "type": "standard", "limit": None, "updated_at": NOW.isoformat(),
        "deleted_at": None, "campaign": None, "rules": [],
        "application_method": {"type": "percentage", "target_type": "items",
                               "allocation": "each", "value": 10, "target_rules": []},
    }  # fmt: skip
    row.update(changes)
    return row


def _item(**fields: object) -> PromotionItem:
    base = {"kind": "percent", "value": 1000, "everything": True, "version": 9,
            "starts_at": "2026-01-01T00:00:00Z", "ends_at": "2027-01-01T00:00:00Z",
            "active": True}  # fmt: skip
    return PromotionItem(**{**base, **fields})


def test_in_force_today_and_what_the_platform_offers_that_the_till_does_not(
    tmp_path: Path,
) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        build_demo_store(store, products=200, days=1, today=date(2026, 12, 6))
        limited, _ = map_promotion(_medusa_row("WEB-10", limit=100), TargetNames())
        shipping, _ = map_promotion(
            _medusa_row("LIVRAISON", application_method={
                "type": "percentage", "target_type": "shipping_methods", "allocation": "each",
                "value": 100, "target_rules": []}),
            TargetNames(),
        )  # fmt: skip
        promotion_feed.apply_page(store.conn, [
            limited, shipping,
            _item(id=900, name="Ended", ends_at="2026-12-01T00:00:00Z"),
            _item(id=901, name="Another store", stores=["paris-nation"]),
            _item(id=902, name="Web only", channels=["web"]),
            _item(id=903, name="With a code", coupon_code="NOEL"),
        ], "c1")  # fmt: skip

    today = PromotionList(tmp_path).today(NOW)
    names = [p.name for p in today.in_force]
    assert "With a code" in names and "3 pour 2 sur les yaourts" in names
    assert not {"Ended", "Another store", "Web only", "WEB-10", "LIVRAISON"} & set(names)
    assert [p.ends_at for p in today.in_force] == sorted(p.ends_at for p in today.in_force)
    assert [(n.name, n.code) for n in today.not_applied] == [
        ("LIVRAISON", "shipping"), ("WEB-10", "usage_limit"),
    ]  # fmt: skip
    assert "usage limit" in today.not_applied[1].reason and today.skipped == ()
    assert today.backend == ""  # a demo till, never enrolled


def test_a_promotion_applied_again_leaves_the_list(tmp_path: Path) -> None:
    """Once Medusa's promotion is changed into one the engine can price, the next feed
    page brings it applied: it leaves "not applied" and is in force."""
    with LocalStore(tmp_path / "store.db") as store:
        build_demo_store(store, products=200, days=1, today=date(2026, 12, 6))
        limited, _ = map_promotion(_medusa_row("WEB-10", limit=100), TargetNames())
        promotion_feed.apply_page(store.conn, [limited], "c1")
        fixed, why = map_promotion(_medusa_row("WEB-10"), TargetNames())
        assert why is None
        promotion_feed.apply_page(store.conn, [fixed], "c2")
    today = PromotionList(tmp_path).today(NOW)
    assert today.not_applied == () and "WEB-10" in [p.name for p in today.in_force]
