"""The operator's promotions (contract v2): written whole, served by the ``promotions``
feed, and priced by the shared engine (``sync.central.promotion_book``) for carts, pickup
orders and quotes while they are active.

A promotion is kept as the till keeps it (``pos.store.promotion_feed``): the columns the
feed and the indexes read, and the engine's other fields as the ``rule`` JSON, so both
sides hand ``pos.domain.promotions.fields.promotion_from_fields`` the same mapping.
"""

from __future__ import annotations

import json
from typing import Any

from pos.domain.errors import PosError
from pos.domain.promotions.fields import RULE_FIELDS, promotion_from_fields
from sync.central import instants
from sync.central.catalog import json_codes
from sync.central.db import Database, next_change_seqs
from sync.central.errors import bad_request
from sync.contract.admin import PromotionUpsert
from sync.contract.feeds import PromotionItem

UPSERT = (
    "INSERT OR REPLACE INTO promotions (id, name, kind, value, skus, starts_at, ends_at, "
    "active, change_seq, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def rule_of(body: PromotionUpsert) -> dict[str, Any]:
    """The ``rule`` mapping of an upsert: every v2 field, lists as lists."""
    return {name: getattr(body, name) for name in RULE_FIELDS}


def check_engine_accepts(promotion_id: int, body: PromotionUpsert, starts_at: str,
                         ends_at: str) -> None:  # fmt: skip
    """400 with the engine's own reason for a promotion it would refuse: what central
    stores, every till can build."""
    try:
        promotion_from_fields(
            promotion_id, body.name, body.kind, body.value, starts_at, ends_at, rule_of(body)
        )
    except (PosError, ValueError) as error:
        raise bad_request(f"The promotion cannot be priced: {error}") from None


def row_of(promotion_id: int, body: PromotionUpsert, seq: int) -> tuple[Any, ...]:
    """The ``promotions`` row for an upsert, in ``UPSERT``'s order."""
    starts_at, ends_at = instants.normalize(body.starts_at), instants.normalize(body.ends_at)
    return (
        promotion_id, body.name, body.kind, body.value, json_codes(body.skus), starts_at,
        ends_at, int(body.active), seq, json.dumps(rule_of(body), sort_keys=True),
    )  # fmt: skip


def put_promotion(
    db: Database, promotion_id: int, body: PromotionUpsert
) -> tuple[PromotionItem, bool]:
    """Create or replace; return the promotion as the feed serves it and whether it is new.
    Times are stored in the house format, so the feed serves them alike."""
    starts_at, ends_at = instants.normalize(body.starts_at), instants.normalize(body.ends_at)
    check_engine_accepts(promotion_id, body, starts_at, ends_at)
    with db.write() as conn:
        existing = conn.execute("SELECT 1 FROM promotions WHERE id = ?", (promotion_id,)).fetchone()
        seq = next_change_seqs(conn, 1)
        conn.execute(UPSERT, row_of(promotion_id, body, seq))
    item = PromotionItem.model_validate(
        body.model_dump()
        | {"id": promotion_id, "starts_at": starts_at, "ends_at": ends_at, "version": seq}
    )
    return item, existing is None
