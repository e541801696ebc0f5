"""Medusa's promotions mapped to contract v2 (``sync.medusa.promotions``), one shape each:
what maps (and to what) and what is refused (and why). The JSON is shaped as Medusa
2.21's ``GET /admin/promotions`` answered in the integration run (ids shortened)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from sync.medusa.promotions import (
    OPEN_END,
    OPEN_START,
    TargetNames,
    map_promotion,
    named_ids,
    promotion_id,
)

STAMP = "2026-12-06T19:26:16.078Z"
NAMES = TargetNames(
    product_skus={"prod_CAFE": ("CAFE-250",), "prod_STYLO": ("STYLO-NOIR", "STYLO-BLEU")},
    variant_skus={"variant_CARNET": "CARNET-A5", "variant_TASSE": "TASSE-BLEUE"},
    type_values={"ptyp_FOOD": "Alimentation"},
)


def rule(attribute: str, *values: str, operator: str = "in") -> dict[str, Any]:
    return {
        "id": "prorul_01", "description": None, "attribute": attribute, "operator": operator,
        "created_at": STAMP, "updated_at": STAMP, "deleted_at": None,
        "values": [
            {"id": "prorulval_01", "value": v, "promotion_rule_id": "prorul_01",
             "created_at": STAMP, "updated_at": STAMP, "deleted_at": None}
            for v in values
        ],
    }  # fmt: skip


def medusa(code: str = "AUTO-CAFE-10", **changes: Any) -> dict[str, Any]:
    """AUTO-CAFE-10 as Medusa lists it; ``changes`` replace promotion fields, and
    ``method`` a dict of application method fields."""
    method = {
        "id": "proappmet_01", "currency_code": "eur", "max_quantity": 9999,
        "apply_to_quantity": None, "buy_rules_min_quantity": None, "type": "percentage",
        "target_type": "items", "allocation": "each",
        "raw_value": {"value": "10", "precision": 20}, "created_at": STAMP,
        "updated_at": STAMP, "deleted_at": None, "promotion_id": "promo_01",
        "target_rules": [rule("items.product.id", "prod_CAFE")], "buy_rules": [], "value": 10,
    }  # fmt: skip
    method.update(changes.pop("method", {}))
    if "value" in method and "raw_value" not in changes.get("method", {}):
        method["raw_value"] = {"value": str(method["value"]), "precision": 20}
    row = {
        "id": f"promo_{code}", "code": code, "is_automatic": True, "is_tax_inclusive": False,
        "status": "active", "type": "standard", "updated_at": STAMP, "created_at": STAMP,
        "deleted_at": None, "limit": None, "used": 0, "campaign_id": None, "campaign": None,
        "application_method": method, "rules": [],
    }  # fmt: skip
    row.update(changes)
    return copy.deepcopy(row)


def mapped(row: dict[str, Any], channel: str = "sc_POS") -> dict[str, Any]:
    item, why = map_promotion(row, NAMES, channel)
    assert why is None, why
    assert item.active
    return item.model_dump()


def refused(row: dict[str, Any]) -> str:
    item, why = map_promotion(row, NAMES, "sc_POS")
    assert why is not None and why.code == row["code"] and why.medusa_id == row["id"]
    assert not item.active and not (item.skus or item.departments or item.everything)
    assert item.id == promotion_id(row["id"])  # the same row the till had: switched off
    assert item.not_applied is not None  # the till shows why it does not apply it
    assert (item.not_applied.code, item.not_applied.reason) == (why.why, why.reason)
    return why.reason


# -- what maps ------------------------------------------------------------------------


def test_an_automatic_item_percentage_on_a_product_is_percent_on_its_skus() -> None:
    item = mapped(medusa())
    assert (item["kind"], item["value"], item["skus"]) == ("percent", 1000, ["CAFE-250"])
    assert item["coupon_code"] == "" and item["name"] == "AUTO-CAFE-10"
    assert (item["starts_at"], item["ends_at"]) == (OPEN_START, OPEN_END)
    assert item["id"] == promotion_id("promo_AUTO-CAFE-10") and item["version"] > 1


def test_a_product_type_is_a_department_and_a_variant_its_sku() -> None:
    food = medusa("FOOD-15", method={"value": 15, "target_rules": [
        rule("items.product.type_id", "ptyp_FOOD")]})  # fmt: skip
    assert mapped(food)["departments"] == ["Alimentation"]
    tasse = medusa(
        "T", method={"target_rules": [rule("items.variant_id", "variant_TASSE", operator="eq")]}
    )
    assert mapped(tasse)["skus"] == ["TASSE-BLEUE"]
    stylo = medusa("S", method={"target_rules": [rule("items.product.id", "prod_STYLO")]})
    assert mapped(stylo)["skus"] == ["STYLO-BLEU", "STYLO-NOIR"]  # every variant
    every = medusa("ALL", method={"target_rules": []})
    assert mapped(every)["everything"] is True


def test_a_tax_inclusive_fixed_amount_with_a_code_is_amount_off_behind_that_code() -> None:
    row = medusa("STYLO-050", is_automatic=False, is_tax_inclusive=True, method={
        "type": "fixed", "value": 0.5,
        "target_rules": [rule("items.variant_id", "variant_TASSE", operator="eq")]})  # fmt: skip
    item = mapped(row)
    assert (item["kind"], item["value"], item["coupon_code"]) == ("amount_off", 50, "STYLO-050")


def test_order_level_promotions_are_stackable_basket_ones_in_medusas_order() -> None:
    order = {"target_type": "order", "allocation": "across", "max_quantity": None,
             "target_rules": []}  # fmt: skip
    percent = mapped(medusa("PANIER-5", is_automatic=False, method={**order, "value": 5}))
    assert (percent["kind"], percent["value"], percent["everything"]) == (
        "basket_percent", 500, True,
    )  # fmt: skip
    fixed = mapped(medusa("MOINS-3", is_automatic=False, is_tax_inclusive=True,
                          method={**order, "type": "fixed", "value": 3}))  # fmt: skip
    assert (fixed["kind"], fixed["value"], fixed["coupon_code"]) == (
        "basket_amount",
        300,
        "MOINS-3",
    )
    # Medusa applies the largest value first: 5 (%) before 3 (EUR), so does the engine.
    assert percent["stackable"] and fixed["stackable"]
    assert percent["priority"] > fixed["priority"]


def test_a_buy_get_on_one_article_is_n_for_m_or_nth_percent() -> None:
    carnet = [rule("items.variant_id", "variant_CARNET", operator="eq")]
    three_for_two = medusa("CARNET-3POUR2", type="buyget", method={
        "value": 100, "buy_rules_min_quantity": 2, "apply_to_quantity": 1,
        "buy_rules": carnet, "target_rules": carnet})  # fmt: skip
    item = mapped(three_for_two)
    assert (item["kind"], item["n"], item["m"], item["skus"]) == ("n_for_m", 3, 2, ["CARNET-A5"])
    second_half = medusa("2E50", type="buyget", method={
        "value": 50, "buy_rules_min_quantity": 1, "apply_to_quantity": 1,
        "buy_rules": carnet, "target_rules": carnet})  # fmt: skip
    item = mapped(second_half)
    assert (item["kind"], item["n"], item["value"]) == ("nth_percent", 2, 5000)


def test_a_campaign_window_a_draft_and_a_deleted_promotion() -> None:
    campaign = {"id": "procamp_01", "name": "Noel", "starts_at": "2026-12-01T00:00:00.000Z",
                "ends_at": "2027-01-01T00:00:00.000Z", "budget": None,
                "updated_at": "2026-12-07T00:00:00.000Z"}  # fmt: skip
    item = mapped(medusa(campaign=campaign))
    assert (item["starts_at"], item["ends_at"]) == (campaign["starts_at"], campaign["ends_at"])
    assert item["version"] == 1_796_601_600_000  # the campaign's edit is the latest
    for off in (medusa(status="draft"), medusa(deleted_at=STAMP), medusa(status="inactive")):
        item, why = map_promotion(off, NAMES, "sc_POS")
        assert why is None and not item.active and item.skus == ["CAFE-250"]


def test_euro_and_the_pos_channel_are_the_tills_own_rules() -> None:
    eur = medusa(rules=[rule("currency_code", "eur", operator="eq")])
    assert mapped(eur)["channels"] == ["store", "web"]
    pos_only = medusa(rules=[rule("sales_channel_id", "sc_POS")])
    assert mapped(pos_only)["channels"] == ["store"]
    both = medusa(rules=[rule("sales_channel_id", "sc_POS", "sc_WEB")])
    assert mapped(both)["channels"] == ["store", "web"]


def test_named_ids_are_looked_up_once_per_page() -> None:
    carnet = [rule("items.variant_id", "variant_CARNET")]
    rows = [
        medusa(),
        medusa("F", method={"target_rules": [rule("items.product.type_id", "ptyp_FOOD")]}),
        medusa("B", type="buyget", method={"buy_rules": carnet, "target_rules": carnet}),
    ]
    assert named_ids(rows) == ({"prod_CAFE"}, {"variant_CARNET"}, {"ptyp_FOOD"})


# -- what is refused, and why ---------------------------------------------------------

REFUSED: dict[str, tuple[dict[str, Any], str]] = {
    "shipping": (
        {"method": {"target_type": "shipping_methods", "value": 100, "max_quantity": 1,
                    "target_rules": []}},
        "shipping",
    ),
    "customer group": (
        {"rules": [rule("customer.groups.id", "cusgroup_01")]}, "customer.groups.id",
    ),
    "fixed before VAT": ({"method": {"type": "fixed", "value": 1}}, "before VAT"),
    "per-line cap": ({"method": {"max_quantity": 5}}, "at most 5 units"),
    "budget": (
        {"campaign": {"id": "procamp_01", "starts_at": None, "ends_at": None,
                      "budget": {"type": "spend", "limit": 1000}}},
        "budget",
    ),
    "usage limit": ({"limit": 100}, "usage limit"),
    "another currency": ({"method": {"currency_code": "usd"}}, "USD"),
    "a category": (
        {"method": {"target_rules": [rule("items.product.categories.id", "pcat_01")]}},
        "catalog does not carry",
    ),
    "two target rules": (
        {"method": {"target_rules": [rule("items.product.id", "prod_CAFE"),
                                     rule("items.product.type_id", "ptyp_FOOD")]}},
        "several target rules",
    ),
    "not in": (
        {"method": {"target_rules": [rule("items.product.id", "prod_CAFE", operator="ne")]}},
        "'ne'",
    ),
    "finer than a basis point": ({"method": {"value": 12.345}}, "basis points"),
    "finer than a cent": (
        {"is_tax_inclusive": True, "method": {"type": "fixed", "value": 0.125}}, "cents",
    ),
    "once allocation": ({"method": {"allocation": "once"}}, "'once'"),
    "another sales channel": ({"rules": [rule("sales_channel_id", "sc_WEB")]}, "sales channel"),
    "buy-get over two articles": (
        {"type": "buyget", "method": {
            "value": 100, "buy_rules_min_quantity": 2, "apply_to_quantity": 1,
            "buy_rules": [rule("items.product.id", "prod_STYLO")],
            "target_rules": [rule("items.product.id", "prod_STYLO")]}},
        "several articles",
    ),
    "buy-get with a fixed amount": (
        {"type": "buyget", "method": {
            "type": "fixed", "value": 1, "buy_rules_min_quantity": 1, "apply_to_quantity": 1,
            "buy_rules": [rule("items.variant_id", "variant_CARNET")],
            "target_rules": [rule("items.variant_id", "variant_CARNET")]}},
        "fixed amount",
    ),
    "buy-get of two units at a partial discount": (
        {"type": "buyget", "method": {
            "value": 50, "buy_rules_min_quantity": 2, "apply_to_quantity": 2,
            "buy_rules": [rule("items.variant_id", "variant_CARNET")],
            "target_rules": [rule("items.variant_id", "variant_CARNET")]}},
        "several units",
    ),
}  # fmt: skip


@pytest.mark.parametrize("shape", sorted(REFUSED))
def test_a_shape_the_engine_cannot_price_as_medusa_is_refused_with_its_reason(shape: str) -> None:
    changes, words = REFUSED[shape]
    assert words in refused(medusa(shape.upper().replace(" ", "-")[:32], **changes))


CODES = {
    "shipping": ("shipping", {}), "customer group": ("cart_rule", {"what": "customer.groups.id"}),
    "fixed before VAT": ("before_vat", {}), "per-line cap": ("unit_cap", {"units": "5"}),
    "budget": ("campaign_budget", {}), "usage limit": ("usage_limit", {}),
    "another currency": ("currency", {"currency": "USD"}),
    "a category": ("target_unknown", {"what": "items.product.categories.id"}),
    "two target rules": ("target_rules", {}), "not in": ("target_operator", {"what": "ne"}),
    "finer than a basis point": ("percentage", {}), "finer than a cent": ("amount", {}),
    "once allocation": ("allocation", {"what": "once / items"}),
    "another sales channel": ("channel", {}), "buy-get over two articles": ("buyget_articles", {}),
    "buy-get with a fixed amount": ("buyget_fixed", {}),
    "buy-get of two units at a partial discount": ("buyget_partial", {}),
}  # fmt: skip


@pytest.mark.parametrize("shape", sorted(REFUSED))
def test_each_refusal_names_its_reason_for_the_till_to_word_it(shape: str) -> None:
    changes, _ = REFUSED[shape]
    item, _why = map_promotion(medusa(shape.upper().replace(" ", "-")[:32], **changes), NAMES,
                               "sc_POS")  # fmt: skip
    assert item.not_applied is not None
    assert (item.not_applied.code, item.not_applied.params) == CODES[shape]
