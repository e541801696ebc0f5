"""The till's coupon calls over Medusa: shared codes only (``sync/medusa/NOTES.md``).

A Medusa promotion with a ``code`` that is not automatic is a shared code: Medusa checks
it itself when a cart names it. Single-use codes would need a reservation per sale that
Medusa has no call for (a campaign budget counts uses when an order is placed, it holds
nothing for a till's sale in progress), so reserving is ``not_supported`` and the till
says single-use coupons need the reference server. A release is answered the same: no
code can have been reserved here, so the till's queued release is settled at once.
"""

from __future__ import annotations

from typing import NoReturn

from sync.contract.returns import NOT_SUPPORTED
from sync.ports import CentralRejected

_WHY = (
    "Single-use coupons need the reference central server: Medusa cannot reserve a code "
    "for a till's sale."
)


class MedusaCouponCalls:
    """``pos.services.coupons.CouponCalls`` for ``MedusaBackend`` (mixed in)."""

    def reserve_coupon(self, code: str, sale_id: str) -> NoReturn:
        raise CentralRejected(_WHY, code=NOT_SUPPORTED)

    def release_coupon(self, sale_id: str, code: str) -> NoReturn:
        raise CentralRejected(_WHY, code=NOT_SUPPORTED)
