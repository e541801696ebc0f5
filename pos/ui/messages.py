"""Refusals in the cashier's language.

The domain, the store and the barcode parser refuse with a stable ``code``, an English
message and ``params``. Here each code a cashier meets at the till gets a translated
sentence; an unknown code falls back to the English message rather than to nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pos.ui.coupon_messages import coupon_templates
from pos.ui.customer_messages import customer_templates
from pos.ui.customer_order_messages import customer_order_templates
from pos.ui.loyalty_messages import loyalty_templates
from pos.ui.money import format_money
from pos.ui.price_messages import MONEY_PARAMS as PRICE_MONEY_PARAMS
from pos.ui.price_messages import price_templates
from pos.ui.qt import QCoreApplication
from pos.ui.receiving_messages import receiving_templates
from pos.ui.return_messages import MONEY_PARAMS as RETURN_MONEY_PARAMS
from pos.ui.return_messages import return_templates
from pos.ui.staff_messages import staff_templates
from pos.ui.stock_messages import stock_templates
from pos.ui.terminal_messages import terminal_templates


def _templates() -> dict[str, str]:
    return {
        "unknown_barcode": QCoreApplication.translate(
            "Messages", "Unknown code %value: this product is not in the catalog."
        ),
        "bad_check_digit": QCoreApplication.translate(
            "Messages", "Misread code %raw (check digit should be %expected): scan again."
        ),
        "bad_length": QCoreApplication.translate(
            "Messages", "This code has a length no product code has: scan again."
        ),
        "not_digits": QCoreApplication.translate(
            "Messages", "This code is not a product barcode: scan again."
        ),
        "bad_characters": QCoreApplication.translate(
            "Messages", "This reference has characters no product uses: scan again."
        ),
        "empty": QCoreApplication.translate("Messages", "Nothing was scanned: scan again."),
        "trade_unit": QCoreApplication.translate(
            "Messages", "This is a carton code: scan one item of the carton."
        ),
        "needs_weight": QCoreApplication.translate(
            "Messages", "This product is sold by weight: weigh it and scan the label."
        ),
        "label_mismatch": QCoreApplication.translate(
            "Messages", "This scale label does not match the product."
        ),
        "unknown_product": QCoreApplication.translate(
            "Messages", "This product is no longer in the catalog."
        ),
        "empty_basket": QCoreApplication.translate(
            "Messages", "The basket is empty: scan an item first."
        ),
        "not_paid": QCoreApplication.translate(
            "Messages", "The sale is not fully paid yet: %remaining still due."
        ),
        "already_paid": QCoreApplication.translate("Messages", "This sale is already paid."),
        "recovery_pending": QCoreApplication.translate(
            "Messages", "First settle what the restart found: the last sale or the open basket."
        ),
        "payments_taken": QCoreApplication.translate(
            "Messages", "Payments are already taken: remove them before changing the sale."
        ),
        "tender_exceeds_due": QCoreApplication.translate(
            "Messages", "A card or voucher cannot exceed what is due."
        ),
        "quantity_not_positive": QCoreApplication.translate(
            "Messages", "A quantity must be at least 1."
        ),
        "quantity_not_integer": QCoreApplication.translate(
            "Messages", "A quantity must be a whole number."
        ),
        "quantity_too_large": QCoreApplication.translate(
            "Messages", "This quantity is more than one line can hold: check it."
        ),
        "quantity_fixed_by_label": QCoreApplication.translate(
            "Messages", "This item's price comes from its label: scan each one."
        ),
        "amount_too_large": QCoreApplication.translate(
            "Messages", "This amount is over the till's limit: check the quantities."
        ),
        "discount_too_large": QCoreApplication.translate(
            "Messages", "The discount is more than the amount it applies to."
        ),
        "discount_out_of_range": QCoreApplication.translate(
            "Messages", "A discount must be between 0 and 100 %."
        ),
        "line_voided": QCoreApplication.translate("Messages", "This line is voided."),
        "no_such_line": QCoreApplication.translate(
            "Messages", "Select a line of the basket first."
        ),
        "parked_gone": QCoreApplication.translate(
            "Messages", "This parked sale was already resumed on another till."
        ),
        "sale_open": QCoreApplication.translate(
            "Messages", "Finish or park the current sale before resuming another."
        ),
        "training_mode": QCoreApplication.translate(
            "Messages", "Not in training mode: switch training mode off first."
        ),
        "training_sale_open": QCoreApplication.translate(
            "Messages", "Finish, park or cancel the current sale before switching training mode."
        ),
        "not_ready": QCoreApplication.translate(
            "Messages", "The till is still opening: wait a moment."
        ),
        "store_locked": QCoreApplication.translate(
            "Messages", "The store database is busy: try again in a moment."
        ),
        "store_read_only": QCoreApplication.translate(
            "Messages", "The store database is read-only: call support."
        ),
        "store_full": QCoreApplication.translate(
            "Messages", "The disk is full: the sale is kept open, call support."
        ),
        "store_corrupted": QCoreApplication.translate(
            "Messages", "The store database is damaged: call support, do not delete it."
        ),
        "offline": QCoreApplication.translate(
            "Messages", "The printer cannot be reached: check it is on and connected, then Retry."
        ),
        "paper_out": QCoreApplication.translate(
            "Messages", "The printer is out of paper: load a roll, then Retry."
        ),
        "cover_open": QCoreApplication.translate(
            "Messages", "The printer cover is open: close it, then Retry."
        ),
        "timeout": QCoreApplication.translate(
            "Messages", "The printer did not answer in time: check it, then Retry."
        ),
        "nothing_to_reprint": QCoreApplication.translate(
            "Messages", "No sale to reprint yet on this till."
        ),
        "pickup_not_found": QCoreApplication.translate(
            "Messages",
            "No order of this store has the code or number “%text”: check it with the customer, "
            "or sync the desk and try again.",
        ),
        "pickup_code_mismatch": QCoreApplication.translate(
            "Messages",
            "This QR code does not match its order: ask the customer for the code in their "
            "confirmation e-mail.",
        ),
        "pickup_is_cart": QCoreApplication.translate(
            "Messages", "This is an online cart, not a pickup order: load it at the till."
        ),
        "pickup_code_unreadable": QCoreApplication.translate(
            "Messages", "This pickup QR code cannot be read: type the code instead."
        ),
        "pickup_already_ready": QCoreApplication.translate(
            "Messages", "This order is already ready."
        ),
        "pick_wrong_item": QCoreApplication.translate(
            "Messages", "Wrong item: %barcode is not in this order. Put it back."
        ),
        "pick_too_many": QCoreApplication.translate(
            "Messages", "Too many: %name — %ordered ordered, all already picked."
        ),
        "pick_needs_weight": QCoreApplication.translate(
            "Messages",
            "%name: this label gives a price, not a weight: weigh it and enter the grams.",
        ),
        "pickup_bad_quantity": QCoreApplication.translate(
            "Messages", "Between 0 and %ordered can be picked for this item."
        ),
        "pickup_bad_handover_quantity": QCoreApplication.translate(
            "Messages", "Between 0 and %picked can be handed over for this item."
        ),
        "pickup_nothing_picked": QCoreApplication.translate(
            "Messages", "Nothing was picked: cancel the order instead."
        ),
        "pickup_picking_mismatch": QCoreApplication.translate(
            "Messages", "This picking is for another version of the order: start picking again."
        ),
        "pickup_not_picking": QCoreApplication.translate(
            "Messages", "Start preparing the order first."
        ),
        "pickup_pay_in_store": QCoreApplication.translate(
            "Messages", "This order is paid in store: ring it up at the till, then hand it over."
        ),
        "pickup_prepaid": QCoreApplication.translate(
            "Messages", "This order was paid online: hand it over without a sale."
        ),
        "pickup_sale_unknown": QCoreApplication.translate(
            "Messages", "This sale is not recorded on this till: complete the sale first."
        ),
        "pickup_sale_mismatch": QCoreApplication.translate(
            "Messages", "This sale holds none of the order's items."
        ),
        "pickup_not_ready": QCoreApplication.translate(
            "Messages", "This order is %state, not ready yet: prepare it first."
        ),
        "pickup_closed": QCoreApplication.translate(
            "Messages", "This order is already %state: nothing more can be done with it."
        ),
        "pickup_illegal_move": QCoreApplication.translate(
            "Messages", "An order that is %state cannot become %target."
        ),
        "pickup_nothing_handed_over": QCoreApplication.translate(
            "Messages", "Nothing would be handed over: cancel the order instead."
        ),
        "staff_required": QCoreApplication.translate(
            "Messages", "Say who is at the desk: the staff name is missing."
        ),
        "desk_not_ready": QCoreApplication.translate(
            "Messages", "The pickup desk is still opening: wait a moment."
        ),
        "pickup_refund": QCoreApplication.translate(
            "Messages",
            "The order is %state but a sale took its payment: refund the customer with a return "
            "of that sale, and put the items back on the shelves.",
        ),
        "pickup_restock": QCoreApplication.translate(
            "Messages",
            "The order is %state: do not hand it over; put its items back on the shelves.",
        ),
        "pickup_already_handed_over": QCoreApplication.translate(
            "Messages",
            "The order was already handed over elsewhere: hand nothing more over; if the customer"
            " still has the items, call a manager.",
        ),
        "pickup_already_done": QCoreApplication.translate(
            "Messages", "Another desk already did this step: nothing to do."
        ),
        "pickup_redo": QCoreApplication.translate(
            "Messages", "Open the order again as it stands now and redo the step."
        ),
        "pickup_call_support": QCoreApplication.translate(
            "Messages",
            "Central refused this step for the reason above: the order is shown as central has "
            "it; call support if it looks wrong.",
        ),
        "no_session": QCoreApplication.translate(
            "Messages", "The till is not open: count the float and open it first."
        ),
        "session_too_old": QCoreApplication.translate(
            "Messages",
            "This till session has been open more than %max_hours hours: close it (Z), then "
            "open the new day before selling.",
        ),
        "session_already_open": QCoreApplication.translate(
            "Messages", "The till is already open (by %opened_by): close it before opening again."
        ),
        "difference_needs_approval": QCoreApplication.translate(
            "Messages",
            "The count differs by %difference, more than %limit: a manager must approve the "
            "closing.",
        ),
        "basket_open": QCoreApplication.translate(
            "Messages",
            "A sale is still open on this till: finish it, park it or cancel it before closing.",
        ),
        "cash_out_exceeds_drawer": QCoreApplication.translate(
            "Messages", "The drawer should hold %expected: %amount cannot be taken out of it."
        ),
        "movement_reason_unknown": QCoreApplication.translate(
            "Messages", "Choose a reason for the cash movement from the list."
        ),
        "movement_note_missing": QCoreApplication.translate(
            "Messages", "Say what the cash movement is for: “other” needs a note."
        ),
        "movement_note_refused": QCoreApplication.translate(
            "Messages", "The note is too long: 200 characters at most."
        ),
        "right_refused": QCoreApplication.translate(
            "Messages", "You may not do this: it needs a manager."
        ),
        "amount_unreadable": QCoreApplication.translate(
            "Messages", "This is not an amount in euros: type it like 12,50."
        ),
        "amount_too_precise": QCoreApplication.translate(
            "Messages", "An amount has at most two decimals (cents)."
        ),
        "unknown_denomination": QCoreApplication.translate(
            "Messages", "This is not a euro coin or note."
        ),
        "count_not_whole": QCoreApplication.translate(
            "Messages", "A count of pieces must be a whole number."
        ),
        "count_negative": QCoreApplication.translate(
            "Messages", "A count of pieces cannot be negative."
        ),
        "count_too_large": QCoreApplication.translate(
            "Messages", "%count pieces is more than a drawer holds: check the count."
        ),
        "tender_not_counted": QCoreApplication.translate(
            "Messages", "This tender is not counted at closing."
        ),
        "counted_amount_refused": QCoreApplication.translate(
            "Messages", "A counted total must be an amount between 0 and the till's limit."
        ),
        "cart_already_loaded": QCoreApplication.translate(
            "Messages", "This cart is already in this sale."
        ),
        "cart_is_pickup": QCoreApplication.translate(
            "Messages", "This is a click-and-collect order, not a cart: open it at the pickup desk."
        ),
        "cart_code_unreadable": QCoreApplication.translate(
            "Messages", "This is not a cart code: a code reads like K7M2-Q9XD."
        ),
        "cart_product_unknown": QCoreApplication.translate(
            "Messages",
            "Not in this till's catalog: %products. Sync the till, or sell the other items by "
            "scanning them.",
        ),
        "cart_offline": QCoreApplication.translate(
            "Messages", "The cart cannot be fetched offline: scan the items."
        ),
        "cart_not_found": QCoreApplication.translate(
            "Messages", "There is no such cart: check the code with the customer."
        ),
        "cart_expired": QCoreApplication.translate(
            "Messages", "This cart has expired: scan the items instead."
        ),
        "cart_already_used": QCoreApplication.translate(
            "Messages", "This cart was already used for another sale: scan the items instead."
        ),
        "cart_needs_plugin": QCoreApplication.translate(
            "Messages",
            "Web carts need Comptoir's plugin in Medusa, which is not installed: scan the "
            "items instead.",
        ),
        "cart_refused": QCoreApplication.translate(
            "Messages",
            "The central server refused this cart: scan the items instead, or call support.",
        ),
        **staff_templates(),
        **price_templates(),
        **return_templates(),
        **terminal_templates(),
        **coupon_templates(),
        **customer_templates(),
        **customer_order_templates(),
        **loyalty_templates(),
        **stock_templates(),
        **receiving_templates(),
    }


#: Params that are amounts in cents (by code), shown as money in the sentence.
_MONEY_PARAMS = {
    "difference_needs_approval": frozenset({"difference", "limit"}),
    "cash_out_exceeds_drawer": frozenset({"expected", "amount"}),
    **PRICE_MONEY_PARAMS,
    **RETURN_MONEY_PARAMS,
}


def paris_time(utc_iso: str) -> str:
    """A UTC ISO instant as HH:MM in the store's time (Europe/Paris)."""
    moment = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    return moment.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M")


def user_message(code: str, english: str, params: dict[str, Any] | None = None) -> str:
    template = _templates().get(code)
    if template is None:
        return english
    for key, value in (params or {}).items():
        money_keys = _MONEY_PARAMS.get(code, frozenset({"remaining"}))
        money = key in money_keys and isinstance(value, int) and not isinstance(value, bool)
        shown = format_money(value) if money else value
        if key == "until" and isinstance(value, str):
            shown = paris_time(value)
        if isinstance(value, list | tuple):
            shown = ", ".join(str(item) for item in value)
        template = template.replace(f"%{key}", str(shown))
    return template
