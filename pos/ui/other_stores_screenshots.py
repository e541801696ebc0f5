"""The other stores dialog as staff see it (issue 16), saved as PNG files: live figures
with a store chosen for the sale's customer, the order placed, and the same figures
offline two hours later, marked with their age.

Central is stood in for by fixed figures (the screenshots run without a server); the
dialog, its worker, the service and the till's cache are the real ones.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pos.services.attached_customer import AttachedCustomer
from pos.services.demo_store import DEMO_STAFF
from pos.services.other_stores import OtherStores
from pos.services.screenshot_setup import lay_demo_store, scanned_line
from pos.ui.dialogs.other_stores_dialog import OtherStoresDialog
from pos.ui.grab import save_grab, wait_until
from pos.ui.i18n import install_translations
from pos.ui.qt import QApplication
from sync.contract.network import CustomerOrder, CustomerOrderRequest, NetworkStock
from sync.ports import CentralUnavailable

CUSTOMER = AttachedCustomer("CLI-0001", "Aurélie Fabre", 1250)
_LOCATIONS = (
    ("lyon-part-dieu", "Comptoir Démo — Lyon Part-Dieu", "store", 14, 2),
    ("paris-rivoli", "Comptoir Démo — Paris Rivoli", "store", 9, 1),
    ("marseille-prado", "Comptoir Démo — Marseille Prado", "store", 0, 0),
    ("entrepot-web", "Entrepôt web", "warehouse", 126, 18),
)


class _StandInCentral:
    """Central's answers for the pictures (``NetworkCalls``); offline once told so."""

    def __init__(self, price_cents: int) -> None:
        self.offline, self.price_cents = False, price_cents
        self.now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def network_stock(self, product_id: int) -> NetworkStock:
        if self.offline:
            raise CentralUnavailable("offline")
        return NetworkStock.model_validate({
            "product_id": product_id, "sku": f"SKU{product_id:07d}", "at": self.now,
            "locations": [
                {"store_id": s, "name": n, "kind": k, "on_hand": h, "reserved": r,
                 "available": h - r} for s, n, k, h, r in _LOCATIONS
            ],
        })  # fmt: skip

    def place_customer_order(self, request: CustomerOrderRequest) -> CustomerOrder:
        line, price = request.lines[0], self.price_cents
        total = price * line.quantity
        return CustomerOrder.model_validate({
            "order_id": request.order_id, "fulfilment": "pickup",
            "location_id": "paris-rivoli", "location_name": _LOCATIONS[1][1],
            "ordered_by": "lyon-part-dieu", "customer_id": request.customer_id,
            "state": "received", "paid": False, "pickup_code": "7KQ4-M2XD",
            "total_cents": total, "created_at": self.now,
            "lines": [{"line_no": 1, "product_id": 12, "sku": line.sku, "name": "Article",
                       "sold_by": "unit", "quantity": line.quantity, "list_price_cents": price,
                       "unit_price_cents": price, "discount_cents": 0, "vat_bp": 2000,
                       "total_cents": total, "promotion": None}],
        })  # fmt: skip


def other_stores_screenshots(out: Path, language: str) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    install_translations(app, language)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.db"
        lay_demo_store(db, products=300, days=1, today=date.today())
        line = scanned_line(db, [f"SKU{n:07d}" for n in range(12, 40)], DEMO_STAFF[0][0])
        central = _StandInCentral(line.unit_price_cents)
        service = OtherStores(db, "lyon-part-dieu", central)
        product = (line.product_id, line.sku, line.name)
        dialog = OtherStoresDialog(lambda: service, product, CUSTOMER, DEMO_STAFF[0][0])
        dialog.show()
        wait_until(lambda: dialog.view is not None and dialog.view.live)
        dialog.table.selectRow(1)
        dialog.quantity.setValue(2)
        saved.append(save_grab(dialog, out / f"other_stores_{language}.png"))
        placed: list[object] = []
        dialog.worker.placed.connect(placed.append)
        dialog.pickup_button.click()
        wait_until(lambda: bool(placed) and "7KQ4-M2XD" in dialog.result.text())
        shown = dialog.view
        wait_until(lambda: dialog.view is not shown)  # the figures after the order
        saved.append(save_grab(dialog, out / f"other_stores_ordered_{language}.png"))
        dialog.close()
        dialog.thread.shutdown()  # the picture is taken: no thread left behind
        central.offline = True
        later = datetime.now(UTC) + timedelta(hours=2, minutes=5)
        offline = OtherStoresDialog(
            lambda: service, product, None, DEMO_STAFF[0][0], now=lambda: later
        )
        offline.show()
        wait_until(lambda: offline.view is not None and offline.view.offline)
        saved.append(save_grab(offline, out / f"other_stores_offline_{language}.png"))
        offline.close()
        offline.thread.shutdown()
    return saved
