"""Pulling feeds from their stored cursors, page by page, one page fetched ahead.

Each page is applied with its cursor in one transaction (the feed's repository does
that), so a stop or a crash between pages resumes from the last applied page. While a
page is written, the next one is fetched and validated on a helper thread. A refused
cursor (``BadCursor``) makes the feed start over from the beginning, once.

Every pull ends: a page whose next cursor was already seen in this pull (c1 → c2 → c1,
or the same cursor again with items) is not applied and the pull stops there, and so it
does after ``page_budget`` pages (``FeedStalled`` either way, the stored cursor being
the last applied page's). The budget covers a first pull of 5,000,000 items, whatever
the page size. The garbage collector is left alone (it once was switched off for the
whole process during long pulls, and a feed that never moved forward grew memory).
"""

from __future__ import annotations

import gc
import math
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from pos.store import feed_cursors
from sync.engine.feeds import APPLIERS, RESTARTS
from sync.ports import BadCursor, CentralPort, FeedPage, FeedStalled

DEFAULT_PAGE_LIMIT = 5000
BUDGET_ITEMS = 5_000_000  # a first pull of 1,000,000 products, five times over


def default_page_budget(limit: int) -> int:
    """Pages one pull may take: ``BUDGET_ITEMS`` at ``limit`` items a page."""
    return math.ceil(BUDGET_ITEMS / max(limit, 1))


Fetch = Callable[[str | None], FeedPage]


def pull(
    conn: sqlite3.Connection,
    central: CentralPort,
    feed: str,
    *,
    limit: int = DEFAULT_PAGE_LIMIT,
    page_budget: int | None = None,
    after_page: Callable[[str, int], None] = lambda feed, applied: None,
) -> int:
    """Apply every page of ``feed`` up to now; return the number of items applied.
    ``FeedStalled`` if the feed loops or runs past ``page_budget`` pages (module doc)."""
    budget = page_budget or default_page_budget(limit)
    try:
        return _pull(conn, central, feed, limit, budget, after_page)
    except BadCursor:
        RESTARTS[feed](conn)
        return _pull(conn, central, feed, limit, budget, after_page)


def _pull(
    conn: sqlite3.Connection,
    central: CentralPort,
    feed: str,
    limit: int,
    budget: int,
    after_page: Callable[[str, int], None],
) -> int:
    apply = APPLIERS[feed]
    cursor = feed_cursors.cursor(conn, feed)
    seen = {cursor}
    applied = count = 0
    pages = _pages(lambda at: central.pull(feed, at, limit), cursor)
    try:
        for page in pages:
            if page.next_cursor in seen and (page.has_more or page.next_cursor != cursor):
                raise FeedStalled(
                    f"The central {feed} feed went back to a cursor it had already given "
                    f"(after {count:,} pages); it was left where it was, pulling it again "
                    "at the next round.",
                    code="feed_loops",
                )
            applied += apply(conn, page)
            cursor = page.next_cursor
            seen.add(cursor)
            count += 1
            after_page(feed, applied)
            if page.has_more and count >= budget:
                raise FeedStalled(
                    f"The central {feed} feed sent over {budget:,} pages in one round "
                    f"({applied:,} items applied); the rest comes at the next round.",
                    code="page_budget",
                )
    finally:
        pages.close()
    return applied


def _pages(fetch: Fetch, cursor: str | None) -> Iterator[FeedPage]:
    """The feed's pages from ``cursor``, the next one fetched while this one is used."""
    page = fetch(cursor)
    if not page.has_more:
        yield page
        return
    with _long_lived_frozen(), ThreadPoolExecutor(1, thread_name_prefix="comptoir-pull") as pool:
        while True:
            ahead: Future[FeedPage] | None = (
                pool.submit(fetch, page.next_cursor) if page.has_more else None
            )
            try:
                yield page
            except GeneratorExit:
                if ahead is not None:
                    ahead.cancel()  # or, already running, finished by the pool's exit
                raise
            if ahead is None:
                return
            page = ahead.result()


@contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """During a long pull, the objects that existed before it (the app's) are left out of
    the collector's scans (``gc.freeze``): validating a 5,000-item page allocates ~50,000
    tracked objects, and each full collection they trigger would walk every live object
    of the process again. The collector stays on and still frees the pages' own cycles;
    the frozen objects go back to it when the pull ends, unless the process had frozen
    its own before (the till freezes its start's objects: an unfreeze would hand them
    back too, and each full pass would walk them again on whichever thread, the GUI's
    included). Those that lived through the pull then stay frozen, as the start's do."""
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()
