"""The till's loyalty calls over Medusa: none (``sync/medusa/NOTES.md``).

Medusa has no loyalty ledger: the customers feed reads ``metadata.loyalty_points`` but
nothing there debits it idempotently per op id, so every call is ``not_supported`` and
the till says loyalty needs the reference server. The sync engine reads the same answer
as "no rule to cache" and settles a queued reversal at once (nothing was debited here).
"""

from __future__ import annotations

from typing import NoReturn

from sync.contract.returns import NOT_SUPPORTED
from sync.ports import CentralRejected

_WHY = (
    "Loyalty points need the reference central server: Medusa keeps no loyalty ledger "
    "to debit them from."
)


class MedusaLoyaltyCalls:
    """``pos.services.loyalty.LoyaltyCalls`` for ``MedusaBackend`` (mixed in)."""

    def loyalty_rule(self) -> NoReturn:
        raise CentralRejected(_WHY, code=NOT_SUPPORTED)

    def loyalty_account(self, customer_id: str) -> NoReturn:
        raise CentralRejected(_WHY, code=NOT_SUPPORTED)

    def redeem_points(self, customer_id: str, redemption: object) -> NoReturn:
        raise CentralRejected(_WHY, code=NOT_SUPPORTED)

    def reverse_redemption(self, customer_id: str, op_id: str) -> NoReturn:
        raise CentralRejected(_WHY, code=NOT_SUPPORTED)
