"""The ``comptoir`` command: the till app by default, and a few store commands.

    comptoir [--data-dir DIR] [--config FILE] [--lang fr|en]
                                                   start the app (demo store on first start)
    comptoir [--data-dir DIR] demo [--products N]  build the demo store in an empty folder
    comptoir [--data-dir DIR] verify-journal       walk the sealed journal, name any break
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
    commands.add_parser("verify-journal", help="check the sealed journal of completed sales")
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

        return run_verify_journal(data_dir)
    if args.command == "screenshots":
        from pos.app import run_screenshots

        return run_screenshots(args.out)
    from pos.app import run_app

    return run_app(data_dir, config=args.config, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
