"""The operator's promotions: written whole, served by the ``promotions`` feed, and used
by central to price online carts and pickup orders while they are active."""

from __future__ import annotations

from sync.central import instants
from sync.central.catalog import json_codes
from sync.central.db import Database, next_change_seqs
from sync.contract.admin import PromotionUpsert
from sync.contract.feeds import PromotionItem


def put_promotion(
    db: Database, promotion_id: int, body: PromotionUpsert
) -> tuple[PromotionItem, bool]:
    """Create or replace; return the promotion as the feed serves it and whether it is new.
    Times are stored in the house format, so the feed serves them alike."""
    starts_at, ends_at = instants.normalize(body.starts_at), instants.normalize(body.ends_at)
    with db.write() as conn:
        existing = conn.execute("SELECT 1 FROM promotions WHERE id = ?", (promotion_id,)).fetchone()
        seq = next_change_seqs(conn, 1)
        conn.execute(
            "INSERT OR REPLACE INTO promotions (id, name, kind, value, skus, starts_at, ends_at, "
            "active, change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (promotion_id, body.name, body.kind, body.value, json_codes(body.skus), starts_at,
             ends_at, int(body.active), seq),
        )  # fmt: skip
    item = PromotionItem(
        id=promotion_id, name=body.name, kind=body.kind, value=body.value, skus=list(body.skus),
        starts_at=starts_at, ends_at=ends_at, active=body.active, version=seq,
    )  # fmt: skip
    return item, existing is None
