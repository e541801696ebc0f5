"""Pull feeds: pages of full latest-state items in change order, with opaque cursors.

Every item is the whole current state of one entity (an upsert), so applying a page twice
is harmless; ``version`` grows with every change of that entity.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictStr

from sync.contract.deliveries import DeliveryItem
from sync.contract.network import NetworkStockItem
from sync.contract.pickups import PickupOrder
from sync.contract.promotions import PromotionRule
from sync.contract.scalars import (
    MAX_PAGE_ITEMS,
    WIRE,
    Barcode,
    Cents,
    Count,
    Cursor,
    CustomerId,
    Flag,
    Name,
    NonEmptyName,
    Plu,
    ProductId,
    Seq,
    ShortText,
    Sku,
    SoldBy,
    StockLevel,
    Timestamp,
    VatBp,
)
from sync.contract.staff import StaffItem

FeedName = Literal[
    "catalog", "promotions", "stock", "customers", "pickups", "staff", "network_stock",
    "deliveries", "departments",
]  # fmt: skip
FEEDS: tuple[FeedName, ...] = (
    "catalog", "promotions", "stock", "customers", "pickups", "staff", "network_stock",
    "deliveries", "departments",
)  # fmt: skip


class CatalogItem(BaseModel):
    """A product, the same ``id`` in every store. Deleted = ``active: false``.

    ``price_cents`` is VAT-inclusive, per kilogram when ``sold_by`` is ``weight``.
    ``popularity`` ranks equally relevant search hits at the till (see its field).
    """

    model_config = WIRE

    id: ProductId
    sku: Sku
    name: NonEmptyName
    brand: Name
    department: ShortText | None
    price_cents: Cents
    vat_bp: VatBp
    sold_by: SoldBy
    plu: Plu | None
    barcodes: Annotated[list[Barcode], Field(max_length=32)]
    active: Flag
    version: Seq
    #: Issue 18.1: units sold to customers across all channels (till sales and
    #: click-and-collect handovers), cumulative; a weighed line counts one. Republished
    #: only when it has grown by a quarter (at least one unit) since it was last served,
    #: so it may lag the truth by that much. Absent (older servers, Medusa) reads as 0.
    popularity: Count = 0


class DepartmentItem(BaseModel):
    """A department as the staff read it: ``code`` is what a product's ``department``
    names; ``name_fr`` and ``name_en`` are shown on screen and printed on the picking list
    ("Crèmerie et frais libre-service"), ``name_en`` empty when there is none (the French
    name stands in). ``vat_bp``: its usual rate (each product still carries its own)."""

    model_config = WIRE

    code: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    name_fr: NonEmptyName
    name_en: Name
    vat_bp: VatBp
    version: Seq


class NotApplied(BaseModel):
    """Why a platform's promotion is not applied at the till: a stable ``code`` the
    till words in the staff's language (with ``params``), and the platform's sentence."""

    model_config = WIRE

    code: Annotated[StrictStr, Field(pattern=r"^[a-z_]{1,40}$")]
    reason: Annotated[StrictStr, Field(max_length=500)]
    params: Annotated[dict[Annotated[StrictStr, Field(max_length=20)],
                           Annotated[StrictStr, Field(max_length=80)]],
                      Field(max_length=4)] = {}  # fmt: skip


class PromotionItem(PromotionRule):
    """A promotion, whole (contract v2, ``sync.contract.promotions``): the engine's
    fields plus its identity and window. ``active: false`` switches it off."""

    id: Seq
    name: NonEmptyName
    starts_at: Timestamp
    ends_at: Timestamp
    active: Flag
    version: Seq
    #: Set by a platform whose promotion the till cannot price as it does (Medusa):
    #: the item comes switched off, with why, so the till can show it to the staff.
    not_applied: NotApplied | None = None


class StockItem(BaseModel):
    """This store's central level; ``available`` is ``on_hand - reserved`` for the reader."""

    model_config = WIRE

    product_id: ProductId
    sku: Sku
    on_hand: StockLevel
    reserved: StockLevel
    version: Seq


class CustomerItem(BaseModel):
    model_config = WIRE

    id: CustomerId
    name: Name
    email: Annotated[str, Field(max_length=254)]
    phone: Annotated[str, Field(max_length=32)]
    loyalty_points: Count
    active: Flag
    version: Seq
    #: Issue 15: the customer's marketing choice; absent (v1 servers) reads as no.
    marketing_consent: Flag = False


#: An item of the ``pickups`` feed is the whole order, as the web and the desk see it.
PickupItem = PickupOrder


class _Page(BaseModel):
    model_config = WIRE

    next_cursor: Cursor
    has_more: Flag


class CatalogPage(_Page):
    feed: Literal["catalog"]
    items: Annotated[list[CatalogItem], Field(max_length=MAX_PAGE_ITEMS)]


class PromotionsPage(_Page):
    feed: Literal["promotions"]
    items: Annotated[list[PromotionItem], Field(max_length=MAX_PAGE_ITEMS)]


class StockPage(_Page):
    feed: Literal["stock"]
    items: Annotated[list[StockItem], Field(max_length=MAX_PAGE_ITEMS)]


class CustomersPage(_Page):
    feed: Literal["customers"]
    items: Annotated[list[CustomerItem], Field(max_length=MAX_PAGE_ITEMS)]


class PickupsPage(_Page):
    feed: Literal["pickups"]
    items: Annotated[list[PickupItem], Field(max_length=MAX_PAGE_ITEMS)]


class StaffPage(_Page):
    feed: Literal["staff"]
    items: Annotated[list[StaffItem], Field(max_length=MAX_PAGE_ITEMS)]


class NetworkStockPage(_Page):
    """Other locations' levels of the products this store carries (issue 16)."""

    feed: Literal["network_stock"]
    items: Annotated[list[NetworkStockItem], Field(max_length=MAX_PAGE_ITEMS)]


class DeliveriesPage(_Page):
    """Deliveries expected at (or received by) this store: suppliers' and transfers'; and
    the transfers this store sent (``from_store_id`` = this store, ``store_id`` the other
    one), so once received there it reads what arrived (``received``, ``differences``).
    A till receives only the items whose ``store_id`` is its own."""

    feed: Literal["deliveries"]
    items: Annotated[list[DeliveryItem], Field(max_length=MAX_PAGE_ITEMS)]


class DepartmentsPage(_Page):
    """The departments' display names, for the codes the catalog's products carry."""

    feed: Literal["departments"]
    items: Annotated[list[DepartmentItem], Field(max_length=MAX_PAGE_ITEMS)]


FeedPage = (
    CatalogPage
    | PromotionsPage
    | StockPage
    | CustomersPage
    | PickupsPage
    | StaffPage
    | NetworkStockPage
    | DeliveriesPage
    | DepartmentsPage
)

#: The page model of each feed, for a client that pulls them by name.
PAGE_MODELS: dict[FeedName, type[_Page]] = {
    "catalog": CatalogPage,
    "promotions": PromotionsPage,
    "stock": StockPage,
    "customers": CustomersPage,
    "pickups": PickupsPage,
    "staff": StaffPage,
    "network_stock": NetworkStockPage,
    "deliveries": DeliveriesPage,
    "departments": DepartmentsPage,
}
