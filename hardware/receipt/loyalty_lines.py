"""The loyalty lines of a ticket (issue 15): the points the sale earned, spent and took
back, and the customer's new balance, "estimated" when central has not confirmed it
(the till was offline). Printed after the payments, in both widths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hardware.receipt.text_fit import fit

_LABELS = {
    "fr": {
        "earned": "Points gagnés : {n}",
        "spent": "Points utilisés : {n}",
        "taken_back": "Points repris : {n}",
        "balance": "Nouveau solde : {n} points",
        "estimated": "Solde estimé : {n} points",
    },
    "en": {
        "earned": "Points earned: {n}",
        "spent": "Points spent: {n}",
        "taken_back": "Points taken back: {n}",
        "balance": "New balance: {n} points",
        "estimated": "Estimated balance: {n} points",
    },
}


@dataclass(frozen=True, slots=True)
class LoyaltyLines:
    """What a ticket with a customer prints about points."""

    earned: int
    balance: int
    estimated: bool
    spent: int = 0
    taken_back: int = 0


def points_text(points: int, language: str) -> str:
    """1 234 in French (a space between thousands), 1,234 in English."""
    text = f"{points:,}"
    return text if language == "en" else text.replace(",", " ")


def loyalty_items(
    lines: LoyaltyLines | None, language: str, columns: int, fold: Callable[[str], str]
) -> list[str]:
    """The ticket's loyalty lines, each fitted to ``columns``; none without a customer."""
    if lines is None:
        return []
    labels = _LABELS.get(language, _LABELS["fr"])
    shown = [("earned", lines.earned)] if lines.earned or not lines.taken_back else []
    shown += [("spent", lines.spent)] if lines.spent else []
    shown += [("taken_back", lines.taken_back)] if lines.taken_back else []
    shown.append(("estimated" if lines.estimated else "balance", lines.balance))
    return [fit(fold(labels[key].format(n=points_text(n, language))), columns) for key, n in shown]
