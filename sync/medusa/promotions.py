"""Medusa's promotions as contract v2 promotions: what the shared engine can price the same.

Medusa computes a cart's adjustments in its promotion module (``computeActions``,
``utils/compute-actions/*``, ``calculateAdjustmentAmountFromPromotion``); the till prices
with ``pos.domain.promotions``. A Medusa promotion is mapped only where the engine's
arithmetic gives Medusa's figure to the cent (per line, rounded half up), and everything
else is refused with its reason (``NotMapped``), never approximated:

==========================================  ==========================================
Medusa                                      contract v2 (``PromotionItem``)
==========================================  ==========================================
standard, items, each, percentage           ``percent`` (value % -> basis points)
standard, items, each, fixed, tax-incl.     ``amount_off`` (value per unit, in cents)
standard, order (or items across), %        ``basket_percent``, stackable
standard, order (or items across), fixed    ``basket_amount``, stackable (tax-inclusive)
buyget on one article, 100 %                ``n_for_m`` (n = buy + get, m = buy)
buyget on one article, get 1 at x %         ``nth_percent`` (n = buy + 1)
target rule on product / variant ids        ``skus`` (the variants' SKUs, as the catalog)
target rule on product type ids             ``departments`` (the type's value)
``code`` (not automatic) / ``is_automatic``   ``coupon_code`` / no code
campaign ``starts_at`` / ``ends_at``          ``starts_at`` / ``ends_at`` (open when absent)
status ``active``                           ``active`` (draft, inactive, deleted: off)
rule ``currency_code`` EUR                  nothing (the till sells in euros)
rule ``sales_channel_id`` with the POS one  ``channels`` (store, and web if others)
==========================================  ==========================================

Not mapped (each with a sentence): shipping promotions (the till ships nothing),
customer or customer-group rules and any other promotion rule (the till cannot judge
them), campaign budgets and usage limits (counted by Medusa as orders are placed),
``max_quantity`` under ``MAX_UNITS`` (a per-line cap the engine has not got), a fixed
amount before VAT (Medusa takes it off the price without VAT: ``amount × (1 + rate)`` off
the till's VAT-inclusive price), the ``once`` allocation, target rules on collections,
categories or tags (not in the till's catalog), more than one target rule, an operator
other than ``in``/``eq``, buy-get promotions on several articles or with a fixed amount,
a percentage finer than a basis point, an amount finer than a cent, another currency.

An unmapped promotion is still sent, switched off (``active: false``, no target), so a
promotion that stops being mappable stops applying at the till. Where a mapped one still
differs (the till rounds each line, Medusa only its total; Medusa stacks item promotions
on one item and orders promotions by raw value): ``NOTES.md``, "Promotions".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from sync.contract import NotApplied, PromotionItem
from sync.medusa.money import BadAmount, decimal_of
from sync.medusa.timestamps import version_of

#: The till's largest unit quantity on a line (``pos.domain.quantity.MAX_UNITS``): a
#: ``max_quantity`` at least this large never caps a till line.
MAX_UNITS = 9_999
#: An open window's ends, as the reference server sends them.
OPEN_START = "1970-01-01T00:00:00Z"
OPEN_END = "9999-12-31T23:59:59Z"

PROMOTION_FIELDS = (
    "id,code,is_automatic,is_tax_inclusive,status,type,limit,updated_at,deleted_at,"
    "*campaign,*campaign.budget,*application_method,*application_method.target_rules,"
    "*application_method.target_rules.values,*application_method.buy_rules,"
    "*application_method.buy_rules.values,*rules,*rules.values"
)
_PRODUCT_ATTRS = frozenset({"items.product.id", "items.product_id", "product.id", "product_id"})
_VARIANT_ATTRS = frozenset({"items.variant_id", "items.variant.id", "variant_id", "variant.id"})
_TYPE_ATTRS = frozenset({"items.product.type_id", "items.product_type_id", "product.type_id"})
_UNKNOWN_TO_TILL = ("collection", "categor", "tag")


class Refused(ValueError):
    """A Medusa promotion the engine cannot price as Medusa does; the message says why,
    ``why`` names the reason for the till to word it (``params``: the words it needs)."""

    def __init__(self, message: str, why: str, **params: str) -> None:
        super().__init__(message)
        self.why, self.params = why, params


@dataclass(frozen=True, slots=True)
class NotMapped:
    """A promotion left out of the till's prices: Medusa's id and code, and why."""

    medusa_id: str
    code: str
    reason: str
    why: str = "contract"
    params: Mapping[str, str] = field(default_factory=dict)

    def not_applied(self) -> NotApplied:
        """What the feed item carries, so the till shows it to the staff."""
        return NotApplied(code=self.why, reason=self.reason[:500],
                          params={k: v[:80] for k, v in self.params.items()})  # fmt: skip


@dataclass(frozen=True, slots=True)
class TargetNames:
    """What target rules name, in the till's words: product ids -> their variants' SKUs,
    variant ids -> SKU, product type ids -> the type's value (the till's department)."""

    product_skus: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    variant_skus: Mapping[str, str] = field(default_factory=dict)
    type_values: Mapping[str, str] = field(default_factory=dict)


def promotion_id(medusa_id: str) -> int:
    """The till's integer id of a Medusa promotion: stable, with no state to keep (56 bits
    of its id's SHA-256; two promotions colliding is a one in 10^16 chance)."""
    digest = hashlib.sha256(medusa_id.encode()).digest()
    return int.from_bytes(digest[:7], "big") or 1


def named_ids(rows: Iterable[Mapping[str, Any]]) -> tuple[set[str], set[str], set[str]]:
    """The product, variant and product type ids the rows' target rules name (to look up
    once per page)."""
    products: set[str] = set()
    variants: set[str] = set()
    types: set[str] = set()
    for row in rows:
        method = row.get("application_method") or {}
        for rule in [*(method.get("target_rules") or []), *(method.get("buy_rules") or [])]:
            attribute, values = rule.get("attribute", ""), _values(rule)
            if attribute in _PRODUCT_ATTRS:
                products.update(values)
            elif attribute in _VARIANT_ATTRS:
                variants.update(values)
            elif attribute in _TYPE_ATTRS:
                types.update(values)
    return products, variants, types


def map_promotion(
    row: Mapping[str, Any], names: TargetNames, pos_channel_id: str = ""
) -> tuple[PromotionItem, NotMapped | None]:
    """The feed item for one Medusa promotion, and the reason when it is not mapped (the
    item is then switched off and targets nothing)."""
    code = str(row.get("code") or "")
    base: dict[str, Any] = {
        "id": promotion_id(str(row["id"])),
        "name": (code or str(row["id"]))[:200],
        "version": version_of(
            row.get("updated_at"),
            (row.get("application_method") or {}).get("updated_at"),
            (row.get("campaign") or {}).get("updated_at"),
        ),
    }
    try:
        fields = _fields(row, names, pos_channel_id)
        item = PromotionItem(**base, **fields)
    except (Refused, BadAmount, ValidationError) as exc:
        why, params = (exc.why, exc.params) if isinstance(exc, Refused) else ("contract", {})
        why = "amount" if isinstance(exc, BadAmount) else why
        refused = NotMapped(str(row["id"]), code, _sentence(exc), why, params)
        off = switched_off(base["id"], base["name"], base["version"])
        return off.model_copy(update={"not_applied": refused.not_applied()}), refused
    return item, None


def switched_off(item_id: int, name: str, version: int) -> PromotionItem:
    """The item that switches a promotion off at the till: it targets nothing."""
    return PromotionItem(
        id=item_id, name=name, kind="percent", value=1, starts_at=OPEN_START, ends_at=OPEN_END,
        active=False, version=version,
    )  # fmt: skip


def _sentence(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"The contract refuses it: {first.get('msg', 'invalid')}."
    return str(exc)


def _fields(row: Mapping[str, Any], names: TargetNames, pos_channel_id: str) -> dict[str, Any]:
    method = row.get("application_method") or {}
    if not method:
        raise Refused("It has no application method.", "no_method")
    currency = method.get("currency_code")
    if currency and str(currency).lower() != "eur":
        raise Refused(f"It is in {str(currency).upper()}; the till sells in euros.", "currency",
                      currency=str(currency).upper())  # fmt: skip
    campaign = row.get("campaign") or {}
    if campaign.get("budget"):
        raise Refused("Its campaign has a budget, which Medusa counts as orders are placed.",
                      "campaign_budget")  # fmt: skip
    if row.get("limit") is not None:
        raise Refused("It has a usage limit, which Medusa counts as orders are placed.",
                      "usage_limit")  # fmt: skip
    fields: dict[str, Any] = {
        "starts_at": campaign.get("starts_at") or OPEN_START,
        "ends_at": campaign.get("ends_at") or OPEN_END,
        "active": row.get("status") == "active" and not row.get("deleted_at"),
        "coupon_code": "" if row.get("is_automatic") else _coupon(str(row.get("code") or "")),
        **_scope(row.get("rules") or [], pos_channel_id),
    }
    if row.get("type") == "buyget":
        return {**fields, **_buy_get(method, names)}
    if row.get("type") != "standard":
        raise Refused(f"Its type {row.get('type')!r} is not one Medusa documents.", "unknown_type",
                      what=str(row.get("type")))  # fmt: skip
    target_type = method.get("target_type")
    if target_type == "shipping_methods":
        raise Refused("It discounts shipping; the till ships nothing.", "shipping")
    allocation = method.get("allocation")
    if target_type == "order" or (target_type == "items" and allocation == "across"):
        return {**fields, **_basket(row, method, names)}
    if target_type != "items" or allocation != "each":
        raise Refused(f"Its allocation {allocation!r} on {target_type!r} has no engine kind.",
                      "allocation", what=f"{allocation} / {target_type}")  # fmt: skip
    _no_cap(method, "on each line")
    kind, value = _value(row, method, "percent", "amount_off")
    return {**fields, "kind": kind, "value": value, **_target(method, names)}


def _basket(row: Mapping[str, Any], method: Mapping[str, Any], names: TargetNames) -> dict:
    """Medusa spreads an order promotion over the lines in proportion to what each still
    costs, applies every one, each on what the earlier ones left, the largest
    ``value`` first (a number, whether % or euros): the engine's basket promotions, all
    stackable, in that order by ``priority`` (its whole part, up to 1000)."""
    _no_cap(method, "of the lines")
    kind, value = _value(row, method, "basket_percent", "basket_amount")
    whole = int(decimal_of(method.get("value"), method.get("raw_value")))
    return {
        "kind": kind, "value": value, "stackable": True, "priority": min(whole, 1000),
        **_target(method, names),
    }  # fmt: skip


def _buy_get(method: Mapping[str, Any], names: TargetNames) -> dict[str, Any]:
    """Buy m, get k of the same single article: Medusa discounts k of every m + k units
    (all at one price, so which units does not matter): n for m, or n-th at x %."""
    buy, target = method.get("buy_rules") or [], method.get("target_rules") or []
    buy_skus = _target(method | {"target_rules": buy}, names).get("skus", [])
    target_skus = _target(method, names).get("skus", [])
    if len(buy_skus) != 1 or buy_skus != target_skus or not buy or not target:
        raise Refused("It is a buy-get over several articles; the till maps one article only.",
                      "buyget_articles")  # fmt: skip
    _no_cap(method, "of the basket")
    bought = _whole(method.get("buy_rules_min_quantity"), "buy quantity")
    given = _whole(method.get("apply_to_quantity"), "get quantity")
    if method.get("type") != "percentage":
        raise Refused("It is a buy-get with a fixed amount; the till maps percentages only.",
                      "buyget_fixed")  # fmt: skip
    bp = _basis_points(method)
    if bp == 10_000:
        return {"kind": "n_for_m", "value": 1, "n": bought + given, "m": bought,
                "skus": target_skus}  # fmt: skip
    if given == 1:
        return {"kind": "nth_percent", "value": bp, "n": bought + 1, "skus": target_skus}
    raise Refused("It gives several units at a partial discount; the engine has no such kind.",
                  "buyget_partial")  # fmt: skip


def _value(
    row: Mapping[str, Any], method: Mapping[str, Any], percent: str, fixed: str
) -> tuple[str, int]:
    if method.get("type") == "percentage":
        return percent, _basis_points(method)
    if method.get("type") != "fixed":
        raise Refused(f"Its method type {method.get('type')!r} is unknown.", "method_type",
                      what=str(method.get("type")))  # fmt: skip
    if not row.get("is_tax_inclusive"):
        raise Refused(
            "It takes a fixed amount off the price before VAT (not tax-inclusive); the "
            "till's prices include VAT, so it would take the amount plus VAT.",
            "before_vat",
        )
    cents = decimal_of(method.get("value"), method.get("raw_value")) * 100
    if cents != cents.to_integral_value() or cents <= 0:
        raise Refused("Its amount is not a whole number of cents.", "amount")
    return fixed, int(cents)


def _basis_points(method: Mapping[str, Any]) -> int:
    bp = decimal_of(method.get("value"), method.get("raw_value")) * 100
    if bp != bp.to_integral_value() or not Decimal(0) < bp <= Decimal(10_000):
        raise Refused("Its percentage is not a whole number of basis points between 0 and 100 %.",
                      "percentage")  # fmt: skip
    return int(bp)


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Refused(f"Its {what} is not a positive whole number.", "quantity")
    return value


def _no_cap(method: Mapping[str, Any], where: str) -> None:
    cap = method.get("max_quantity")
    if cap is not None and cap < MAX_UNITS:
        raise Refused(
            f"It discounts at most {cap} units {where}; the engine has no such cap "
            f"(only {MAX_UNITS} or more, which never caps a till line, is mapped).",
            "unit_cap",
            units=str(cap),
        )


def _target(method: Mapping[str, Any], names: TargetNames) -> dict[str, Any]:
    """The engine's target for the method's target rules: none is every line."""
    rules = method.get("target_rules") or []
    if not rules:
        return {"everything": True}
    if len(rules) > 1:
        raise Refused("It has several target rules (all must hold); the till maps one.",
                      "target_rules")  # fmt: skip
    rule = rules[0]
    attribute, operator, values = rule.get("attribute", ""), rule.get("operator"), _values(rule)
    if operator not in ("in", "eq"):
        raise Refused(f"Its target rule uses {operator!r}; the till maps 'in' and 'eq'.",
                      "target_operator", what=str(operator))  # fmt: skip
    if attribute in _PRODUCT_ATTRS:
        skus = sorted({sku for v in values for sku in names.product_skus.get(v, ())})
        return {"skus": skus}
    if attribute in _VARIANT_ATTRS:
        return {"skus": sorted({names.variant_skus[v] for v in values if v in names.variant_skus})}
    if attribute in _TYPE_ATTRS:
        found = {names.type_values[v] for v in values if v in names.type_values}
        return {"departments": sorted(found)}
    if any(word in attribute for word in _UNKNOWN_TO_TILL):
        raise Refused(f"It targets {attribute}, which the till's catalog does not carry.",
                      "target_unknown", what=attribute)  # fmt: skip
    raise Refused(f"It targets {attribute!r}, which the till cannot match.", "target_unknown",
                  what=attribute)  # fmt: skip


def _scope(rules: Iterable[Mapping[str, Any]], pos_channel_id: str) -> dict[str, Any]:
    """The promotion's own rules (on the cart): the currency in euros and the POS sales
    channel are the till's; any other rule (a customer group...) it cannot judge."""
    scope: dict[str, Any] = {}
    for rule in rules:
        attribute, operator, values = rule.get("attribute", ""), rule.get("operator"), _values(rule)
        if attribute == "currency_code" and operator in ("in", "eq"):
            if "eur" not in {v.lower() for v in values}:
                raise Refused("It is for another currency; the till sells in euros.", "currency",
                              currency="")  # fmt: skip
        elif attribute == "sales_channel_id" and operator in ("in", "eq"):
            if not pos_channel_id or pos_channel_id not in values:
                raise Refused("It is not offered in the till's sales channel.", "channel")
            scope["channels"] = ["store", "web"] if len(set(values)) > 1 else ["store"]
        else:
            raise Refused(f"It has a rule on {attribute!r}, which the till cannot judge.",
                          "cart_rule", what=attribute)  # fmt: skip
    return scope


def _values(rule: Mapping[str, Any]) -> list[str]:
    values = rule.get("values") or []
    return [str(v["value"] if isinstance(v, Mapping) else v) for v in values]


def _coupon(code: str) -> str:
    if not code:
        raise Refused("It has neither a code nor is it automatic.", "no_code")
    return code
