"""``comptoir close-period``: a manager closes a month (and every earlier period still
open, and the fiscal year when it is its last month) before the till does it by itself at
the first act of the next month; ``--list`` shows the latest closures.

    comptoir close-period --month 2026-11 --as ID [--pin-stdin]
    comptoir close-period --list

The manager's PIN is read without echo (``--pin-stdin`` for scripts); the right
(``close_period``) is checked by the service. Headless: no Qt.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.domain.money import format_eur
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore

LISTED = 40


def add_parser(commands: argparse._SubParsersAction) -> None:
    close = commands.add_parser(
        "close-period", help="close a month (and its fiscal year) now, or list the closures"
    )
    which = close.add_mutually_exclusive_group(required=True)
    which.add_argument("--month", help="the month to close, YYYY-MM (earlier ones first)")
    which.add_argument("--list", action="store_true", help="the latest closures")
    close.add_argument("--as", dest="as_id", help="a manager's staff id")
    close.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")


def run(args: argparse.Namespace, data_dir: Path, terminal_id: str, year_start_month: int) -> int:
    from pos.services.period_closures import PeriodClosures
    from pos.services.staff import StaffDirectory

    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            closures = PeriodClosures(
                store, terminal_id=terminal_id, year_start_month=year_start_month
            )
            if args.list:
                return _list(closures)
            if not args.as_id:
                print("comptoir close-period: name a manager with --as ID.", file=sys.stderr)
                return 2
            read = _stdin_pin if args.pin_stdin else getpass.getpass
            actor = StaffDirectory(store).sign_in(args.as_id, read(f"PIN of {args.as_id}: "))
            made = closures.close_month(actor, args.month)
    except (PosError, StoreError) as exc:
        print(f"comptoir close-period: {exc.message}", file=sys.stderr)
        return 1
    except EOFError:
        print("comptoir close-period: no PIN was given.", file=sys.stderr)
        return 2
    if not made:
        print(f"Nothing to close: {args.month} and every period before it are closed.")
    for closure in made:
        print(_line(closure))
    return 0


def _list(closures) -> int:
    for closure in closures.recent(LISTED):
        print(_line(closure))
    return 0


def _line(closure) -> str:
    return (
        f"Closure {closure.seq} ({closure.type} {closure.period}, signature {closure.excerpt}): "
        f"{closure.tickets:,} tickets, {format_eur(closure.total_cents)}; grand total "
        f"{format_eur(closure.grand_total_cents)}, in absolute value "
        f"{format_eur(closure.grand_total_abs_cents)}."
    )


def _stdin_pin(_prompt: str) -> str:
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.strip()
