"""A customer's email and phone as the till screen shows them, half hidden (GDPR: the
customer at the counter, and whoever stands behind, need not read them in full).

Enough stays to tell two customers apart and to confirm with the customer: the email's
first letter and its domain, the phone's first two and last two digits.
"""

from __future__ import annotations

DOT = "•"


def mask_email(email: str) -> str:
    """``jeanne@exemple.fr`` → ``j•••@exemple.fr``; "" stays ""."""
    local, at, domain = email.strip().partition("@")
    if not at:
        return DOT * 3 if local else ""
    return f"{local[:1]}{DOT * 3}@{domain}"


def mask_phone(phone: str) -> str:
    """``06 12 34 56 78`` (or ``+33612345678``, as stored) → ``06 •• •• •• 78`` (French
    pairs); other numbers keep their first digits and last two."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("+33") and len(digits) == 12:  # stored E.164: read as dialled
        digits = "0" + digits[3:]
    if len(digits) < 5:
        return DOT * 2 if digits else ""
    if len(digits) == 10 and digits.isdigit():
        return f"{digits[:2]} {DOT * 2} {DOT * 2} {DOT * 2} {digits[-2:]}"
    return (
        f"{digits[:2]} {DOT * 2} {digits[-2:]}"
        if len(digits) < 8
        else (f"{digits[:3]} {DOT * 2} {DOT * 2} {digits[-2:]}")
    )
