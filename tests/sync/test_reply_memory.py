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
from pathlib import Path

import pytest

from tests.sync.scripted_server import (
    PEAK_RSS_LINES,
    Request,
    ScriptedServer,
    child_peak,
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
        message, peak_mb = child_peak(_CHILD, server.url)
    assert says in message
    assert peak_mb < PEAK_RSS_MB, f"peak RSS {peak_mb} MB"


# ``comptoir sync`` itself, as a real process: its peak is read by a small parent that
# starts it (RUSAGE_CHILDREN of a parent that was small when it forked: see above).
_MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "print(done.returncode); print(done.stderr.strip().replace(chr(10), ' '))\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
)


SYNC_SAYS = {"100000-items": "snapshot chunk that is not columns"}


@pytest.mark.parametrize("case", CASES)
def test_comptoir_sync_stays_under_256_mb_whatever_the_server_sends(
    case: str, tmp_path: Path
) -> None:
    from keyring.backends import fail

    from pos.store.local_store import LocalStore
    from sync.client import TokenStore

    body, encoding, says = CASES[case]
    till = tmp_path / "till"
    till.mkdir()
    for server in serving(body, encoding):
        with LocalStore(till / "store.db") as store:
            for key, value in (
                ("central_url", server.url),
                ("central_store_id", "lyon-part-dieu"),
                ("central_terminal_id", "T01"),
            ):
                store.set_setting(key, value)
        # the owner-only file, as a till without a keyring keeps it (another test may
        # have set this process's keyring, which the child would not see)
        TokenStore(till, "lyon-part-dieu/T01", backend=fail.Keyring()).save("token")
        child = subprocess.run(
            [sys.executable, "-c", _MEASURE, sys.executable, "-m", "pos",
             "--data-dir", str(till), "sync"],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    code, stderr, peak_mb = child.stdout.strip().split("\n")
    print(f"comptoir sync against {case}: exit {code}, peak RSS {peak_mb} MB")
    assert code == "1", stderr
    # a new till asks for the snapshot first: a page-shaped reply is no chunk it reads
    says = SYNC_SAYS.get(case, says)
    assert says in stderr
    assert int(peak_mb) < PEAK_RSS_MB, f"peak RSS {peak_mb} MB"
