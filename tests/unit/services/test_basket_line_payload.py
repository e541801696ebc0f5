"""The scanned line's saved text (``basket_snapshot.line_payload``) is formatted directly
for speed: it must be the very text the JSON encoder gives of ``line_to_dict``, for every
kind of line and every character a product name can hold, and read back as the line."""

from __future__ import annotations

import json
import random

from pos.domain.basket import Basket, BasketLine
from pos.domain.basket_codec import basket_from_dict, line_to_dict
from pos.domain.discount import Discount
from pos.domain.product import Product, SoldBy
from pos.services.basket_snapshot import line_payload

ALPHABET = "aé\"\\/\n\t\x00\x1f\x7f€ \u2028\u2029😀<>&'ßŒ"


def _encoded(line: BasketLine) -> str:
    return json.dumps(line_to_dict(line), separators=(",", ":"), ensure_ascii=False)


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))


def _line(rng: random.Random, n: int) -> BasketLine:
    sold_by = rng.choice((SoldBy.UNIT, SoldBy.WEIGHT))
    product = Product(
        rng.randint(1, 10**9), _text(rng) or "SKU", _text(rng), rng.randint(0, 10**5),
        rng.choice((2000, 1000, 550, 210)), sold_by, _text(rng), _text(rng),
    )  # fmt: skip
    return BasketLine(
        n, product, rng.randint(1, 5000 if sold_by is SoldBy.WEIGHT else 50),
        barcode=rng.choice((None, "", "3760000123456", _text(rng))),
        fixed_gross_cents=rng.choice((None, 0, rng.randint(1, 10**5))),
        voided=rng.random() < 0.2,
    )  # fmt: skip


def test_a_plain_line_is_written_as_the_encoder_writes_it() -> None:
    rng = random.Random(15)
    for n in range(1, 3001):
        line = _line(rng, n)
        text = line_payload(line)
        assert text == _encoded(line)
        saved = {"lines": [json.loads(text)], "ticket_discount": None}
        restored = basket_from_dict(saved).lines[0]
        assert (restored.product, restored.quantity, restored.barcode) == (
            line.product, line.quantity, line.barcode,
        )  # fmt: skip
        assert (restored.fixed_gross_cents, restored.voided) == (
            line.fixed_gross_cents, line.voided,
        )  # fmt: skip


def test_a_line_with_a_discount_or_a_price_fixed_elsewhere_keeps_the_encoder() -> None:
    basket = Basket()
    product = Product(
        1, "SKU-1", 'Café "grains" 1 kg', 1299, 550, brand="Maison", department="epicerie"
    )
    line = basket.add(product, 2, barcode="3760000000017")
    discounted = basket.set_line_discount(line.line_id, Discount.percent(1000))
    assert line_payload(discounted) == _encoded(discounted)
    assert '"discount":{"percent_bp":1000,"amount_cents":0}' in line_payload(discounted)
    priced = basket.add_priced(product, 1, ())
    assert line_payload(priced) == _encoded(priced)
