"""The ``comptoir`` command: the till app by default, and a few store commands.

    comptoir [--data-dir DIR] [--config FILE] [--lang fr|en]
                                                   start the app (demo store on first start)
    comptoir [--data-dir DIR] demo [--products N]  build the demo store in an empty folder
    comptoir [--data-dir DIR] verify-journal       walk every chain, name the first break
    comptoir [--data-dir DIR] enrol URL STORE CODE [--terminal T] [--ca-file F]
                                                   link this till to a central server
    comptoir [--data-dir DIR] link-medusa FILE [--terminal T]
                                                   sync with a Medusa v2 store instead
    comptoir [--data-dir DIR] sync                 one sync round with the central server
    comptoir [--data-dir DIR] outbox list          operations set aside, central's warnings
    comptoir [--data-dir DIR] outbox requeue [--all | OP_ID…]
                                                   send set-aside operations again
    comptoir [--data-dir DIR] staff add --name N [--role R] [--as ID] [--pin-stdin]
    comptoir [--data-dir DIR] staff list | deactivate ID --as ID
                                                   the till's staff (PINs read without echo)
    comptoir [--data-dir DIR] close-period --month YYYY-MM --as ID [--pin-stdin]
    comptoir [--data-dir DIR] close-period --list
                                                   close a month (a manager), list closures
    comptoir [--data-dir DIR] archive --period 2026-11 [--out DIR]
                                                   write a period's signed fiscal archive
    comptoir verify-archive FILE                   check an archive, name the first problem
    comptoir screenshots DIR                       PNGs of the till in French and English

Commands other than the app never import Qt, so they start fast and run headless.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pos.config import CONFIG_ENV, DATA_DIR_ENV, resolve_data_dir


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="comptoir", description="Comptoir point of sale.")
    parser.add_argument(
        "--data-dir",
        help=f"folder holding this till's data (default: ${DATA_DIR_ENV} or the "
        "platform's data folder)",
    )
    parser.add_argument(
        "--config",
        help=f"the settings file (default: ${CONFIG_ENV} or settings.toml in the platform's "
        "config folder)",
    )
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="interface language (default: from the settings)"
    )
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="build the French demo store in an empty data folder")
    demo.add_argument("--products", type=int, default=3000, help="catalog size (default 3000)")
    demo.add_argument("--days", type=int, default=3, help="days of past sales (default 3)")
    demo.add_argument("--seed", type=int, default=42, help="generator seed (default 42)")
    commands.add_parser("verify-journal", help="check the signed chains and the legacy journal")
    enrol = commands.add_parser("enrol", help="link this till to a central commerce server")
    enrol.add_argument("url", help="the central server, e.g. https://central.example.com")
    enrol.add_argument("store", help="the store's id on the central server")
    enrol.add_argument("code", help="the store's enrolment code, from the central operator")
    enrol.add_argument(
        "--terminal", help="this till's terminal id (default: till.terminal_id in the settings)"
    )
    enrol.add_argument("--ca-file", default="", help="a private CA for the server's certificate")
    medusa = commands.add_parser(
        "link-medusa", help="sync this till with a Medusa v2 store (settings in a TOML file)"
    )
    medusa.add_argument("file", help='TOML with [sync] backend = "medusa" and [sync.medusa]')
    medusa.add_argument(
        "--terminal", help="this till's terminal id (default: till.terminal_id in the settings)"
    )
    commands.add_parser("sync", help="one sync round with the central server, then exit")
    outbox = commands.add_parser("outbox", help="operations set aside by sync, and warnings")
    outbox_commands = outbox.add_subparsers(dest="outbox_command", required=True)
    outbox_commands.add_parser("list", help="set-aside operations and central's warnings")
    requeue = outbox_commands.add_parser("requeue", help="send set-aside operations again")
    which = requeue.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help="every set-aside operation")
    which.add_argument("op_ids", nargs="*", default=[], metavar="OP_ID", help="these ones")
    from pos.staff_cli import add_parser as add_staff_parser

    add_staff_parser(commands)
    from pos.closure_cli import add_parser as add_closure_parser

    add_closure_parser(commands)
    from pos.archive_cli import add_parsers as add_archive_parsers

    add_archive_parsers(commands)
    shots = commands.add_parser("screenshots", help="save PNGs of the till, in French and English")
    shots.add_argument("out", help="folder for the PNG files")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "demo":
        from pos.cli import run_demo

        return run_demo(data_dir, products=args.products, days=args.days, seed=args.seed)
    if args.command == "verify-journal":
        from pos.cli import run_verify_journal

        return run_verify_journal(data_dir, _settings_terminal(args.config))
    if args.command == "enrol":
        from pos.cli import run_enrol

        terminal = args.terminal or _settings_terminal(args.config)
        return run_enrol(data_dir, args.url, args.store, terminal, args.code, args.ca_file)
    if args.command == "link-medusa":
        from pathlib import Path

        from pos.cli import run_link_medusa

        terminal = args.terminal or _settings_terminal(args.config)
        return run_link_medusa(data_dir, Path(args.file), terminal)
    if args.command == "sync":
        from pos.cli import run_sync

        return run_sync(data_dir)
    if args.command == "outbox":
        from pos.cli import run_outbox_list, run_outbox_requeue

        if args.outbox_command == "list":
            return run_outbox_list(data_dir)
        terminal = _settings_terminal(args.config)
        return run_outbox_requeue(data_dir, [] if args.all else args.op_ids, terminal)
    if args.command == "staff":
        from pos.staff_cli import run as run_staff

        return run_staff(args, data_dir)
    if args.command == "close-period":
        from pos.closure_cli import run as run_close_period

        settings = _settings(args.config)
        return run_close_period(
            args, data_dir, settings.till.terminal_id, settings.fiscal.year_start_month
        )
    if args.command == "archive":
        from pos.archive_cli import run_archive

        terminal = _settings_terminal(args.config)
        return run_archive(data_dir, args.period, args.out, terminal)
    if args.command == "verify-archive":
        from pos.archive_cli import run_verify_archive

        return run_verify_archive(args.file)
    if args.command == "screenshots":
        from pos.app import run_screenshots

        return run_screenshots(args.out)
    from pos.app import run_app

    return run_app(data_dir, config=args.config, language=args.lang)


def _settings_terminal(config: str | None) -> str:
    return _settings(config).till.terminal_id


def _settings(config: str | None):
    from pos.config import Settings, SettingsError, config_path, load_settings

    try:
        return load_settings(config_path(config))
    except SettingsError:
        return Settings()


if __name__ == "__main__":
    sys.exit(main())
