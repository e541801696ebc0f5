"""Refusals of loyalty points at the till, in the cashier's language (merged into
``pos.ui.messages``, which keeps one lookup for every code). Each says what was done
(nothing taken) and what to do next."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def loyalty_templates() -> dict[str, str]:
    return {
        "loyalty_no_customer": QCoreApplication.translate(
            "Messages", "Attach the customer to the sale first: their points pay then."
        ),
        "loyalty_balance": QCoreApplication.translate(
            "Messages", "This customer does not have enough points: nothing was taken."
        ),
        "loyalty_below_minimum": QCoreApplication.translate(
            "Messages", "Too few points for one redemption: nothing was taken."
        ),
        "loyalty_offline_cap": QCoreApplication.translate(
            "Messages",
            "Offline, at most %cap_points points can be spent: lower the points, or take "
            "the rest another way.",
        ),
        "loyalty_offline_twice": QCoreApplication.translate(
            "Messages", "Offline, points are spent once per sale: take the rest another way."
        ),
        "loyalty_offline_disabled": QCoreApplication.translate(
            "Messages", "Points cannot be spent offline at this till: try again once online."
        ),
        "loyalty_worth_nothing": QCoreApplication.translate(
            "Messages", "These points are worth nothing yet: nothing was taken."
        ),
        "loyalty_needs_reference_server": QCoreApplication.translate(
            "Messages", "Loyalty points are not available with this central platform."
        ),
        "loyalty_refused": QCoreApplication.translate(
            "Messages", "The central server refused these points: nothing was taken."
        ),
    }
