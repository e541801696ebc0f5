"""A till syncing with Medusa until it is killed: the till-kill test's victim.

Usage: python till_sync_process.py DATA_DIR SETTINGS_JSON [--until-done]. Runs the till's
own sync engine on ``DATA_DIR/store.db`` against Medusa (the adapter's state in
``DATA_DIR`` too) and says on stdout where it is, so the test picks its kill moments from
what the till did, not from sleeps: ``READY``, ``PUSH n`` just before the n-th call to the
plugin's operations endpoint goes out, ``ANSWER n`` once its answer was read (before the
till settled its outbox), ``ROUND state pending`` after each sync round. With
``--until-done`` it stops once a round leaves nothing pending and prints ``DONE``.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

import httpx

from sync.engine.engine import SyncEngine
from sync.medusa import MedusaBackend, MedusaSettings

OPERATIONS_PATH = "/admin/comptoir/operations"


def say(line: str) -> None:
    """One whole line: the adapter's streams of calls announce theirs from two threads."""
    with _saying:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


_saying = threading.Lock()


class TellingTransport(httpx.HTTPTransport):
    """The real network, announcing each push to the plugin and its answer."""

    pushes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith(OPERATIONS_PATH):
            return super().handle_request(request)
        with _saying:
            TellingTransport.pushes += 1
            number = TellingTransport.pushes
        say(f"PUSH {number}")
        response = super().handle_request(request)
        response.read()
        say(f"ANSWER {number}")
        return response


def main(data_dir: str, settings_json: str, *flags: str) -> None:
    folder = Path(data_dir)
    settings = MedusaSettings.from_mapping(json.loads(settings_json), data_dir=folder)
    backend = MedusaBackend(settings, transport=TellingTransport())
    engine = SyncEngine(folder / "store.db", backend, batch_size=5, poll_interval_s=0.05)
    say("READY")
    while True:
        status = engine.sync_once()
        say(f"ROUND {status.state} {status.pending}")
        if "--until-done" in flags and status.state == "idle" and status.pending == 0:
            engine.sync_once()  # one more pull: the stock levels that include every push
            engine.close()
            say("DONE")
            return
        if status.pending:  # refused for now (another request holds a sale): not a busy loop
            time.sleep(min(status.retry_in_s or 0.0, 1.0))


if __name__ == "__main__":
    main(*sys.argv[1:])
