from pathlib import Path

from pos.ui.i18n import install_translations
from pos.ui.screenshots import take_screenshots


def test_screenshots_command_saves_each_view_in_both_languages(qapp, tmp_path: Path) -> None:
    try:
        saved = take_screenshots(tmp_path)
    finally:
        install_translations(qapp, "fr")  # the other GUI tests expect the default language
    names = sorted(path.name for path in saved)
    assert names == sorted(
        f"{view}_{lang}{size}.png"
        for lang in ("fr", "en")
        for view, size in (
            ("till", "_1024x768"),
            ("till", "_1920x1080"),
            ("sales_dashboard", "_1024x768"),
            ("sales_dashboard", "_1920x1080"),
            ("customer_search", ""),
            ("customer_form", ""),
            ("customer_history", ""),
            ("till_customer", ""),
            ("payment", ""),
            ("discount_dialog", ""),
            ("price_dialog", ""),
            ("return_dialog", ""),
            ("return_basket", ""),
            ("return_no_receipt", ""),
            ("refund_choice", ""),
            ("credit_note_preview", ""),
            ("payment_credit_note", ""),
            ("receipt_offer", ""),
            ("receipt_preview", ""),
            ("settings_store", ""),
            ("settings_till", ""),
            ("settings_printer", ""),
            ("settings_scanner", ""),
            ("settings_terminal", ""),
            ("settings_printer_models", ""),
            ("settings_printer_codepages", ""),
            ("settings_printer_raster", ""),
            ("test_page_preview", ""),
            ("test_page_preview_32", ""),
            ("pickup_desk", ""),
            ("pickup_picking", ""),
            ("pickup_handover", ""),
            ("recovery_unshown_sale", ""),
            ("recovery_open_basket", ""),
            ("outbox", ""),
            ("other_stores", ""),
            ("other_stores_ordered", ""),
            ("other_stores_offline", ""),
            ("outbox_set_aside", ""),
            ("customer_display", ""),
            ("customer_display_change", ""),
            ("pin_pad", ""),
            ("till_opening", ""),
            ("cash_out", ""),
            ("x_report", ""),
            ("z_count", ""),
            ("z_difference", ""),
            ("sign_in", ""),
            ("sign_in_pin", ""),
            ("approval", ""),
            ("cancel_sale", ""),
            ("till_change_offline", ""),
            ("pickup_without_code", ""),
            ("pickup_approval", ""),
            ("fiscal_record_closures", ""),
            ("fiscal_record_archives", ""),
            ("fiscal_record_verification", ""),
            ("fiscal_record_broken", ""),
            ("till_promotions", ""),
            ("receipt_preview_promotions", ""),
            ("promotions_list", ""),
            ("payment_loyalty", ""),
            ("receipt_preview_loyalty", ""),
            ("stock_screen", ""),
            ("stock_adjust", ""),
            ("stock_count_variances", ""),
            ("stock_receiving", ""),
            ("stock_transfer", ""),
            ("receipt_preview_qr_48", ""),
            ("receipt_preview_code128_32", ""),
        )
    )
    assert all(path.stat().st_size > 10_000 for path in saved)
