"""One promotion engine for the till and the reference server: pure, integer cents.

Build a ``PromotionBook`` from the promotions once; ``book.evaluate(lines, context)``
answers a ``PricingResult``: the item promotions on each line, the basket promotions with
each line's share (for VAT), and the total saved. Same inputs, same result to the cent,
whatever the order of the lines. The book remembers the parts of the baskets it has
priced: a scan (one line added or changed) reprices only the part that line belongs to.

The combination rule (the product's promise)
--------------------------------------------
1. **Eligibility.** A promotion applies when ``starts_at <= now < ends_at``, the store is
   in its ``stores`` (empty: every store), the channel in its ``channels``, a customer is
   attached if it is ``customer_only``, and its ``coupon_code`` (if any) is among the
   codes given (compared in upper case without spaces). Lines that are not
   ``promotable`` (a price-overridden or returned line) are invisible to promotions:
   untouched, and not counted towards a threshold or a basket amount.
2. **Item level.** Each unit gets at most one item promotion (a weighed line is one
   unit). Promotions are taken by ``priority``, highest first; within one priority, the
   one saving the most on the units still free is applied, then again on what remains
   (ties: the lowest id), until none saves anything. The units of a complete "3 pour 2"
   or bundle group are all used by it, the paid ones too. Weighed lines take only
   ``percent`` and ``amount_off`` (per kg).
3. **Basket level**, on what the item promotions left: the best non-stackable basket
   promotion (largest saving; ties: higher priority, then lowest id) plus every
   ``stackable`` one, applied by priority (then id), each on what the previous left;
   a threshold is judged on that amount too. Never below zero. Each is shared over its
   lines in proportion to what they still cost (largest remainder: the shares add up).
4. **Exclusive.** An eligible ``exclusive`` promotion is alone on the basket. The engine
   prices each exclusive one alone and the non-exclusive ones together (rules 2-3) and
   keeps the outcome that saves the customer the most; on a tie, the non-exclusive one.
5. **Staff's manual discounts come after** (the basket applies them, not this engine,
   in ``pos.domain.basket_pricing``): the engine prices the promotable lines at their
   gross amounts; a line's net after promotions is its gross less its item promotions
   and its share of the basket promotions; the staff's manual line discount applies on
   that net (a percentage of it, or an amount capped at it); the manual ticket discount
   on the sum after that. A price-overridden line and a returned line are not
   promotable (``PricingLine.promotable`` False): no promotion, only the staff's price.
   A label-priced line is one unit at its label's price; a weighed line is
   ``weighed``, its quantity in grams, its gross the line's price.

What the rule does not promise: that adding a promotion never makes a basket dearer.
An item promotion lowers the amount a threshold is judged on ("-10 € dès 50 €" can be
lost to a "-1 %" on one line), a higher priority takes units a lower one would have
discounted more, and "largest saving first" is greedy, not an exhaustive search. It
does promise that adding an exclusive promotion, or a stackable basket promotion of the
lowest priority, never makes the basket dearer.
"""

from pos.domain._native import extend

extend(__path__, __name__)  # before any of its modules: their compiled build, if current

from pos.domain.promotions.book import EligibleIndex, PromotionBook  # noqa: E402
from pos.domain.promotions.model import (  # noqa: E402
    AppliedBasketPromotion,
    AppliedPromotion,
    Kind,
    Level,
    PricingContext,
    PricingLine,
    PricingResult,
    Promotion,
    Target,
    normalise_code,
)

__all__ = [
    "AppliedBasketPromotion",
    "AppliedPromotion",
    "EligibleIndex",
    "Kind",
    "Level",
    "PricingContext",
    "PricingLine",
    "PricingResult",
    "Promotion",
    "PromotionBook",
    "Target",
    "normalise_code",
]
