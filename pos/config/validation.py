"""Settings as TOML-shaped dicts and back, validated.

The same validation serves the file and the settings dialog, so the two can never
disagree on what is valid. No Qt here: the CLI and the services read the settings too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from hardware.payment_terminal import TERMINAL_DRIVERS, TerminalConfig
from hardware.printer.connections import PrinterConfig
from hardware.printer.escpos_receipt import DRAWER_PINS
from hardware.printer.models import UnknownPrinterModel, printer_model
from hardware.receipt.layout import SUPPORTED_COLUMNS
from hardware.scanners import KeyboardFix, ScannerSettings
from pos.config.model import (
    BAUDRATES,
    CUSTOMER_DISPLAY_MODES,
    LANGUAGES,
    PRINTER_KINDS,
    RECEIPT_DEFAULTS,
    REQUIRED_FOR_KIND,
    FiscalSettings,
    LoyaltySettings,
    Settings,
    SettingsError,
    StoreSettings,
    TillSettings,
)
from pos.config.section import (
    PREFIX,
    SIRET,
    TERMINAL,
    VAT,
    Section,
    compact_upper,
    reject_unknown,
)


def settings_to_dict(settings: Settings) -> dict[str, dict[str, Any]]:
    """The TOML shape of ``settings``: one table per section, plain TOML values only."""
    data = asdict(settings)
    for section in data.values():
        for key, value in section.items():
            if isinstance(value, tuple):
                section[key] = list(value)
            elif isinstance(value, str):
                section[key] = str(value)  # a StrEnum becomes its plain value
    return data


def settings_from_dict(data: Mapping[str, Any]) -> Settings:
    """Validate a TOML-shaped mapping (from the file or the settings form) into ``Settings``.

    Missing keys take their defaults; unknown keys are errors, so a typo is never silently
    ignored. Numbers may also arrive as text (the form's fields), "2,5" included.
    """
    sections = ("store", "till", "printer", "scanner", "fiscal", "payment_terminal", "loyalty")
    reject_unknown(data, sections, prefix="")
    store = _store(Section("store", data.get("store", {})))
    till = _till(Section("till", data.get("till", {})))
    printer = _printer(Section("printer", data.get("printer", {})))
    scanner = _scanner(Section("scanner", data.get("scanner", {})))
    fiscal = _fiscal(Section("fiscal", data.get("fiscal", {})))
    terminal = _payment_terminal(Section("payment_terminal", data.get("payment_terminal", {})))
    loyalty = _loyalty(Section("loyalty", data.get("loyalty", {})))
    return Settings(
        store=store, till=till, printer=printer, scanner=scanner, fiscal=fiscal,
        payment_terminal=terminal, loyalty=loyalty,
    )  # fmt: skip


def _payment_terminal(section: Section) -> TerminalConfig:
    d = TerminalConfig()
    config = TerminalConfig(
        driver=section.choice("driver", d.driver, TERMINAL_DRIVERS),
        address=section.text("address", d.address),
        timeout_s=section.number("timeout_s", d.timeout_s, 10, 300),
        pos_number=section.integer("pos_number", d.pos_number, 0, 99),
    )
    section.finish()
    if config.driver != "none":
        try:
            config.host_port()
        except ValueError:
            raise SettingsError(
                'payment_terminal.address must be "host:port", such as "192.168.1.60:8888", '
                f"not {config.address!r}.",
                key="payment_terminal.address",
                rule="address",
                params={"value": repr(config.address)},
            ) from None
    return config


def _fiscal(section: Section) -> FiscalSettings:
    settings = FiscalSettings(
        year_start_month=section.integer(
            "year_start_month", FiscalSettings().year_start_month, 1, 12
        )
    )
    section.finish()
    return settings


def _loyalty(section: Section) -> LoyaltySettings:
    settings = LoyaltySettings(
        offline_cap_points=section.integer(
            "offline_cap_points", LoyaltySettings().offline_cap_points, 0, 1_000_000
        )
    )
    section.finish()
    return settings


def _store(section: Section) -> StoreSettings:
    default = StoreSettings()
    settings = StoreSettings(
        name=section.text("name", default.name, required=True),
        address_lines=section.lines("address_lines", default.address_lines),
        siret=section.pattern("siret", default.siret, SIRET, "siret"),
        vat_number=section.pattern(
            "vat_number", default.vat_number, VAT, "vat_number", normalise=compact_upper
        ),
        receipt_footer=section.lines("receipt_footer", default.receipt_footer),
    )
    section.finish()
    return settings


def _till(section: Section) -> TillSettings:
    default = TillSettings()
    settings = TillSettings(
        terminal_id=section.pattern("terminal_id", default.terminal_id, TERMINAL, "terminal_id"),
        language=section.choice("language", default.language, LANGUAGES),
        receipt_default=section.choice(
            "receipt_default", default.receipt_default, RECEIPT_DEFAULTS
        ),
        drawer_on_cash=section.boolean("drawer_on_cash", default.drawer_on_cash),
        customer_display=section.choice(
            "customer_display", default.customer_display, CUSTOMER_DISPLAY_MODES
        ),
        session_max_hours=section.integer(
            "session_max_hours", default.session_max_hours, 1, 24 * 7
        ),
        close_difference_limit_cents=section.integer(
            "close_difference_limit_cents", default.close_difference_limit_cents, 0, 100_000
        ),
        meal_voucher_cap_cents=section.integer(
            "meal_voucher_cap_cents", default.meal_voucher_cap_cents, 0, 100_000
        ),
        lock_after_minutes=section.integer(
            "lock_after_minutes", default.lock_after_minutes, 0, 24 * 60
        ),
        cash_refund_limit_cents=section.integer(
            "cash_refund_limit_cents", default.cash_refund_limit_cents, 0, 1_000_000
        ),
        offline_return_limit_cents=section.integer(
            "offline_return_limit_cents", default.offline_return_limit_cents, 0, 1_000_000
        ),
        offline_credit_note_limit_cents=section.integer(
            "offline_credit_note_limit_cents", default.offline_credit_note_limit_cents, 0, 1_000_000
        ),
        return_window_days=section.integer(
            "return_window_days", default.return_window_days, 1, 3650
        ),
    )
    section.finish()
    return settings


def _printer(section: Section) -> PrinterConfig:
    d = PrinterConfig()
    values: dict[str, Any] = {
        "kind": section.choice("kind", d.kind, PRINTER_KINDS),
        "host": section.text("host", d.host),
        "port": section.integer("port", d.port, 1, 65535),
        "timeout_s": section.number("timeout_s", d.timeout_s, 0.5, 60),
        "usb_vendor_id": section.integer("usb_vendor_id", d.usb_vendor_id, 0, 0xFFFF, base=16),
        "usb_product_id": section.integer("usb_product_id", d.usb_product_id, 0, 0xFFFF, base=16),
        "serial_device": section.text("serial_device", d.serial_device),
        "baudrate": section.choice("baudrate", d.baudrate, BAUDRATES),
        "file_path": section.text("file_path", d.file_path),
        "profile": section.text("profile", d.profile, required=True),
        "codepage": section.text("codepage", d.codepage, required=True).upper(),
        "columns": section.choice("columns", d.columns, SUPPORTED_COLUMNS),
        "drawer_pin": section.choice("drawer_pin", d.drawer_pin, DRAWER_PINS),
        "qr_native": section.boolean("qr_native", d.qr_native),
        "check_status": section.boolean("check_status", d.check_status),
    }
    section.finish()
    for key in REQUIRED_FOR_KIND[values["kind"]]:
        if not values[key]:
            raise _required_for_kind(key, values["kind"])
    _check_model(values["profile"], values["codepage"], values["columns"])
    try:
        return PrinterConfig(**values)  # its own checks have the last word
    except ValueError as exc:
        raise SettingsError(
            f"printer: {exc}", key="printer", rule="invalid", params={"detail": str(exc)}
        ) from None


def _check_model(profile: str, codepage: str, columns: int) -> None:
    """The model must be in python-escpos's database, the page one that model has, and
    the width one of its fonts prints (a ZJ-5870 prints 32 columns, never 48)."""
    try:
        model = printer_model(profile)
    except UnknownPrinterModel as exc:
        raise SettingsError(
            f"printer.profile: {exc}", key="printer.profile", rule="printer_model",
            params={"value": repr(profile)},
        ) from None  # fmt: skip
    offered = model.offered_codepages()
    if codepage not in offered:
        listed = ", ".join(offered)
        raise SettingsError(
            f"printer.codepage: the printer model {model.label} has no code page {codepage!r}; "
            f"choose one of {listed} (IMAGE prints the text as a picture).",
            key="printer.codepage",
            rule="model_codepage",
            params={"value": repr(codepage), "model": model.label, "choices": listed},
        )
    most = model.widest()
    if most is not None and columns > most:
        raise SettingsError(
            f"printer.columns: the printer model {model.label} prints at most {most} "
            f"columns, not {columns}.",
            key="printer.columns",
            rule="model_columns",
            params={"value": str(columns), "model": model.label, "most": str(most)},
        )


def _required_for_kind(key: str, kind: str) -> SettingsError:
    full = f"printer.{key}"
    return SettingsError(
        f'{full} is needed when printer.kind is "{kind}".',
        key=full,
        rule="required",
        params={"kind": kind},
    )


def _scanner(section: Section) -> ScannerSettings:
    d = ScannerSettings()
    fixes = tuple(fix.value for fix in KeyboardFix)
    settings = ScannerSettings(
        min_length=section.integer("min_length", d.min_length, 1, 64),
        max_gap_ms=section.number("max_gap_ms", d.max_gap_ms, 1, 1000),
        prefix=section.pattern("prefix", d.prefix, PREFIX, "prefix", strip=False),
        keyboard_fix=KeyboardFix(section.choice("keyboard_fix", d.keyboard_fix.value, fixes)),
        enabled=section.boolean("enabled", d.enabled),
    )
    section.finish()
    return settings
