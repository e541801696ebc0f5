"""What the pickup desk's views share: refusals in the staff's words, hand counts read
from what was typed, and fonts that grow with the screen."""

from __future__ import annotations

from typing import Any

from pos.domain.product import SoldBy
from pos.ui.messages import user_message
from pos.ui.models.pickup_model import state_text
from pos.ui.qt import QCoreApplication, QTableView


def parse_count(text: str, sold_by: SoldBy) -> int | None:
    """A hand count: units, or for goods sold by weight grams ("320") or kilograms
    with a decimal point ("0,320"); None if it is not a count."""
    text = text.strip().replace(" ", "").removesuffix("kg").removesuffix("g")
    if sold_by is SoldBy.WEIGHT and ("," in text or "." in text):
        whole, _, decimals = text.replace(",", ".").partition(".")
        if not (whole or "0").isdigit() or not decimals.isdigit() or len(decimals) > 3:
            return None
        return int(whole or "0") * 1000 + int(decimals.ljust(3, "0"))
    return int(text) if text.isdigit() else None


def desk_message(code: str, message: str, params: dict[str, Any] | None = None) -> str:
    """A refusal in the staff's language: state names translated, and the handover
    variant of ``pickup_bad_quantity`` told apart from the picking one."""
    shown = dict(params or {})
    for key in ("state", "target"):
        if key in shown:
            shown[key] = state_text(str(shown[key]))
    if code == "right_refused" and shown.get("right") == "handover_without_code":
        return QCoreApplication.translate(
            "DeskMessages", "No code shown: type the customer's code, or a manager approves."
        )
    if code == "handover_not_approved":
        return QCoreApplication.translate(
            "DeskMessages", "Not approved: ask the customer for their order's code."
        )
    if code == "pickup_bad_quantity" and "picked" in shown:
        code = "pickup_bad_handover_quantity"
    return user_message(code, message, shown)


def fit_rows(table: QTableView) -> None:
    """No taller than its rows (it scrolls when they do not fit): an order of three
    lines leaves no big empty table on the screen."""
    height = (
        table.horizontalHeader().sizeHint().height()
        + table.model().rowCount() * table.verticalHeader().defaultSectionSize()
        + 2 * table.frameWidth()
        + 2
    )
    table.setMaximumHeight(height)
