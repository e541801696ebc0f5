"""The promotions in force at this till today, and the central platform's promotions it
does not apply (Medusa's that the shared engine cannot price as Medusa does), so the
staff can answer "online it is −10 %, why not here?" (issue 15).

Read-only, for every member of staff. Each call opens the store on the calling thread (a
worker's, from the UI) and closes it: a connection never crosses threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.promotions import Promotion
from pos.services.central_link import read_link
from pos.services.checkout_promotions import CHANNEL
from pos.store.local_store import LocalStore
from pos.store.promotion_book import load_book
from pos.store.promotions_not_applied import NotAppliedPromotion as NotAppliedPromotion
from pos.store.promotions_not_applied import not_applied


@dataclass(frozen=True, slots=True)
class PromotionsToday:
    """``in_force``: what the till applies now at this store (some need a customer or a
    code, said by their fields), soonest ending first; ``not_applied``: the platform's
    promotions left out, with why; ``skipped``: rows this till could not build."""

    in_force: tuple[Promotion, ...]
    not_applied: tuple[NotAppliedPromotion, ...]
    skipped: tuple[tuple[int, str], ...]
    backend: str  # "central" (the reference server), "medusa", or "" (not enrolled)


class PromotionList:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / DATABASE_FILE

    def today(self, now: datetime | None = None) -> PromotionsToday:
        now = now or datetime.now(UTC)
        with LocalStore(self.path) as store:
            link = read_link(store)
            store_id = link.store_id if link is not None else ""
            loaded = load_book(store.conn)
            left_out = not_applied(store.conn)
        in_force = sorted(
            (p for p in loaded.promotions if _in_force(p, now, store_id)),
            key=lambda p: (p.ends_at, p.name, p.id),
        )
        return PromotionsToday(
            tuple(in_force), tuple(left_out), loaded.skipped,
            link.backend if link is not None else "",
        )  # fmt: skip


def _in_force(promotion: Promotion, now: datetime, store_id: str) -> bool:
    return (
        promotion.starts_at <= now < promotion.ends_at
        and (not promotion.stores or store_id in promotion.stores)
        and CHANNEL in promotion.channels
    )
