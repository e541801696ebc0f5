"""The on-screen receipt draws the same code as the paper: a QR code of the sale id, or
without QR the Code 128 that fits the width (the sale id at 80 mm, the ticket code at
58 mm), read back from the drawn pixels by a real decoder (zxing-cpp)."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hardware.receipt.code_drawing import CodeDrawing
from hardware.receipt.sale_code import sale_id_from_scan
from pos.config import StoreSettings
from pos.domain.pickup import PickupState
from pos.domain.product import SoldBy
from pos.services.pickup_views import HandoverSlip, SlipLine
from pos.services.slips import handover_slip
from pos.ui.dialogs.receipt_preview import ReceiptPreviewDialog, slip_preview
from tests.unit.printer.receipt_samples import SALE_ID, sample_receipt


def decoded(dialog: ReceiptPreviewDialog) -> list[tuple[str, str]]:
    image = dialog.text.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = bytes(image.constBits())[: image.bytesPerLine() * image.height()]
    view = zxingcpp.ImageView(pixels, image.width(), image.height(), zxingcpp.ImageFormat.Lum,
                              image.bytesPerLine())  # fmt: skip
    return [(result.format.name, result.text) for result in zxingcpp.read_barcodes(view)]


@pytest.mark.parametrize(
    ("columns", "qr_native", "expected"),
    [
        (48, True, ("QRCode", SALE_ID)),
        (32, True, ("QRCode", SALE_ID)),
        (48, False, ("Code128", None)),  # the sale id's 40 digits
        (32, False, ("Code128", "T01-1234")),
    ],
)
def test_the_preview_draws_a_code_a_scanner_reads(
    qtbot: QtBot, columns: int, qr_native: bool, expected: tuple[str, str | None]
) -> None:
    dialog = ReceiptPreviewDialog(
        sample_receipt(), columns=columns, qr_native=qr_native, can_print=False
    )
    qtbot.addWidget(dialog)
    codes = [row for row in dialog.text.rows if isinstance(row, CodeDrawing)]
    assert len(codes) == 1 and codes[0].is_qr is qr_native
    ((kind, text),) = decoded(dialog)
    assert kind == expected[0]
    assert sale_id_from_scan(text) == (expected[1] or SALE_ID)
    assert "[code:" not in "".join(row for row in dialog.text.rows if isinstance(row, str))
    assert dialog.text.sizeHint().width() == {48: 512, 32: 384}[columns] + 32  # dot for dot


@pytest.mark.parametrize("qr_native", [True, False])
def test_a_pickup_slip_on_screen_draws_its_pickup_code(qtbot: QtBot, qr_native: bool) -> None:
    line = SlipLine("CONF-1", "Confiture de fraises 370 g", SoldBy.UNIT, 2, 459, 918)
    at = "2025-11-25T09:30:00.000Z"
    slip = HandoverSlip("web-1", "K7M2-Q9XD", "Hélène Dupré", "", "", PickupState.COLLECTED,
                        (line,), (), 918, True, None, "Inès", at)  # fmt: skip
    doc = handover_slip(slip, store=StoreSettings())
    dialog = slip_preview(doc, columns=32, codepage="CP858", qr_native=qr_native)
    qtbot.addWidget(dialog)
    assert decoded(dialog) == [("QRCode" if qr_native else "Code128", "K7M2-Q9XD")]
    assert "BON DE RETRAIT" in dialog.text.toPlainText()
