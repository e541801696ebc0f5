"""The receipt preview of a return shows what paper would: the return ticket, then its
credit note on its own paper, the note's QR as the same marker the sale's code has."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos.services.receipts import receipt_document
from pos.ui.dialogs.receipt_preview import ReceiptPreviewDialog
from tests.unit.printer import return_samples as rs


def test_the_preview_shows_the_return_and_its_credit_note(qtbot: QtBot) -> None:
    doc = receipt_document(rs.return_sale(), rs.header("fr"))
    dialog = ReceiptPreviewDialog(doc, columns=32, codepage="CP858", can_print=False)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    ticket, slip = text.split("- - - - - - - - - - - - - - - - \n")
    assert "TICKET DE RETOUR" in ticket and "TOTAL REMBOURSÉ          17,71 €" in ticket
    assert f"[code: {rs.RETURN_ID}]" in ticket
    assert f"      {rs.CREDIT_CODE}      \n" in slip
    assert f"[code: CMPT-AV:{rs.CREDIT_CODE}]" in slip
    assert "Valable jusqu'au 25/11/2027" in slip
