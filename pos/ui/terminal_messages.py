"""The payment terminal's refusals and notices, in the cashier's language (merged into
``pos.ui.messages``, which keeps one lookup for every code)."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def terminal_templates() -> dict[str, str]:
    return {
        "card_declined": QCoreApplication.translate(
            "Messages", "The card was declined: nothing was taken. Try another card or tender."
        ),
        "terminal_unreachable": QCoreApplication.translate(
            "Messages",
            "The payment terminal cannot be reached: check that it is on and connected, "
            "and its address in the settings.",
        ),
        "terminal_not_ready": QCoreApplication.translate(
            "Messages",
            "The payment terminal is not ready: wait until it is idle and linked to the "
            "till, then try again.",
        ),
        "terminal_timeout": QCoreApplication.translate(
            "Messages",
            "The payment terminal did not answer in time: nothing was recorded. Check "
            "what it shows or printed before trying again.",
        ),
        "terminal_cancelled": QCoreApplication.translate(
            "Messages",
            "The till stopped waiting for the terminal: nothing was recorded. Check what "
            "it shows or printed before trying again.",
        ),
        **dict.fromkeys(
            ("terminal_garbled", "terminal_bad_lrc", "terminal_closed"),
            QCoreApplication.translate(
                "Messages",
                "The payment terminal's answer was lost or unreadable: nothing was recorded. "
                "Check what it shows or printed before trying again.",
            ),
        ),
        "terminal_mismatch": QCoreApplication.translate(
            "Messages",
            "The payment terminal approved another amount than asked: nothing was "
            "recorded. Check its receipt and cancel that payment on the terminal.",
        ),
    }


def interrupted_notice(amount: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "A card exchange of %1 with the payment terminal was cut short when the till "
        "stopped: check the terminal's last receipt.",
    ).replace("%1", amount)


def settled_notice(amount: str) -> str:
    return QCoreApplication.translate(
        "Messages",
        "The card payment of %1 the terminal approved before the till stopped is back on "
        "this sale.",
    ).replace("%1", amount)
