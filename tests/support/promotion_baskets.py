"""Promotions and baskets for the engine's tests and its probe: builders and a seeded
generator of random (but plausible) promotion sets and baskets."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from pos.domain.money import mul_div_half_up
from pos.domain.promotions import Kind, PricingContext, PricingLine, Promotion, Target

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
STORE = "lyon-part-dieu"
DEPARTMENTS = ("crèmerie", "épicerie", "boissons", "fromagerie", "hygiène", "bazar")
BRANDS = ("Bonne Maman", "Danone", "Lu", "Président", "Évian", "Maison")


def a_context(**changes: object) -> PricingContext:
    return replace(PricingContext(now=NOW, store_id=STORE), **changes)


def a_promotion(pid: int, kind: Kind | str, value: int, **fields: object) -> Promotion:
    """A promotion active around ``NOW`` on every store and channel; any field given."""
    fields.setdefault("name", f"promo {pid}")
    fields.setdefault("target", Target.all())
    fields.setdefault("starts_at", NOW - timedelta(days=1))
    fields.setdefault("ends_at", NOW + timedelta(days=1))
    return Promotion(id=pid, kind=Kind(kind), value=value, **fields)  # type: ignore[arg-type]


def on_skus(*skus: str) -> Target:
    return Target(skus=frozenset(skus))


def a_line(
    line_id: int, sku: str, unit_cents: int, quantity: int = 1, **fields: object
) -> PricingLine:
    """A unit line (``gross`` = unit × quantity) or, with ``weighed=True``, ``quantity``
    grams at ``unit_cents`` per kg."""
    weighed = bool(fields.get("weighed", False))
    gross = mul_div_half_up(unit_cents, quantity, 1000) if weighed else unit_cents * quantity
    return PricingLine(line_id=line_id, sku=sku, unit_price_cents=unit_cents,
                       quantity=quantity, gross_cents=gross, **fields)  # type: ignore[arg-type]  # fmt: skip


def random_promotion(rng: random.Random, pid: int, skus: list[str]) -> Promotion:
    """Mostly item promotions on a few SKUs, some on a department or brand, a few on
    everything or the basket; some with priorities, stacking, exclusivity, scope."""
    roll = rng.random()
    if roll < 0.7:
        target = Target(skus=frozenset(rng.sample(skus, rng.randint(1, 4))))
    elif roll < 0.8:
        target = Target(departments=frozenset({rng.choice(DEPARTMENTS)}))
    elif roll < 0.9:
        target = Target(brands=frozenset({rng.choice(BRANDS)}))
    else:
        target = Target.all()
    kind = rng.choice(list(Kind))
    fields: dict[str, object] = {"target": target, "priority": rng.choice((0, 0, 0, 1, 2))}
    if kind in (Kind.PERCENT, Kind.NTH_PERCENT, Kind.BASKET_PERCENT):
        value = rng.choice((500, 1000, 2000, 3000, 5000, 10000))
    elif kind is Kind.BUNDLE_PRICE:
        value = rng.randint(1, 3000)
    else:
        value = rng.randint(1, 2000)
    if kind in (Kind.N_FOR_M, Kind.NTH_PERCENT, Kind.BUNDLE_PRICE):
        fields["n"] = rng.randint(2, 4)
        fields["m"] = rng.randint(1, fields["n"] - 1)  # type: ignore[operator]
    if kind is Kind.THRESHOLD:
        fields["threshold_cents"] = rng.randint(500, 8000)
    fields["stackable"] = rng.random() < 0.3
    fields["exclusive"] = rng.random() < 0.05
    fields["customer_only"] = rng.random() < 0.05
    if rng.random() < 0.05:
        fields["coupon_code"] = rng.choice(("NOEL24", "bienvenue 10"))
    if rng.random() < 0.05:
        fields["stores"] = frozenset({rng.choice((STORE, "paris-bercy"))})
    return a_promotion(pid, kind, value, **fields)


def random_basket(rng: random.Random, skus: list[str], size: int) -> list[PricingLine]:
    """``size`` lines over ``skus``: mostly units (some repeated SKUs at another price, as
    after a label), some weighed, a few not promotable."""
    lines = []
    for line_id in range(1, size + 1):
        sku = rng.choice(skus)
        number = int(sku.rsplit("-", 1)[1])
        fields = {
            "department": DEPARTMENTS[number % len(DEPARTMENTS)],
            "brand": BRANDS[number // 7 % len(BRANDS)],
            "promotable": rng.random() > 0.05,
        }
        if rng.random() < 0.1:
            lines.append(a_line(line_id, sku, rng.randint(500, 4000), rng.randint(50, 1500),
                                weighed=True, **fields))  # fmt: skip
        else:
            unit = 100 + number * 37 % 900 if rng.random() < 0.8 else rng.randint(1, 5000)
            lines.append(a_line(line_id, sku, unit, rng.choice((1, 1, 1, 2, 3, 4, 6)), **fields))
    return lines
