"""Issue 10: whatever a server sends, a pull's memory stays bounded (< 256 MB peak RSS).

The client runs in a child process (its peak RSS is its own); the hostile server runs
here. Bombs are built without ever holding what they inflate to.
"""

from __future__ import annotations

import gzip
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.sync.scripted_server import (
    PEAK_RSS_LINES,
    Request,
    ScriptedServer,
    gzip_of_zeros,
    reply,
)

PEAK_RSS_MB = 256
_CHILD = (
    """
import sys
from sync.client import HttpCentral
from sync.ports import CentralError
with HttpCentral(sys.argv[1], "lyon-part-dieu", "T01", "token") as central:
    try:
        central.pull("catalog", None, 5000)
        print("ACCEPTED")
    except CentralError as exc:
        print(exc.message)
"""
    + PEAK_RSS_LINES
)


def hundred_thousand_items() -> bytes:
    item = (
        b'{"id":1,"sku":"S","name":"N","brand":"","department":null,"price_cents":1,'
        b'"vat_bp":550,"sold_by":"unit","plu":null,"barcodes":[],"active":true,"version":1}'
    )
    return (
        b'{"feed":"catalog","items":['
        + b",".join([item] * 100_000)
        + b'],"next_cursor":"c","has_more":false}'
    )


def serving(body: bytes, encoding: str) -> Iterator[ScriptedServer]:
    headers = {"Content-Type": "application/json"}
    if encoding:
        headers["Content-Encoding"] = encoding

    def answer(request: Request, conn: socket.socket) -> None:
        reply(conn, 200, body, headers)

    with ScriptedServer(answer) as server:
        yield server


BOMB = gzip_of_zeros(1024 * 1024 * 1024)  # ~1 MB that inflates to 1 GiB
CASES = {
    "gzip-in-gzip": (gzip.compress(BOMB, 9), "gzip, gzip", "not accept"),
    "gzip-bomb": (BOMB, "gzip", "larger than 20 MiB"),  # the cap of a 5,000-item page
    "100000-items": (hundred_thousand_items(), "", "100,000 catalog items"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_reply_is_refused_with_memory_bounded(case: str) -> None:
    body, encoding, says = CASES[case]
    for server in serving(body, encoding):
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, server.url],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert child.returncode == 0, child.stderr[-2000:]
    message, peak_mb = child.stdout.strip().rsplit("\n", 1)
    assert says in message
    assert int(peak_mb) < PEAK_RSS_MB, f"peak RSS {peak_mb} MB"
