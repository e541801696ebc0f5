"""The till's loyalty calls of API v1 (issue 15), over the same ``Wire`` as every call:
the rule, a customer's account, and redemptions spent and given back online.

Failures are the port's: ``CentralUnavailable`` (offline, timeout, 5xx: the till falls
back to its offline cap) or ``CentralRejected`` whose ``code`` is the API's
(``loyalty_balance``, ``loyalty_below_minimum``, ``op_id_reused``, ``not_found``) and
nothing changed. A redemption is idempotent by its ``op_id``: after a timeout, the till
sends the same one again.
"""

from __future__ import annotations

from urllib.parse import quote

from sync.client.wire import Wire, parse
from sync.contract.loyalty import (
    LoyaltyAccount,
    LoyaltyRedemption,
    LoyaltyRedemptionResult,
    LoyaltyRuleModel,
)

SMALL_REPLY_BYTES = 16 * 1024
ACCOUNT_REPLY_BYTES = 128 * 1024  # 100 entries of ~600 bytes at most


def _segment(text: str) -> str:
    return quote(text, safe="")


class HttpLoyaltyCalls:
    """Loyalty calls for one terminal of one store; the owner sets ``_wire`` and
    ``_store_path`` (``/v1/stores/<store_id>``)."""

    _wire: Wire
    _store_path: str

    def loyalty_rule(self) -> LoyaltyRuleModel:
        data = self._wire.call(
            "GET", f"{self._store_path}/loyalty/rule", max_bytes=SMALL_REPLY_BYTES
        )
        return parse(LoyaltyRuleModel, data, "the loyalty rule")

    def loyalty_account(self, customer_id: str) -> LoyaltyAccount:
        path = f"{self._store_path}/customers/{_segment(customer_id)}/loyalty"
        data = self._wire.call("GET", path, max_bytes=ACCOUNT_REPLY_BYTES)
        return parse(LoyaltyAccount, data, "a loyalty account")

    def redeem_points(
        self, customer_id: str, redemption: LoyaltyRedemption
    ) -> LoyaltyRedemptionResult:
        path = f"{self._store_path}/customers/{_segment(customer_id)}/loyalty/redemptions"
        body = redemption.model_dump_json().encode("utf-8")
        data = self._wire.call("POST", path, body=body, max_bytes=SMALL_REPLY_BYTES)
        return parse(LoyaltyRedemptionResult, data, "a redemption")

    def reverse_redemption(self, customer_id: str, op_id: str) -> LoyaltyRedemptionResult:
        path = (
            f"{self._store_path}/customers/{_segment(customer_id)}/loyalty/redemptions/"
            f"{_segment(op_id)}"
        )
        data = self._wire.call("DELETE", path, max_bytes=SMALL_REPLY_BYTES)
        return parse(LoyaltyRedemptionResult, data, "a redemption")
