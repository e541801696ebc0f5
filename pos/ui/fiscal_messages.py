"""The fiscal record desk's words: its refusals and the verification's fixed parts in the
staff's language.

The services refuse with a stable ``code`` and an English sentence; the codes a manager
meets at the desk get a translated one. The verification's chain summaries are English
sentences built by the store: the desk words their fixed parts (the chain's name, intact
or broken) itself, and keeps the store's sentence only for the detailed reason.
"""

from __future__ import annotations

from pos.domain.errors import PosError
from pos.ui.qt import QCoreApplication


def failure_text(exc: Exception) -> str:
    """A refusal or a failure of the desk's services, as a sentence for the manager."""
    if isinstance(exc, PosError):
        period = str(exc.params.get("period", ""))
        known = {
            "right_refused": QCoreApplication.translate(
                "FiscalRecord",
                "The fiscal record is for managers: closing a period needs a manager, and so "
                "does an archive.",
            ),
            "period_not_over": QCoreApplication.translate(
                "FiscalRecord",
                "The month %1 is not over yet: it can be closed from midnight after its last day.",
            ),
            "period_invalid": QCoreApplication.translate(
                "FiscalRecord", "“%1” is not a month: write it as 2026-11."
            ),
            "bad_period": QCoreApplication.translate(
                "FiscalRecord",
                "“%1” is not a period: write a month (2026-11), a year (2026), a day "
                "(2026-11-03) or days (2026-11-01..2026-11-15).",
            ),
        }
        if exc.code in known:
            return known[exc.code].replace("%1", period)
        return exc.message
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "FiscalRecord", "The file could not be written: %1"
        ).replace("%1", exc.strerror or str(exc))
    return getattr(exc, "message", "") or str(exc)


def chain_name(chain: str) -> str:
    """A chain of the fiscal record (or the store-wide checks) by its name on screen."""
    names = {
        "journal": QCoreApplication.translate("FiscalRecord", "Legacy journal"),
        "ticket": QCoreApplication.translate("FiscalRecord", "Ticket chain"),
        "duplicate": QCoreApplication.translate("FiscalRecord", "Duplicate chain"),
        "closure": QCoreApplication.translate("FiscalRecord", "Closure chain"),
        "event": QCoreApplication.translate("FiscalRecord", "Event chain (JET)"),
        "training": QCoreApplication.translate("FiscalRecord", "Training chain"),
        "store": QCoreApplication.translate("FiscalRecord", "Database"),
    }
    return names.get(chain, chain)


def closure_type(kind: str) -> str:
    return {
        "day": QCoreApplication.translate("FiscalRecord", "Day (Z)"),
        "month": QCoreApplication.translate("FiscalRecord", "Month"),
        "year": QCoreApplication.translate("FiscalRecord", "Fiscal year"),
    }.get(kind, kind)
