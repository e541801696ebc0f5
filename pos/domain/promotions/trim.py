"""The eligible index's memos trimmed between scans, never in one.

Each memo of an ``EligibleIndex`` (the item stage's parts already priced, the
per-article lookups) is bounded, and cleared where it is filled once full: inside a
scan, which then pays for the clear and for pricing again all it dropped (~180 µs and a
whole basket at 1,024 parts). A till is idle between two scans (people scan ≥ 100 ms
apart): it asks ``trim_index`` there (``Checkout.idle``), which clears a memo past three
quarters of its bound and looks up again the articles of the open basket; the caller
then prices the basket once more, so the next scan finds its parts. The clears in the
scan stay, as the bound of a till that is never idle.

Trimming forgets only values a recomputation gives again (every memo entry is a pure
function of its key): a result is never changed by it, only its cost moved.
"""

from __future__ import annotations

from collections.abc import Iterable

from pos.domain.promotions.book import _ARTICLE_LIMIT, EligibleIndex
from pos.domain.promotions.parts import _MEMO_LIMIT


def nearly_full(size: int, limit: int) -> bool:
    """Past three quarters of ``limit``: a few hundred scans at most before the scan
    itself would clear it."""
    return 4 * size >= 3 * limit


def _memos(index: EligibleIndex) -> tuple[tuple[dict, int], ...]:
    """Each memo of ``index`` with its bound."""
    parts, *per_article = index.memos()
    return ((parts, _MEMO_LIMIT), *((memo, _ARTICLE_LIMIT) for memo in per_article))


def index_full(index: EligibleIndex) -> bool:
    """Whether one of ``index``'s memos is nearly full (a few lookups: every idle)."""
    return any(nearly_full(len(memo), limit) for memo, limit in _memos(index))


def trim_index(index: EligibleIndex, articles: Iterable[tuple[str, str, str]]) -> bool:
    """Clear each of ``index``'s memos that is nearly full; if any was, look up again
    the ``articles`` (sku, department, brand) of the open basket's lines. Whether a
    memo was cleared (the caller then prices the basket again, to refill the parts)."""
    cleared = False
    for memo, limit in _memos(index):
        if nearly_full(len(memo), limit):
            memo.clear()
            cleared = True
    if cleared:
        for article in set(articles):
            index.article(*article)  # each memo filled again: its promotions,
            index.linking(article)  # the linking ones, what a scan reads of them
            index.scanned(article)
            index.item_promotions(article)
    return cleared
