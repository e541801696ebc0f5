"""Where central keeps no loyalty points (Medusa), the payment dialog's points key is off
and says why, in French, instead of offering a balance that exists nowhere (issue 15)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos.ui.dialogs.loyalty_tender import LoyaltyTender
from pos.ui.till_loyalty_worker import LoyaltyOffer


def test_the_points_key_is_off_and_says_central_keeps_no_points(qtbot: QtBot) -> None:
    tender = LoyaltyTender()
    qtbot.addWidget(tender)
    tender.show_offer(LoyaltyOffer("CLI-0001", 1200, 1200, 500, 500, 500), True)
    assert tender.button.isEnabled() and tender.balance_label.text().startswith("Solde")
    tender.show_offer(LoyaltyOffer("CLI-0001", 0, 0, 0, 0, 0, offered=False), True)
    assert not tender.button.isEnabled() and not tender.points_field.isEnabled()
    assert tender.balance_label.text() == (
        "Le serveur central de ce magasin ne gère pas de points fidélité (Medusa)."
    )
    assert tender.note_label.text() == (
        "Les points ne s'acquièrent ni ne se dépensent à cette caisse."
    )
