"""The settings tree: what a till reads at start, immutable, replaced whole on save."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from hardware.payment_terminal import TerminalConfig
from hardware.printer.connections import PrinterConfig
from hardware.scanners import ScannerSettings

Language = Literal["fr", "en"]
ReceiptDefault = Literal["ask", "print", "none"]

LANGUAGES: tuple[str, ...] = ("fr", "en")
RECEIPT_DEFAULTS: tuple[str, ...] = ("ask", "print", "none")
#: The customer display: on a second screen when there is one, as a window, or none.
CustomerDisplayMode = Literal["auto", "window", "off"]
CUSTOMER_DISPLAY_MODES: tuple[str, ...] = ("auto", "window", "off")
PRINTER_KINDS: tuple[str, ...] = ("dummy", "network", "usb", "serial", "file")
BAUDRATES: tuple[int, ...] = (2400, 4800, 9600, 19200, 38400, 57600, 115200)
#: Which connection field each printer kind cannot do without.
REQUIRED_FOR_KIND: dict[str, tuple[str, ...]] = {
    "network": ("host",),
    "usb": ("usb_vendor_id", "usb_product_id"),
    "serial": ("serial_device",),
    "file": ("file_path",),
    "dummy": (),
}


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """The receipt header and footer: French receipts must name the seller and its SIRET."""

    name: str = "Comptoir Démo — Lyon Part-Dieu"
    address_lines: tuple[str, ...] = ("12 rue de la Part-Dieu", "69003 Lyon")
    siret: str = "123 456 789 00012"
    vat_number: str = "FR32123456789"
    receipt_footer: tuple[str, ...] = (
        "Merci de votre visite !",
        "Échange sous 30 jours avec ce ticket.",
    )


@dataclass(frozen=True, slots=True)
class TillSettings:
    """This terminal. ``receipt_default`` is "ask": since August 2023 French law forbids
    printing every receipt systematically; the customer is offered one."""

    terminal_id: str = "T01"
    language: Language = "fr"
    receipt_default: ReceiptDefault = "ask"
    drawer_on_cash: bool = True
    customer_display: CustomerDisplayMode = "auto"
    # The till day (``pos.services.till_session``): a session open longer than this must
    # be closed before selling again; a Z whose count differs by more than this (every
    # tender's gap added up, in cents) needs a manager's approval.
    session_max_hours: int = 24
    close_difference_limit_cents: int = 500
    # Meal vouchers (titres-restaurant) one sale may take, in cents (0: no cap): the law
    # caps them at 25 € a day per employee, and a till only sees this sale.
    meal_voucher_cap_cents: int = 2500
    # Back to the sign-in screen after this many minutes without a key or a touch (0:
    # never); the open basket stays with its author.
    lock_after_minutes: int = 5
    # Returns (issue 14), in cents: the most a refund gives back in cash without a
    # manager (REFUND_CASH_ABOVE_LIMIT); the most one return may give back with no
    # central confirmation (offline); the most of a credit note spent with no central
    # check (offline). A sale older than ``return_window_days`` goes back only with a
    # manager's approval (RETURN_WITHOUT_RECEIPT).
    cash_refund_limit_cents: int = 15000
    offline_return_limit_cents: int = 10000
    offline_credit_note_limit_cents: int = 5000
    return_window_days: int = 30


@dataclass(frozen=True, slots=True)
class FiscalSettings:
    """The fiscal calendar: the month the fiscal year starts (1 = January), for the
    annual closure (``pos.domain.closures``)."""

    year_start_month: int = 1


@dataclass(frozen=True, slots=True)
class LoyaltySettings:
    """Loyalty at the till (issue 15): offline, at most ``offline_cap_points`` points are
    spent per sale (0: no offline redemption); central checks them at the next sync."""

    offline_cap_points: int = 500


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the till reads at start; immutable, replaced whole when the user saves."""

    store: StoreSettings = field(default_factory=StoreSettings)
    till: TillSettings = field(default_factory=TillSettings)
    printer: PrinterConfig = field(default_factory=PrinterConfig)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    fiscal: FiscalSettings = field(default_factory=FiscalSettings)
    payment_terminal: TerminalConfig = field(default_factory=TerminalConfig)
    loyalty: LoyaltySettings = field(default_factory=LoyaltySettings)


class SettingsError(ValueError):
    """A settings value or file the till cannot use; ``str()`` is a sentence for people.

    ``key`` ("printer.port"), ``rule`` (a stable code such as "integer") and ``params``
    (already formatted for display: "value", "low", "high", "choices"…) let the UI say the
    same thing in the cashier's language and point at the field.
    """

    def __init__(
        self,
        message: str,
        *,
        key: str = "",
        rule: str = "",
        params: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.rule = rule
        self.params = dict(params or {})
