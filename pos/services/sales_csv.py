"""A breakdown of the sales figures as a CSV file a spreadsheet opens right.

French: UTF-8 with a byte-order mark (Excel then reads the accents as UTF-8), ``;`` between
fields and a decimal comma (``12,50``), which is what Excel FR expects; English: the same
BOM, ``,`` and a decimal point. Amounts are euros written from integer cents, never
through a float. The file is written beside its target and moved into place, so a failed
write never leaves half a file under the chosen name. No Qt: runs on a worker thread.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path

from pos.services.sales_glance import Share


def euros(cents: int, *, french: bool) -> str:
    """``1234,50`` (French) or ``1234.50``: no thousands separator, no currency sign."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    return f"{sign}{units}{',' if french else '.'}{rest:02d}"


def write_breakdown(
    path: Path, header: Sequence[str], shares: Sequence[Share], *, french: bool
) -> Path:
    """Write ``header`` (label, count, amount: in the user's language) and one row per share."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.part")
    with open(partial, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";" if french else ",", lineterminator="\r\n")
        writer.writerow(header)
        for share in shares:
            writer.writerow((share.label, share.count, euros(share.cents, french=french)))
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, path)
    return path
