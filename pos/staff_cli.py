"""``comptoir staff``: add, list and deactivate the till's staff from the command line.

    comptoir staff add --name N --role R [--language fr|en] [--badge B] [--as ID] [--pin-stdin]
    comptoir staff list
    comptoir staff deactivate ID --as ID [--pin-stdin]

The first ``add`` on a store without staff makes its first administrator; after that an
administrator's id and PIN (``--as``) are needed. PINs are read without echo (the new
one twice), or with ``--pin-stdin`` one per line from standard input for scripts: the
administrator's first (with ``--as``), then the new member's. A PIN never appears on
the command line, in the output or in a log.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from pos.config import DATABASE_FILE
from pos.domain.errors import PosError
from pos.domain.rights import Actor
from pos.store.errors import StoreError
from pos.store.local_store import LocalStore

PinReader = Callable[[str], str]


def add_parser(commands: argparse._SubParsersAction) -> None:
    staff = commands.add_parser("staff", help="the till's staff: add, list, deactivate")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True)
    add = staff_commands.add_parser("add", help="add a staff member (the first is the admin)")
    add.add_argument("--name", required=True, help="the name shown at sign-in and on tickets")
    add.add_argument("--role", default="cashier", choices=("cashier", "pickup", "manager", "admin"))
    add.add_argument("--language", default="fr", choices=("fr", "en"))
    add.add_argument("--badge", default=None, help="the staff badge's code, if any")
    add.add_argument("--as", dest="as_id", default=None, help="an administrator's staff id")
    add.add_argument("--pin-stdin", action="store_true", help="read PINs from stdin, one a line")
    staff_commands.add_parser("list", help="every staff member cached at this till")
    off = staff_commands.add_parser("deactivate", help="stop a staff member signing in")
    off.add_argument("staff_id")
    off.add_argument("--as", dest="as_id", required=True, help="an administrator's staff id")
    off.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    from pos.services.staff import StaffDirectory

    read_pin = _stdin_pin if getattr(args, "pin_stdin", False) else getpass.getpass
    try:
        with LocalStore(data_dir / DATABASE_FILE) as store:
            directory = StaffDirectory(store)
            if args.staff_command == "list":
                return _list(directory)
            if args.staff_command == "add":
                return _add(directory, args, read_pin)
            return _deactivate(directory, args, read_pin)
    except (PosError, StoreError) as exc:
        print(f"comptoir staff: {exc.message}", file=sys.stderr)
        return 1
    except EOFError:
        print("comptoir staff: no PIN was given.", file=sys.stderr)
        return 2


def _list(directory) -> int:
    members = directory.list_all()
    if not members:
        print("No staff yet: `comptoir staff add --name NAME` makes the first administrator.")
    for m in members:
        state = "active" if m.active else "deactivated"
        badge = ", badge" if m.has_badge else ""
        print(f"{m.staff_id}\t{m.display_name}\t{m.role.value}\t{m.language}\t{state}\t"
              f"{m.source}{badge}")  # fmt: skip
    return 0


def _add(directory, args: argparse.Namespace, read_pin: PinReader) -> int:
    if directory.needs_first_admin():
        pin = _new_pin(args.name, read_pin)
        actor = directory.create_first_admin(args.name, pin, args.language)
        print(f"Added {actor.display_name} as the first administrator, id {actor.staff_id}.")
        return 0
    if not args.as_id:
        print(
            "comptoir staff: this store has staff: name an administrator with --as ID.",
            file=sys.stderr,
        )
        return 2
    admin = _signed_in(directory, args.as_id, read_pin)
    pin = _new_pin(args.name, read_pin)
    member = directory.add(
        admin, args.name, args.role, pin, language=args.language, badge=args.badge
    )
    print(f"Added {member.display_name} ({member.role.value}), id {member.staff_id}.")
    return 0


def _deactivate(directory, args: argparse.Namespace, read_pin: PinReader) -> int:
    admin = _signed_in(directory, args.as_id, read_pin)
    member = directory.deactivate(admin, args.staff_id)
    print(f"{member.display_name} ({member.staff_id}) can no longer sign in.")
    return 0


def _signed_in(directory, staff_id: str, read_pin: PinReader) -> Actor:
    return directory.sign_in(staff_id, read_pin(f"PIN of {staff_id}: "))


def _new_pin(name: str, read_pin: PinReader) -> str:
    pin = read_pin(f"PIN for {name} (4 to 8 digits): ")
    if read_pin is getpass.getpass and getpass.getpass("The same PIN again: ") != pin:
        raise PosError("The two PINs differ: nothing was changed.", code="pin_mismatch")
    return pin


def _stdin_pin(_prompt: str) -> str:
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.strip()
