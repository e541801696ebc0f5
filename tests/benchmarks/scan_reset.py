"""What the scan benchmarks do between two timed scans: the 50th line taken off again.

Each timed scan adds the 50th line to a 49-line basket. Before the next one, the line is
taken off and the basket left as a till's basket is before any scan: its 49 lines priced
as the 49-line basket they make (the promotions the line moved move back, as a void's
repricing does) and saved as such, the line's saved row deleted, then the till's idle
moment. Until stop 22 the harness only cut ``basket.lines``: the 49 lines kept the
promotions of a 50-line basket that no longer existed, and the next timed scan undid
them as well as pricing its own line, a state no till is ever in before a scan.
"""

from __future__ import annotations

from pos.services.checkout import Checkout

_UNSAVE = "DELETE FROM open_basket_lines WHERE terminal_id = ? AND line_id = ?"


def take_off_last_line(checkout: Checkout) -> None:
    """Back to 49 lines, priced and saved as a 49-line basket (untimed)."""
    basket = checkout.basket
    dropped = basket.lines[-1]
    basket._commit_change(basket.lines[:-1])  # the repricing a void does
    checkout.snapshot.saver.execute(_UNSAVE, (checkout.terminal_id, dropped.line_id))
    checkout._save()  # what the void's change saves
    checkout.idle()  # and the idle moment after it
