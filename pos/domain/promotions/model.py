"""The promotion engine's vocabulary: what a promotion is, what it is asked, what it answers.

Everything here is a frozen value with integer cents, so the till and the reference
server can build the same inputs from their own data and get the same answer to the
cent. A promotion is checked when it is built: a value out of range is refused there,
never discovered in the middle of a sale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from pos.domain.errors import PosError
from pos.domain.money import MAX_CENTS

CHANNELS: frozenset[str] = frozenset({"store", "web"})


class Kind(StrEnum):
    """What a promotion does. ``value`` is basis points for the ``*percent`` kinds
    (1000 = 10 %), cents for the others (``amount_off``: per unit, per kg by weight)."""

    PERCENT = "percent"  # value bp off each matching unit (or weighed line)
    AMOUNT_OFF = "amount_off"  # value cents off each unit, per kg for weighed goods
    N_FOR_M = "n_for_m"  # "3 pour 2": of every n units, the m dearest are paid
    NTH_PERCENT = "nth_percent"  # "2e à -50 %": every n-th unit at value bp off
    BUNDLE_PRICE = "bundle_price"  # n units for value cents
    THRESHOLD = "threshold"  # value cents off once the target reaches threshold_cents
    # (cents only: "-10 % dès 50 €" is not expressible yet)
    BASKET_PERCENT = "basket_percent"  # value bp off the target's amount
    BASKET_AMOUNT = "basket_amount"  # value cents off the target's amount


class Level(StrEnum):
    ITEM = "item"
    BASKET = "basket"


BASKET_KINDS = frozenset({Kind.THRESHOLD, Kind.BASKET_PERCENT, Kind.BASKET_AMOUNT})
POOLED_KINDS = frozenset({Kind.N_FOR_M, Kind.NTH_PERCENT, Kind.BUNDLE_PRICE})
PER_UNIT_KINDS = frozenset({Kind.PERCENT, Kind.AMOUNT_OFF})
_PERCENT_KINDS = frozenset({Kind.PERCENT, Kind.NTH_PERCENT, Kind.BASKET_PERCENT})


def normalise_code(code: str) -> str:
    """A coupon code as compared: upper case, no spaces ("noel 24" = "NOEL24")."""
    return "".join(code.split()).upper()


@dataclass(frozen=True, slots=True)
class Target:
    """Which lines a promotion looks at: a line matches if any of these matches."""

    skus: frozenset[str] = frozenset()
    departments: frozenset[str] = frozenset()
    brands: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def all(cls) -> Target:
        return cls(everything=True)

    def is_empty(self) -> bool:
        return not (self.everything or self.skus or self.departments or self.brands)

    def matches(self, sku: str, department: str, brand: str) -> bool:
        return (
            self.everything
            or sku in self.skus
            or (bool(department) and department in self.departments)
            or (bool(brand) and brand in self.brands)
        )


def _refuse(promotion_id: int, why: str) -> PosError:
    return PosError(f"Promotion {promotion_id} {why}", code="promotion_invalid", id=promotion_id)


@dataclass(frozen=True, slots=True)
class Promotion:
    """One promotion as central defines it. ``level`` follows from ``kind``.

    ``stores`` empty means every store; ``coupon_code`` empty means automatic (it is
    stored normalised); ``n``/``m`` serve the pooled kinds, ``threshold_cents`` the
    threshold kind. Datetimes must carry a time zone (instants, compared as such).
    """

    id: int
    name: str
    kind: Kind
    value: int
    target: Target
    starts_at: datetime
    ends_at: datetime
    priority: int = 0
    exclusive: bool = False
    stackable: bool = False
    stores: frozenset[str] = frozenset()
    channels: frozenset[str] = CHANNELS
    customer_only: bool = False
    coupon_code: str = ""
    n: int = 0
    m: int = 0
    threshold_cents: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "coupon_code", normalise_code(self.coupon_code))
        self._check_value()
        self._check_scope()

    @property
    def level(self) -> Level:
        return Level.BASKET if self.kind in BASKET_KINDS else Level.ITEM

    def _check_value(self) -> None:
        kind, value = self.kind, self.value
        if isinstance(value, bool) or not isinstance(value, int):
            raise _refuse(self.id, "has a value that is not a whole number.")
        if kind in _PERCENT_KINDS and not 0 < value <= 10_000:
            raise _refuse(self.id, "must take between 0 and 100 % off.")
        if kind not in _PERCENT_KINDS and not 0 < value <= MAX_CENTS:
            raise _refuse(self.id, "must have a positive amount within the ticket limit.")
        if kind in POOLED_KINDS and self.n < 2:
            raise _refuse(self.id, "needs a group of at least 2 units (n).")
        if kind is Kind.N_FOR_M and not 0 < self.m < self.n:
            raise _refuse(self.id, "must have customers pay for at least one unit of n (m).")
        if kind is Kind.THRESHOLD and not 0 < self.threshold_cents <= MAX_CENTS:
            raise _refuse(self.id, "needs a positive threshold.")

    def _check_scope(self) -> None:
        if self.target.is_empty():
            raise _refuse(self.id, "targets nothing.")
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            raise _refuse(self.id, "needs dates with a time zone.")
        if not self.starts_at < self.ends_at:
            raise _refuse(self.id, "ends before it starts.")
        if not self.channels or not self.channels <= CHANNELS:
            raise _refuse(self.id, "must name its channels among store and web.")


@dataclass(frozen=True, slots=True)
class PricingContext:
    """Who asks, where and when. ``coupons``: codes the customer gave (any spelling)."""

    now: datetime
    store_id: str
    channel: str = "store"
    customer_id: str | None = None
    coupons: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PricingLine:
    """A basket line as promotions see it.

    Unit lines: ``quantity`` units at ``unit_price_cents`` and ``gross_cents`` is their
    product (a label-priced article is one unit at its label's price). Weighed lines:
    ``quantity`` grams, ``unit_price_cents`` per kg, ``gross_cents`` the line's price; it
    counts as one indivisible unit. ``promotable`` is False for a price-overridden or a
    returned line: no promotion touches it, nor counts it towards a threshold.
    """

    line_id: int
    sku: str
    unit_price_cents: int
    quantity: int
    gross_cents: int
    department: str = ""
    brand: str = ""
    weighed: bool = False
    promotable: bool = True
    #: what the book keys on, built once per line (a till's lines are priced again on
    #: every scan): ``article()`` and ``part_key()``
    _article: tuple[str, str, str] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _part_key: tuple[str | int | bool, ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    #: (the parts memo, the line's outcome priced alone in it), once looked up there:
    #: the next scans take it without hashing the key (``parts``); an outcome is a
    #: pure function of the key in a memo, so it stays true whatever the memo forgets
    _alone: tuple[object, PartOutcome] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def article(self) -> tuple[str, str, str]:
        """(sku, department, brand): what decides which promotions match the line."""
        found = self._article
        if found is None:
            found = (self.sku, self.department, self.brand)
            object.__setattr__(self, "_article", found)
        return found

    def part_key(self) -> tuple[str | int | bool, ...]:
        """The article and the amounts: all the item stage reads of the line
        (``parts``: a part's key is its lines' keys, in line-id order)."""
        found = self._part_key
        if found is None:
            found = (self.sku, self.department, self.brand, self.unit_price_cents,
                     self.quantity, self.gross_cents, self.weighed)  # fmt: skip
            object.__setattr__(self, "_part_key", found)
        return found


class AppliedPromotion(NamedTuple):
    """An item promotion on one line: what it took off that line. A named tuple, not a
    frozen dataclass: as immutable, and half the cost to build, about 50 a scan."""

    promotion_id: int
    name: str
    discount_cents: int


#: A part's item stage (``parts``): each line's item promotions, each line's net, what
#: the part saves.
PartOutcome = tuple[tuple[tuple[AppliedPromotion, ...], ...], tuple[int, ...], int]


@dataclass(frozen=True, slots=True)
class AppliedBasketPromotion:
    """A basket promotion: its total and its share of each line it covered (line id,
    cents), sorted by line id; the shares add up to ``discount_cents`` exactly."""

    promotion_id: int
    name: str
    discount_cents: int
    shares: tuple[tuple[int, int], ...]

    def share_of(self, line_id: int) -> int:
        return next((cents for lid, cents in self.shares if lid == line_id), 0)


@dataclass(frozen=True, slots=True)
class PricingResult:
    """Every line id asked about maps to its item promotions (often none); ``basket``
    lists basket promotions in the order they applied; ``saved_cents`` is everything."""

    lines: Mapping[int, tuple[AppliedPromotion, ...]]
    basket: tuple[AppliedBasketPromotion, ...] = ()
    saved_cents: int = 0
    exclusive_id: int | None = field(default=None)

    def item_discount(self, line_id: int) -> int:
        return sum(applied.discount_cents for applied in self.lines.get(line_id, ()))

    def basket_share(self, line_id: int) -> int:
        return sum(applied.share_of(line_id) for applied in self.basket)
