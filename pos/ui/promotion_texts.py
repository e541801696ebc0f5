"""Why a central platform's promotion is not applied at the till, in the staff's words:
one sentence per reason code the Medusa adapter gives (``sync.medusa.promotions``), the
platform's own English sentence for a code this till does not know."""

from __future__ import annotations

from pos.services.promotion_list import NotAppliedPromotion
from pos.ui.qt import QCoreApplication


def why_not_applied(found: NotAppliedPromotion) -> str:
    texts = {
        "no_method": QCoreApplication.translate(
            "PromotionTexts", "Incomplete in Medusa: it has no discount method."
        ),
        "currency": QCoreApplication.translate(
            "PromotionTexts", "It is in another currency; the till sells in euros."
        ),
        "campaign_budget": QCoreApplication.translate(
            "PromotionTexts",
            "Its campaign has a budget, which Medusa counts as web orders are placed.",
        ),
        "usage_limit": QCoreApplication.translate(
            "PromotionTexts", "It has a usage limit, which Medusa counts as web orders are placed."
        ),
        "unknown_type": QCoreApplication.translate(
            "PromotionTexts", "Its type (%what) is unknown to the till."
        ),
        "shipping": QCoreApplication.translate(
            "PromotionTexts", "It discounts delivery; the till delivers nothing."
        ),
        "allocation": QCoreApplication.translate(
            "PromotionTexts", "Its way of spreading the discount (%what) has no equivalent here."
        ),
        "buyget_articles": QCoreApplication.translate(
            "PromotionTexts", "A “buy X get Y” over several articles: the till handles one."
        ),
        "buyget_fixed": QCoreApplication.translate(
            "PromotionTexts", "A “buy X get Y” with a fixed amount: the till handles percentages."
        ),
        "buyget_partial": QCoreApplication.translate(
            "PromotionTexts", "Several units given at a partial discount: not handled here."
        ),
        "method_type": QCoreApplication.translate(
            "PromotionTexts", "Its discount method (%what) is unknown to the till."
        ),
        "before_vat": QCoreApplication.translate(
            "PromotionTexts",
            "A fixed amount taken off before VAT; the till's prices include VAT, so it "
            "would take the amount plus VAT.",
        ),
        "amount": QCoreApplication.translate(
            "PromotionTexts", "Its amount is not a whole number of cents."
        ),
        "percentage": QCoreApplication.translate(
            "PromotionTexts", "Its percentage is not between 0 and 100 % to the hundredth."
        ),
        "quantity": QCoreApplication.translate(
            "PromotionTexts", "One of its quantities is not a positive whole number."
        ),
        "unit_cap": QCoreApplication.translate(
            "PromotionTexts", "It discounts at most %units units: the till has no such limit."
        ),
        "target_rules": QCoreApplication.translate(
            "PromotionTexts", "It has several target conditions at once: the till handles one."
        ),
        "target_operator": QCoreApplication.translate(
            "PromotionTexts", "Its target condition (%what) is not one the till handles."
        ),
        "target_unknown": QCoreApplication.translate(
            "PromotionTexts", "It targets %what, which the till's catalogue does not carry."
        ),
        "channel": QCoreApplication.translate(
            "PromotionTexts", "It is not offered in the stores' sales channel."
        ),
        "cart_rule": QCoreApplication.translate(
            "PromotionTexts", "It has a condition on %what, which the till cannot check."
        ),
        "no_code": QCoreApplication.translate(
            "PromotionTexts", "It has neither a code nor is it automatic."
        ),
        "contract": QCoreApplication.translate(
            "PromotionTexts", "Its values are refused by the till: %reason"
        ),
    }
    text = texts.get(found.code)
    if text is None:
        return found.reason
    for name, value in {**found.params, "reason": found.reason}.items():
        text = text.replace(f"%{name}", value)
    return text
