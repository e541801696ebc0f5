"""A till's sync engine running until it is killed: the SIGKILL test's victim.

Usage: python sync_worker.py DB_FILE URL TOKEN STORE_ID TERMINAL_ID. Prints ``READY``
once the engine is built, then syncs round after round (small batches and pages, so a
kill lands in the middle of pushes, pulls and catalog staging alike).
"""

import sys

from sync.client import HttpCentral
from sync.engine import Backoff, SyncEngine


def main(path: str, url: str, token: str, store_id: str, terminal_id: str) -> None:
    central = HttpCentral(url, store_id, terminal_id, token)
    engine = SyncEngine(
        path, central, batch_size=40, page_limit=10, poll_interval_s=0.01,
        backoff=Backoff(base_s=0.01, cap_s=0.05, rejected_floor_s=0.05),
    )  # fmt: skip
    print("READY", flush=True)
    engine.run()


if __name__ == "__main__":
    main(*sys.argv[1:6])
