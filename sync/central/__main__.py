"""``comptoir-central``: the reference central server, for development, demos and tests.

    python -m sync.central --db central.db --seed-demo --port 0 \\
        --admin-token ADMIN --web-token WEB [--faults] [--products 3000]

prints ``LISTENING http://127.0.0.1:PORT`` once it accepts connections.
"""

from __future__ import annotations

import argparse
import secrets
import sqlite3
import sys
import time

from sync.central.app import Options, build_app
from sync.central.db import Database, NewerDatabaseError
from sync.central.server import serve


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="comptoir-central", description="The reference central commerce server (API v1)."
    )
    parser.add_argument("--db", default="central.db", help="SQLite file (created if missing)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument(
        "--seed-demo", action="store_true", help="two demo stores and the demo catalog"
    )
    parser.add_argument(
        "--products", type=int, default=3000, help="demo catalog size (with --seed-demo)"
    )
    parser.add_argument("--admin-token", help="operator token (default: a random one, printed)")
    parser.add_argument("--web-token", help="web channel token (default: a random one, printed)")
    parser.add_argument("--faults", action="store_true", help="enable PUT /v1/_faults")
    parser.add_argument(
        "--coupon-hold-hours", type=float, default=24.0,
        help="hours a single-use coupon stays reserved for a sale not yet pushed",
    )  # fmt: skip
    parser.add_argument("--log-level", default="warning")
    return parser


def _token(given: str | None, what: str) -> str:
    if given:
        return given
    token = secrets.token_urlsafe(18)
    print(f"{what} token: {token}", file=sys.stderr, flush=True)
    return token


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.products < 0:
        print("--products must be 0 or more.", file=sys.stderr)
        return 2
    try:
        db = Database(args.db)
    except (NewerDatabaseError, sqlite3.DatabaseError) as exc:
        print(f"comptoir-central: cannot open {args.db}: {exc}", file=sys.stderr)
        return 1
    if args.seed_demo:
        from sync.central.demo_seed import seed_demo

        started = time.perf_counter()
        if seed_demo(db, args.products):
            elapsed = time.perf_counter() - started
            print(f"Seeded {args.products:,} demo products in {elapsed:.1f} s.", file=sys.stderr)
    options = Options(
        admin_token=_token(args.admin_token, "Operator"),
        web_token=_token(args.web_token, "Web channel"),
        faults=args.faults,
        coupon_hold_hours=args.coupon_hold_hours,
    )
    app, _central = build_app(db, options)
    serve(app, db, args.host, args.port, args.log_level)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
