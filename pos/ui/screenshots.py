"""``comptoir screenshots DIR``: the till as a person sees it, saved as PNG files.

A throwaway demo store, the real window and worker, real scans; French and English,
at 1024×768 and 1920×1080. Anyone can look at what the till shows without a till.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from pos.config import Settings
from pos.services.receipts import header_for_store
from pos.services.screenshot_setup import lay_demo_store
from pos.ui.attention_screenshots import attention_screenshots
from pos.ui.credit_note_screenshots import credit_note_screenshots
from pos.ui.customer_display import CustomerDisplay
from pos.ui.customer_screenshots import customer_screenshots
from pos.ui.dialogs.settings_dialog import SettingsDialog
from pos.ui.fiscal_screenshots import fiscal_record_screenshots
from pos.ui.grab import grab_receipt_preview, save_grab, wait_for, wait_until
from pos.ui.i18n import install_translations
from pos.ui.loyalty_screenshots import loyalty_screenshots
from pos.ui.main_window import MainWindow
from pos.ui.other_stores_screenshots import other_stores_screenshots
from pos.ui.pickup_screenshots import pickup_screenshots
from pos.ui.price_screenshots import price_screenshots
from pos.ui.printer_screenshots import printer_screenshots
from pos.ui.promotion_screenshots import promotion_screenshots
from pos.ui.qt import QApplication
from pos.ui.receipt_code_screenshots import receipt_code_screenshots
from pos.ui.receiving_screenshots import receiving_screenshots
from pos.ui.return_screenshots import return_screenshots
from pos.ui.sales_screenshots import sales_screenshots
from pos.ui.staff_screenshots import approval_screenshot, sign_in_screenshots, staff_speak
from pos.ui.stock_screenshots import stock_screenshots
from pos.ui.till_controller import TillController, TillOptions
from pos.ui.till_day_screenshots import till_day_screenshots
from sync.engine.status import SyncStatus

SIZES = ((1024, 768), (1920, 1080))


def _popular_codes(db: Path, count: int) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
            "WHERE p.sold_by = 'unit' ORDER BY p.popularity DESC, p.id LIMIT ?",
            (count,),
        ).fetchall()
    finally:
        conn.close()
    return [code for (code,) in rows]


def _one_language(app: QApplication, data_dir: Path, out: Path, language: str) -> list[Path]:
    install_translations(app, language)
    staff_speak(data_dir / "store.db", language)
    header = header_for_store(Settings().store, language)
    options = TillOptions(data_dir, cashier="Camille", demo_if_empty=False, receipt_header=header)
    controller = TillController(options)
    window = MainWindow(controller)
    screen = window.till_screen
    customer = CustomerDisplay(Settings().store.name)  # the second screen, beside the till
    customer.resize(1024, 600)
    controller.worker.changed.connect(customer.show_basket)
    controller.worker.completed.connect(customer.show_completed)
    window.show()
    controller.start()
    wait_for(screen.basket_shown)
    saved = sign_in_screenshots(window, out, language)
    if not window.day.can_sell:  # the day opens on the opening screen, as in a store
        window.day.opening.open_button.click()
        wait_until(lambda: window.day.can_sell)
    for code in _popular_codes(data_dir / "store.db", 12):
        screen.scan(code)
        wait_for(screen.basket_shown)
    screen.scan("3000000000007")  # an unknown product: the message shows
    wait_for(screen.refusal_shown)
    saved.append(save_grab(customer, out / f"customer_display_{language}.png"))
    for width, height in SIZES:
        window.resize(width, height)
        saved.append(save_grab(window, out / f"till_{language}_{width}x{height}.png"))
    window.resize(*SIZES[0])
    saved += price_screenshots(window, out, language)
    screen.pay()
    dialog = screen.payment_dialog
    dialog.amount_field.setText("5,00")
    dialog.reference_field.setText("AVOIR-2026-0042")
    dialog.voucher_button.click()
    wait_for(screen.basket_shown)
    saved.append(save_grab(dialog, out / f"payment_{language}.png"))
    dialog.quick_buttons[-1].click()  # the rest in cash
    wait_for(screen.basket_shown)
    sold: list[str] = []
    screen.sale_shown.connect(lambda sale: sold.append(sale.sale_id))
    dialog.complete_button.click()
    wait_for(screen.sale_shown)
    saved.append(save_grab(window, out / f"receipt_offer_{language}.png"))
    # The change, big, and the status bar of a till cut off from central for a while.
    window.show_sync_status(SyncStatus(state="offline", pending=12345, rejected=3))
    saved.append(save_grab(window, out / f"till_change_offline_{language}.png"))
    window.show_sync_status(None)
    saved.append(save_grab(customer, out / f"customer_display_change_{language}.png"))
    saved += grab_receipt_preview(screen, out / f"receipt_preview_{language}.png")
    issued: list[tuple[str, int]] = []  # the credit note the return gives: spent next
    screen.sale_shown.connect(
        lambda sale: issued.extend(
            (t.reference, -t.amount_cents) for t in sale.draft.tenders if t.kind == "credit_note"
        )
    )
    saved += return_screenshots(window, out, language, sold[0])
    popular = _popular_codes(data_dir / "store.db", 1)[0]
    saved += credit_note_screenshots(window, out, language, *issued[-1], popular)
    saved += promotion_screenshots(window, out, language, data_dir / "store.db")
    settings = SettingsDialog(Settings(), out / "settings.toml", window)
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        name = ("store", "till", "printer", "scanner", "terminal")[index]
        saved.append(save_grab(settings, out / f"settings_{name}_{language}.png"))
    settings.reject()
    saved += printer_screenshots(window, out, language)
    saved.extend(
        approval_screenshot(window, out, language, _popular_codes(data_dir / "store.db", 1)[0])
    )
    saved += customer_screenshots(window, out, language, data_dir / "store.db")
    saved += loyalty_screenshots(window, out, language, popular)
    controller.shutdown()
    customer.close()
    customer.deleteLater()
    window.close()
    window.deleteLater()
    return saved


def take_screenshots(out: Path, languages: tuple[str, ...] = ("fr", "en")) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        lay_demo_store(data_dir / "store.db", products=3000, days=1, today=date.today())
        for language in languages:
            saved += _one_language(app, data_dir, out, language)
            saved += pickup_screenshots(out, language)
            saved += attention_screenshots(out, language)
            saved += other_stores_screenshots(out, language)
            saved += till_day_screenshots(out, language)
            saved += fiscal_record_screenshots(out, language)
            saved += sales_screenshots(out, language)
            saved += stock_screenshots(out, language)
            saved += receiving_screenshots(out, language)
            saved += receipt_code_screenshots(out, language)
    return saved
