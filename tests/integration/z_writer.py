"""A till closing its session (Z), killed by SIGKILL from inside the close's transaction.

    python z_writer.py STORE_DB STATEMENT

Opens a session if none is open, prints ``OPEN``, then closes it; the instant the
connection starts the statement beginning with STATEMENT (e.g. ``UPDATE till_session``,
``COMMIT``) the process kills itself: a power cut at that exact point, no timing.
"""

import os
import signal
import sys

from pos.domain.cash import count_cash
from pos.domain.rights import Actor, Role
from pos.domain.till_day import ClosingCount
from pos.services.till_session import TillSessions
from pos.store.local_store import LocalStore

NADIA = Actor("s-nad", "Nadia", Role.MANAGER)


def main(db: str, statement: str) -> None:
    store = LocalStore(db)
    till = TillSessions(store, terminal_id="T01")
    if till.current() is None:
        till.open(NADIA, {1000: 10})
        till.cash_out(NADIA, 2000, "bank_deposit")
    print("OPEN", flush=True)

    def power_cut(sql: str) -> None:
        if sql.lstrip().upper().startswith(statement.upper()):
            os.kill(os.getpid(), signal.SIGKILL)

    store.conn.set_trace_callback(power_cut)
    till.close(NADIA, ClosingCount(count_cash({1000: 8})))
    print("CLOSED", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
