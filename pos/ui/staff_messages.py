"""Refusals of sign-in and approval, shown on the PIN pad that asked (merged into
``pos.ui.messages``, which keeps one lookup for every code)."""

from __future__ import annotations

from pos.ui.qt import QCoreApplication


def staff_templates() -> dict[str, str]:
    """Sign-in and approval refusals, shown on the PIN pad that asked."""
    return {
        "wrong_pin": QCoreApplication.translate(
            "Messages", "Wrong code: %attempts_left tries left before the lock."
        ),
        "account_locked": QCoreApplication.translate(
            "Messages", "Too many wrong codes: locked until %until. A manager can unlock it."
        ),
        "account_inactive": QCoreApplication.translate(
            "Messages", "This account is deactivated: ask a manager."
        ),
        "unknown_staff": QCoreApplication.translate(
            "Messages", "This badge or name is not known at this till."
        ),
        "pin_invalid": QCoreApplication.translate("Messages", "A code is 4 to 8 digits."),
        "approver_lacks_right": QCoreApplication.translate(
            "Messages", "This person cannot approve it: a manager must type their code."
        ),
        "self_approval": QCoreApplication.translate(
            "Messages", "You cannot approve your own act: another manager must."
        ),
        "not_approvable": QCoreApplication.translate(
            "Messages", "No one can approve this for someone else."
        ),
        "approval_exceeded": QCoreApplication.translate(
            "Messages", "The manager approved less than this: ask for a new approval."
        ),
        "approval_unknown": QCoreApplication.translate(
            "Messages", "This approval is not valid here: ask again."
        ),
        "right_refused": QCoreApplication.translate(
            "Messages", "You are not allowed to do this at this till."
        ),
        "first_admin_exists": QCoreApplication.translate(
            "Messages", "This store already has staff: sign in with your name."
        ),
        "staff_name_invalid": QCoreApplication.translate(
            "Messages", "Type a name (80 characters at most)."
        ),
        "pins_differ": QCoreApplication.translate(
            "Messages", "The two codes differ: type them again."
        ),
        "drawer_reason_required": QCoreApplication.translate(
            "Messages", "Say why the drawer opens without a sale."
        ),
    }
