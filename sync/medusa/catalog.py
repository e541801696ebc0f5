"""The ``catalog`` feed from Medusa: one item per product variant, as the till sells it.

Where each field comes from (see ``NOTES.md`` for the shapes):

===============  =====================================================================
``id``           ``metadata.comptoir_product_id`` of the variant when the operator set
                 one, else a local integer kept in the adapter's state (``state.py``)
``sku``          the variant's ``sku``, else its Medusa id (both fit the contract's form)
``name``         product title, plus the variant title when it says more
``brand``        ``product.metadata.brand``; ``department`` the product type's value
``price_cents``  the variant's *calculated* price in the POS sales channel and region
                 (price lists included), VAT-inclusive, from the store API; a variant the
                 POS channel does not sell falls back to its EUR price and is inactive
``vat_bp``       the country's tax rates: a rule on the product, else on its product
                 type, else the default rate
``sold_by``      ``metadata.comptoir_sold_by`` ("weight") else "unit"; ``plu`` from
                 ``metadata.comptoir_plu``
``barcodes``     ``ean``, ``upc`` (and its 13-digit EAN form), ``barcode``: digits only
``active``       published, not deleted, sold in the POS channel
``version``      the later of the variant's and the product's ``updated_at``, in ms
===============  =====================================================================

Changes are found three ways, one after the other in one cursor: variants changed
(price and code edits move the variant's ``updated_at``), products changed (a title or
status edit moves only the product's), price lists changed or starting/ending since the
last look (they move neither). Tax rate edits are not seen: re-pull the catalog (forget
its cursor) after changing rates.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pydantic import ValidationError

from sync.contract import CatalogItem
from sync.medusa.cursors import as_state, changed_since, time_cursor
from sync.medusa.http import MedusaHttp
from sync.medusa.money import BadAmount, field_cents, rate_to_bp
from sync.medusa.settings import MedusaSettings
from sync.medusa.state import LOCAL_IDS_FROM, AdapterState
from sync.medusa.timestamps import iso, version_of
from sync.ports import CentralRejected

log = logging.getLogger(__name__)

VARIANT_FIELDS = (
    "id,sku,ean,upc,barcode,title,updated_at,deleted_at,metadata,product_id,"
    "product.id,product.title,product.status,product.type_id,product.type.value,"
    "product.updated_at,product.deleted_at,product.metadata,*prices"
)
PRODUCT_FIELDS = (
    "id,title,status,type_id,type.value,updated_at,deleted_at,metadata,"
    "variants.id,variants.sku,variants.ean,variants.upc,variants.barcode,variants.title,"
    "variants.updated_at,variants.deleted_at,variants.metadata,*variants.prices"
)
_SKU = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_DIGITS = re.compile(r"^[0-9]{8,14}$")
_PLU = re.compile(r"^[0-9]{4,5}$")
_ID_CHUNK = 150  # ids per store-API query: keeps the URL well under Node's 16 KiB header cap
PHASES = ("variants", "products", "price_lists")
#: Looked at again, in server time: a write in flight while "now" was read (the Date header
#: has whole seconds) is not missed; what is read twice is applied twice, harmlessly.
OVERLAP = timedelta(seconds=2)


@dataclass(frozen=True, slots=True)
class TaxTable:
    default_bp: int
    by_product: dict[str, int]
    by_type: dict[str, int]

    def rate_for(self, product_id: str, type_id: str | None) -> int:
        if product_id in self.by_product:
            return self.by_product[product_id]
        if type_id and type_id in self.by_type:
            return self.by_type[type_id]
        return self.default_bp


class CatalogFeed:
    def __init__(self, http: MedusaHttp, settings: MedusaSettings, state: AdapterState) -> None:
        self.http, self.settings, self.state = http, settings, state
        self.skipped: list[str] = []  # variants not sendable to the till, with the reason

    # -- the page ---------------------------------------------------------------------

    def page(self, state: dict[str, Any], limit: int) -> tuple[list[CatalogItem], dict, bool]:
        phase = state.get("phase", "variants")
        if phase not in PHASES:
            phase = "variants"
        if not state:  # a first full pass: products and price lists are in the variants
            start = iso(self.http.server_now() - OVERLAP)
            state = {"p": {"t": start, "mode": "gte", "offset": 0}, "l": start}
        if phase == "variants":
            rows, cursor, more = changed_since(
                self._list_variants, time_cursor(state.get("v")), limit
            )
            state = {**state, "v": as_state(cursor)}
            variants = rows
        elif phase == "products":
            rows, cursor, more = changed_since(
                self._list_products, time_cursor(state.get("p")), limit
            )
            state = {**state, "p": as_state(cursor)}
            variants = self._variants_of_products([row["id"] for row in rows])
        else:
            checked = state.get("l") or ""
            now = iso(self.http.server_now() - OVERLAP)
            variants = self._variants_of_price_lists(checked, now)
            state = {**state, "l": now}
            more = False
        if not more:
            following = PHASES[(PHASES.index(phase) + 1) % len(PHASES)]
            state["phase"] = following
            more = following != "variants"
        else:
            state["phase"] = phase
        return self.items(variants), state, more

    def items(
        self,
        variants: list[dict[str, Any]],
        prices: dict[str, dict[str, Any]] | None = None,
    ) -> list[CatalogItem]:
        """Contract items for admin variant rows (taxes, ids looked up here; the POS
        channel's prices too unless given: the plugin's feed brings them along)."""
        if not variants:
            return []
        taxes = self.tax_table()
        if prices is None:
            prices = self.sale_prices([v["id"] for v in variants if not v.get("deleted_at")])
        ids = self.state.product_ids([(v["id"], sku_of(v), operator_id(v)) for v in variants])
        items = []
        for variant in variants:
            try:
                items.append(self._item(variant, ids[variant["id"]], prices, taxes))
            except (BadAmount, ValidationError, KeyError, TypeError) as exc:
                reason = f"variant {variant.get('id')}: {str(exc).splitlines()[0]}"
                log.warning("Medusa catalog: skipped %s", reason)
                self.skipped.append(reason)
        return items

    def _item(
        self,
        variant: dict[str, Any],
        product_id: int,
        prices: dict[str, dict[str, Any]],
        taxes: TaxTable,
    ) -> CatalogItem:
        product = variant.get("product") or {}
        calculated = prices.get(variant["id"])
        if calculated is not None:
            price = field_cents(calculated, "calculated_amount")
        else:
            price = _list_price(variant, self.settings.currency_code)
        active = (
            calculated is not None
            and not variant.get("deleted_at")
            and not product.get("deleted_at")
            and product.get("status") == "published"
        )
        metadata = variant.get("metadata") or {}
        product_meta = product.get("metadata") or {}
        plu = str(metadata.get("comptoir_plu") or "")
        return CatalogItem(
            id=product_id,
            sku=sku_of(variant),
            name=display_name(product.get("title") or "", variant.get("title") or ""),
            brand=str(product_meta.get("brand") or "")[:200],
            department=((product.get("type") or {}).get("value") or None),
            price_cents=price,
            vat_bp=taxes.rate_for(variant.get("product_id") or "", product.get("type_id")),
            sold_by="weight" if metadata.get("comptoir_sold_by") == "weight" else "unit",
            plu=plu if _PLU.match(plu) else None,
            barcodes=barcodes_of(variant),
            active=bool(active),
            version=version_of(variant.get("updated_at"), product.get("updated_at")),
        )

    # -- Medusa queries -----------------------------------------------------------------

    def _list_variants(self, params: dict[str, str | int], limit: int) -> list[dict[str, Any]]:
        return self.http.admin(
            "GET",
            "/admin/product-variants",
            params={**params, "limit": limit, "with_deleted": "true", "fields": VARIANT_FIELDS},
        )["variants"]

    def _list_products(self, params: dict[str, str | int], limit: int) -> list[dict[str, Any]]:
        return self.http.admin(
            "GET",
            "/admin/products",
            params={**params, "limit": limit, "with_deleted": "true", "fields": "id,updated_at"},
        )["products"]

    def _variants_of_products(self, product_ids: list[str]) -> list[dict[str, Any]]:
        """Admin variant rows (product embedded) of these products: the admin variant list
        has no product filter, so the products are listed with their variants."""
        found: list[dict[str, Any]] = []
        for chunk in chunks(product_ids, _ID_CHUNK):
            products = self.http.admin(
                "GET",
                "/admin/products",
                params={
                    "id": chunk,
                    "limit": len(chunk),
                    "with_deleted": "true",
                    "fields": PRODUCT_FIELDS,
                },
            )["products"]
            for product in products:
                for variant in product.pop("variants", None) or []:
                    found.append({**variant, "product_id": product["id"], "product": product})
        return found

    def _variants_of_price_lists(self, since: str, until: str) -> list[dict[str, Any]]:
        lists = self.http.admin(
            "GET",
            "/admin/price-lists",
            params={
                "limit": 1000,
                "fields": "id,updated_at,starts_at,ends_at,prices.id,prices.price_set.variant.id",
            },
        )["price_lists"]
        variant_ids: set[str] = set()
        for price_list in lists:
            moments = (price_list.get(k) for k in ("updated_at", "starts_at", "ends_at"))
            if any(m and since < m <= until for m in moments) or not since:
                variant_ids.update(
                    p["variant_id"] for p in price_list.get("prices") or [] if p.get("variant_id")
                )
        found: list[dict[str, Any]] = []
        for chunk in chunks(sorted(variant_ids), _ID_CHUNK):
            found.extend(self._all_variants(chunk))
        return found

    def _all_variants(self, ids: list[str]) -> list[dict[str, Any]]:
        """The admin rows of these variants, 500 a page. Bounded by what was asked: a
        server that keeps sending full pages, or more rows than ids, is refused."""
        rows: list[dict[str, Any]] = []
        while len(rows) < len(ids):
            page = self.http.admin(
                "GET",
                "/admin/product-variants",
                params={
                    "id": ids,
                    "limit": 500,
                    "offset": len(rows),
                    "with_deleted": "true",
                    "fields": VARIANT_FIELDS,
                    "order": "id",
                },
            )["variants"]
            rows.extend(page)
            if len(page) < 500:
                break
        if len(rows) > len(ids):
            raise CentralRejected(
                f"Medusa answered {len(rows):,} variants for the {len(ids):,} asked for; "
                "the catalog pull was stopped.",
                code="bad_reply",
            )
        return rows

    def sale_prices(self, variant_ids: list[str]) -> dict[str, dict[str, Any]]:
        """variant id -> calculated price in the POS channel (absent: not sold there)."""
        found: dict[str, dict[str, Any]] = {}
        for chunk in chunks(variant_ids, _ID_CHUNK):
            rows = self.http.store(
                "GET",
                "/store/product-variants",
                params={
                    "id": chunk,
                    "limit": len(chunk),
                    "region_id": self.settings.region_id,
                    "country_code": self.settings.country_code,
                    "fields": "id,*calculated_price",
                },
            )["variants"]
            for row in rows:
                if row.get("calculated_price"):
                    found[row["id"]] = row["calculated_price"]
        return found

    def tax_table(self) -> TaxTable:
        rates = self.http.admin(
            "GET",
            "/admin/tax-rates",
            params={
                "limit": 1000,
                "fields": "id,rate,is_default,*rules,tax_region.country_code,"
                "tax_region.province_code",
            },
        )["tax_rates"]
        default, by_product, by_type = 0, {}, {}
        for rate in rates:
            region = rate.get("tax_region") or {}
            if region.get("country_code") != self.settings.country_code:
                continue
            if region.get("province_code"):
                continue  # provinces do not apply to a French store
            bp = rate_to_bp(rate.get("rate") or 0)
            if rate.get("is_default"):
                default = bp
            for rule in rate.get("rules") or []:
                if rule.get("reference") == "product":
                    by_product[rule["reference_id"]] = bp
                elif rule.get("reference") == "product_type":
                    by_type[rule["reference_id"]] = bp
        return TaxTable(default, by_product, by_type)


# -- field rules --------------------------------------------------------------------------


def sku_of(variant: dict[str, Any]) -> str:
    sku = variant.get("sku") or ""
    return sku if _SKU.match(sku) else variant["id"][:64]


def operator_id(variant: dict[str, Any]) -> int | None:
    value = (variant.get("metadata") or {}).get("comptoir_product_id")
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 1 <= number < LOCAL_IDS_FROM else None


def display_name(product_title: str, variant_title: str) -> str:
    title, extra = product_title.strip(), variant_title.strip()
    generic = ("default", "default variant", "default title")
    if extra and extra.lower() not in generic and extra.lower() not in title.lower():
        title = f"{title} {extra}" if title else extra
    return (title or "?")[:200]


def barcodes_of(variant: dict[str, Any]) -> list[str]:
    codes: list[str] = []
    for key in ("ean", "upc", "barcode"):
        code = str(variant.get(key) or "").strip()
        if _DIGITS.match(code):
            codes.append(code)
            if key == "upc" and len(code) == 12:
                codes.append("0" + code)  # scanners often report UPC-A as EAN-13
    return list(dict.fromkeys(codes))[:32]


def _list_price(variant: dict[str, Any], currency: str) -> int:
    for price in variant.get("prices") or []:
        if price.get("currency_code") == currency and not price.get("rules"):
            return field_cents(price, "amount")
    return 0


def chunks(values: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
