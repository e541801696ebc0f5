"""A till closing its session (the Z) that dies by SIGKILL at a chosen statement: the
closure kill test's victim. It kills itself from SQLite's trace callback as the statement
starts, so the kill lands exactly there, whatever the machine's speed.

Usage: python closure_writer.py DB_FILE POINT, POINT one of ``z`` (the Z report's insert,
the first write), ``closure`` (the closure chain entry, after the session's update),
``event`` (its JET event), ``commit`` (just before COMMIT) or ``after`` (once ``close``
returned: it says ``CLOSED`` and waits for the test's kill).
"""

import os
import signal
import sys

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.till_day import ClosingCount
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore

FLOAT = {2000: 5, 1000: 5}
MATCH = {
    "z": lambda sql: sql.startswith("INSERT INTO z_report "),
    "closure": lambda sql: sql.startswith("INSERT INTO chain_entries") and "'closure'" in sql,
    "event": lambda sql: sql.startswith("INSERT INTO chain_entries") and "'event'" in sql,
    "commit": lambda sql: sql.strip() == "COMMIT",
}


def main(path: str, point: str) -> None:
    store = LocalStore(path)
    sessions = TillSessions(store, terminal_id="T01")
    card = sessions.x_report().expected("card")
    armed = MATCH.get(point)
    if armed is not None:

        def trace(sql: str) -> None:
            if armed(sql):
                os.kill(os.getpid(), signal.SIGKILL)

        store.conn.set_trace_callback(trace)
    print("CLOSING", flush=True)
    sessions.close(
        Actor("s-cam", "Camille", Role.CASHIER), ClosingCount(count_cash(FLOAT), {"card": card})
    )
    print("CLOSED", flush=True)
    if armed is not None:  # the statement never ran: say so and end, never hang the test
        sys.exit(f"the closing never ran the statement of point {point!r}")
    signal.pause()  # wait for the kill


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
