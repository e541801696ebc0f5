"""The ``promotions`` feed from Medusa: its promotions changed since the cursor, mapped.

Paged by the promotion's ``updated_at`` (``cursors.changed_since``); each page looks up
the products, variants and product types its target rules name, once, and maps each
promotion (``promotions.map_promotion``). What cannot be mapped is sent switched off and
logged with its reason. Medusa's list never shows a deleted promotion (``with_deleted``
is ignored), so once caught up the feed lists the ids Medusa still has and switches off
the ones it served that are gone (the ids served are kept in the cursor, ``k``).
``not_mapped_now`` answers the whole list of refusals for the operator.

Medusa moves a promotion's ``updated_at`` when the promotion is edited; an edit to its
campaign alone, or a variant's SKU changing, is seen at the promotion's next edit or when
the feed is pulled again from the start (forget its cursor).
"""

from __future__ import annotations

import logging
from typing import Any

from sync.contract import PromotionItem
from sync.medusa.catalog import sku_of
from sync.medusa.cursors import as_state, changed_since, time_cursor
from sync.medusa.http import MedusaHttp
from sync.medusa.promotions import (
    PROMOTION_FIELDS,
    NotMapped,
    TargetNames,
    map_promotion,
    named_ids,
    promotion_id,
    switched_off,
)
from sync.medusa.timestamps import iso, version_of

log = logging.getLogger(__name__)
_ID_CHUNK = 100  # ids per lookup: keeps the URL short


class PromotionsFeed:
    def __init__(self, http: MedusaHttp, pos_channel_id: str) -> None:
        self.http, self.pos_channel_id = http, pos_channel_id

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[PromotionItem], dict, bool]:
        """Changed promotions; once caught up, the ones deleted since the last sweep."""
        known = {int(pid) for pid in state.get("k", [])}
        rows, cursor, more = changed_since(self._list, time_cursor(state.get("t")), limit)
        items, refused = self.mapped(rows)
        for one in refused:
            log.warning("Medusa promotion %s (%s) is not mapped: %s", one.code, one.medusa_id,
                        one.reason)  # fmt: skip
        known |= {item.id for item in items}
        if not more:
            present = {promotion_id(row["id"]) for row in self._all("id")}
            gone = sorted(known - present)
            if gone:
                version = version_of(iso(self.http.server_now()))
                items.extend(switched_off(pid, "Deleted in Medusa", version) for pid in gone)
            known = present
        return items, {"t": as_state(cursor), "k": sorted(known)}, more

    def mapped(self, rows: list[dict[str, Any]]) -> tuple[list[PromotionItem], list[NotMapped]]:
        names = self._names(rows)
        items, refused = [], []
        for row in rows:
            item, why = map_promotion(row, names, self.pos_channel_id)
            items.append(item)
            if why is not None:
                refused.append(why)
        return items, refused

    def not_mapped_now(self) -> list[NotMapped]:
        """Every promotion Medusa has that the till does not apply, with the reason (a
        full pass, for the operator; drafts are listed only if they would be refused)."""
        return self.mapped(self._all(PROMOTION_FIELDS))[1]

    def _all(self, fields: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        while True:
            page = self._list({"order": "id", "offset": len(rows)}, 500, fields)
            rows.extend(page)
            if len(page) < 500:
                return rows

    def _list(
        self, params: dict[str, str | int], limit: int, fields: str = PROMOTION_FIELDS
    ) -> list[dict[str, Any]]:
        return self.http.admin(
            "GET", "/admin/promotions", params={**params, "limit": limit, "fields": fields}
        )["promotions"]

    def _names(self, rows: list[dict[str, Any]]) -> TargetNames:
        products, variants, types = named_ids(rows)
        product_skus: dict[str, tuple[str, ...]] = {}
        for chunk in _chunks(products):
            found = self.http.admin(
                "GET",
                "/admin/products",
                params={"id": chunk, "limit": len(chunk), "fields": "id,variants.id,variants.sku"},
            )["products"]
            for product in found:
                skus = tuple(sku_of(v) for v in product.get("variants") or [])
                product_skus[product["id"]] = skus
        variant_skus: dict[str, str] = {}
        for chunk in _chunks(variants):
            found = self.http.admin(
                "GET",
                "/admin/product-variants",
                params={"id": chunk, "limit": len(chunk), "fields": "id,sku"},
            )["variants"]
            variant_skus.update({v["id"]: sku_of(v) for v in found})
        type_values: dict[str, str] = {}
        for chunk in _chunks(types):
            found = self.http.admin(
                "GET",
                "/admin/product-types",
                params={"id": chunk, "limit": len(chunk), "fields": "id,value"},
            )["product_types"]
            type_values.update({t["id"]: t["value"] for t in found})
        return TargetNames(product_skus, variant_skus, type_values)


def _chunks(ids: set[str]) -> list[list[str]]:
    ordered = sorted(ids)
    return [ordered[i : i + _ID_CHUNK] for i in range(0, len(ordered), _ID_CHUNK)]
