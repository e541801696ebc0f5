"""Picking an order at the desk: its list by department, and a scan-to-pick session where
each scan (or a count by hand, or a scale label's grams) returns the next session."""

from __future__ import annotations

from dataclasses import replace

from hardware.barcodes import BarcodeError, MeasureKind, VariableMeasure, parse_scan
from pos.domain.errors import PosError
from pos.domain.pickup import Picking, PickOutcome, PickupLine, PickupState, check_move
from pos.domain.product import SoldBy
from pos.services.pickup_views import PickingLine, PickingList, PickResult
from pos.store import departments, pickup_orders
from pos.store.local_store import LocalStore
from pos.store.pickup_orders import DeskOrder


class PickingSteps:
    """Mixed into ``PickupDesk``: the picking half of the desk."""

    store: LocalStore

    def order(self, order_id: str) -> DeskOrder:  # pragma: no cover - PickupDesk's
        raise NotImplementedError

    def _department(self, product_id: int) -> str:  # pragma: no cover - PickupDesk's
        raise NotImplementedError

    def picking_list(self, order_id: str, language: str = "fr") -> PickingList:
        """The lines to fetch, each with its department's name in ``language`` (central's
        names, as the screen shows them; a department central never named: its code)."""
        order = self.order(order_id)
        codes = pickup_orders.barcodes(self.store.conn, [ln.product_id for ln in order.lines])
        names = departments.names(self.store.conn, language)
        lines = []
        for ln in order.lines:
            department = self._department(ln.product_id)
            lines.append(PickingLine(
                ln.line_no, ln.sku, ln.name, ln.sold_by, ln.quantity,
                codes.get(ln.product_id, ()), names.get(department, department),
            ))  # fmt: skip
        return PickingList(
            order.id, order.pickup_code, order.customer_name, order.due_at, tuple(lines)
        )

    def start_picking(self, order_id: str) -> Picking:
        """A scan-to-pick session (immutable: each scan returns the next one). It may
        start on a received order, but only one in preparation can be made ready."""
        order = self.order(order_id)
        if order.state is PickupState.READY:
            raise PosError("This order is already ready.", code="pickup_already_ready")
        check_move(order.state, PickupState.CANCELLED)  # refuses a closed order
        listing = self.picking_list(order_id)
        prices = {ln.sku: ln for ln in order.lines}
        return Picking.start(
            PickupLine(
                line.sku, line.name, scannable(line), line.quantity,
                prices[line.sku].unit_price_cents, prices[line.sku].vat_bp,
            )
            for line in listing.lines
        )  # fmt: skip

    def scan_pick(self, picking: Picking, scanned: str) -> PickResult:
        """Count one scanned item; PosError ``pick_wrong_item`` or ``pick_too_many``. A
        scale label counts its grams on the order's line sold by weight."""
        raw = scanned.strip()
        try:
            code = parse_scan(raw)  # UPC-A, GTIN-14 … read as the catalog stores them
        except BarcodeError:
            return PickResult(*picking.pick(raw))
        if code.measure is not None:
            return self._pick_weighed(picking, code.measure)
        try:
            return PickResult(*picking.pick(code.value))
        except PosError as error:
            if error.code == "pick_wrong_item" and any(raw in ln.barcodes for ln in picking.lines):
                return PickResult(*picking.pick(raw))
            raise

    def _pick_weighed(self, picking: Picking, measure: VariableMeasure) -> PickResult:
        product = self.store.catalog.by_plu(measure.item_code)
        sku = product.sku if product is not None else ""
        line = next((ln for ln in picking.lines if ln.sku == sku), None)
        if line is None:
            raise PosError(
                f"Wrong item: label {measure.item_code} is not in this order.",
                code="pick_wrong_item",
                barcode=measure.item_code,
            )
        if measure.kind is not MeasureKind.WEIGHT:
            raise PosError(
                f"{line.name}: this label gives a price, not a weight: weigh it and enter "
                "the grams.",
                code="pick_needs_weight",
                name=line.name,
            )
        after = self.set_picked(picking, sku, line.picked + measure.value)
        done = next(ln for ln in after.lines if ln.sku == sku)
        if after.complete:
            return PickResult(after, PickOutcome.ALL_DONE, done)
        outcome = PickOutcome.LINE_DONE if done.picked == done.ordered else PickOutcome.OK
        return PickResult(after, outcome, done)

    def set_picked(self, picking: Picking, sku: str, quantity: int) -> Picking:
        """Count a line by hand (goods sold by weight, in grams; an unreadable label)."""
        for index, line in enumerate(picking.lines):
            if line.sku == sku:
                if isinstance(quantity, bool) or not 0 <= quantity <= line.ordered:
                    raise PosError(
                        f"{line.name}: between 0 and {line.ordered} can be picked.",
                        code="pickup_bad_quantity",
                        ordered=line.ordered,
                    )
                lines = list(picking.lines)
                lines[index] = replace(line, picked=quantity)
                return Picking(tuple(lines))
        raise PosError(f"{sku} is not in this order.", code="pick_wrong_item", barcode=sku)


def scannable(line: PickingLine) -> tuple[str, ...]:
    """What counts one unit when scanned: a line sold by weight is counted by hand."""
    if line.sold_by is SoldBy.WEIGHT:
        return ()
    return (*line.barcodes, line.sku)
