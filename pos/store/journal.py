"""The fiscal record's verification, under the name earlier code imports.

``verify`` lives in ``verification`` (the legacy hash journal, then every signed chain);
the legacy journal's hash formula in ``legacy_journal``. Kept so ``pos.store.journal``
imports keep working while callers move to those modules.
"""

from __future__ import annotations

from pos.store.legacy_journal import GENESIS_HASH, canonical_sale_bytes, chain_hash
from pos.store.verification import verify
from pos.store.verification_report import ChainSummary, Finding, JournalReport

__all__ = [
    "GENESIS_HASH",
    "ChainSummary",
    "Finding",
    "JournalReport",
    "canonical_sale_bytes",
    "chain_hash",
    "verify",
]
