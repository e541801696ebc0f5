"""The contract's refusal and warning codes (``ErrorBody.code`` of a 4xx, warnings of a
pushed sale's outcome), stable for the till to translate.

Plain strings, apart from the pydantic models of ``returns``, ``coupons`` and ``loyalty``
(which re-export them): the till's services name them at import, and the till's start
does not load pydantic and the wire models for that (a return, a coupon or points load
them when first used).
"""

from __future__ import annotations

# Returns and credit notes (``sync.contract.returns``).
NOT_FOUND = "not_found"  # no sale, web order or credit note by that code in this retailer
NOT_RETURNABLE = "not_returnable"  # a quantity above what remains returnable
NOT_HANDED_OVER = "not_handed_over"  # a web order not yet delivered or collected
CLAIM_CONSUMED = "claim_consumed"  # a claim whose return ticket central already has
CREDIT_NOTE_SPENT = "credit_note_spent"  # balance below the debit asked for
CREDIT_NOTE_EXPIRED = "credit_note_expired"
#: A central platform that keeps no returns nor credit notes (Medusa without Comptoir's
#: plugin): the till goes by its offline rules, as when central cannot be reached.
NOT_SUPPORTED = "not_supported"
OP_ID_REUSED = "op_id_reused"  # a claim or debit id already used with another body

# Warnings of a ``sale`` operation's outcome (accepted all the same: a fiscal fact).
RETURN_CONFLICT = "return_conflict"  # an offline return took back more than remained
CREDIT_NOTE_OVERSPENT = "credit_note_overspent"  # spent offline beyond its balance (or
# unknown, expired): the balance went down to zero, the rest is on the attention list

# Coupons (``sync.contract.coupons``): 409 refusals of a reservation; nothing changed.
COUPON_USED = "coupon_used"  # reserved for another sale, or consumed by a pushed sale
COUPON_EXPIRED = "coupon_expired"  # the promotion's window is over, or it is inactive
COUPON_NOT_STARTED = "coupon_not_started"  # the promotion's window has not opened yet
COUPON_OTHER_STORE = "coupon_other_store"  # the promotion is scoped to other stores
#: the sale holds another code of the same promotion: a second would be spent for nothing
COUPON_ALREADY_APPLIED = "coupon_already_applied"
#: 404: no promotion has this code (a typo, or a forgery).
COUPON_UNKNOWN = "coupon_unknown"

# Loyalty (``sync.contract.loyalty``).
LOYALTY_BALANCE = "loyalty_balance"  # 409: a redemption above the balance; nothing changed
LOYALTY_BELOW_MINIMUM = "loyalty_below_minimum"  # 409: fewer points than the rule's minimum
#: Push warnings on a sale: its customer is unknown to central (nothing earned), or a
#: return took back more points than were left (the balance stops at zero).
LOYALTY_UNKNOWN_CUSTOMER = "loyalty_unknown_customer"
LOYALTY_SHORTFALL = "loyalty_shortfall"
