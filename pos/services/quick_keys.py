"""Quick keys: a grid of favourite articles, in pages, set by a manager.

For what has no barcode (loose fruit, bread, bags) and for a cashier with nothing to
scan. The grid is read on the till's worker thread and handed to the screen whole; a
key rings its article up through ``Checkout.add_product`` like a scan would.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pos.domain.errors import PosError
from pos.domain.product import Product, SoldBy
from pos.domain.rights import Actor, Right, require
from pos.store.local_store import LocalStore
from pos.store.quick_keys import QuickKeyRow, last_known_name, read_keys, replace_keys

MAX_PAGES = 12
KEYS_PER_PAGE = 24
MAX_LABEL = 40


@dataclass(frozen=True, slots=True)
class QuickKey:
    position: int
    sku: str
    label: str  # the manager's short label, else the article's name
    product: Product | None  # None: no longer in the catalog (the key says so)


@dataclass(frozen=True, slots=True)
class QuickPage:
    name: str
    keys: tuple[QuickKey, ...]


@dataclass(frozen=True, slots=True)
class KeySpec:
    """What a manager puts on one key: an article by SKU, and an optional label."""

    sku: str
    label: str = ""


class QuickKeys:
    def __init__(self, store: LocalStore) -> None:
        self.store = store

    def pages(self) -> list[QuickPage]:
        pages: dict[int, tuple[str, list[QuickKey]]] = {}
        conn = self.store.conn
        for row in read_keys(conn):
            product = self.store.catalog.by_sku(row.sku)
            name = product.name if product is not None else last_known_name(conn, row.sku)
            label = row.label or name or row.sku
            pages.setdefault(row.page_no, (row.page, []))[1].append(
                QuickKey(row.position, row.sku, label, product)
            )
        return [QuickPage(name, tuple(keys)) for _, (name, keys) in sorted(pages.items())]

    def set_pages(
        self, actor: Actor, pages: Sequence[tuple[str, Sequence[KeySpec | None]]]
    ) -> None:
        """Replace the whole grid. ``None`` leaves a key empty (its place is kept). Needs
        the settings right; every SKU must be an article of the catalog."""
        require(actor, Right.SETTINGS)
        if len(pages) > MAX_PAGES:
            raise PosError(
                f"At most {MAX_PAGES} pages of quick keys.", code="quick_keys_too_many_pages"
            )
        rows: list[QuickKeyRow] = []
        for page_no, (name, keys) in enumerate(pages):
            name = name.strip()
            if not 1 <= len(name) <= MAX_LABEL:
                raise PosError(
                    f"A page needs a name of 1 to {MAX_LABEL} characters.",
                    code="quick_keys_page_name",
                )
            if len(keys) > KEYS_PER_PAGE:
                raise PosError(
                    f"At most {KEYS_PER_PAGE} keys on the page {name}.",
                    code="quick_keys_too_many_keys",
                    page=name,
                )
            for position, spec in enumerate(keys):
                if spec is None:
                    continue
                if self.store.catalog.by_sku(spec.sku) is None:
                    raise PosError(
                        f"{spec.sku} is not an article of the catalog.",
                        code="unknown_product",
                        value=spec.sku,
                    )
                label = spec.label.strip()[:MAX_LABEL]
                rows.append(QuickKeyRow(page_no, name, position, spec.sku, label))
        at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        replace_keys(self.store.conn, rows, actor.staff_id, at)


def needs_weight(key: QuickKey) -> bool:
    """A weighed article's key asks for the weight before it rings up."""
    return key.product is not None and key.product.sold_by is SoldBy.WEIGHT


def demo_pages(store: LocalStore) -> list[tuple[str, list[KeySpec | None]]]:
    """The demo store's grid: its best-selling loose produce, cut counter and bakery."""
    conn = store.conn
    pages = []
    for name, department, sold_by in (
        ("Fruits et légumes", "fruits_legumes", "weight"),
        ("Coupe", "coupe", "weight"),
        ("Boulangerie", "boulangerie", "unit"),
    ):
        skus = conn.execute(
            "SELECT sku FROM products WHERE department = ? AND sold_by = ? AND active = 1 "
            "ORDER BY popularity DESC, id LIMIT 12",
            (department, sold_by),
        ).fetchall()
        if skus:
            pages.append((name, [KeySpec(sku) for (sku,) in skus]))
    return pages
