"""The compiled build of the pricing hot path, taken only when it is the build of these
very sources.

The modules in ``COMPILED`` (the promotion engine, the basket's repricing and totals) are
plain Python and run as such anywhere. ``scripts/build_native.py`` (run by the
bootstrap) compiles them with mypyc into ``<venv>/comptoir-native/`` beside a stamp: the
interpreter's ABI and a hash of every source file of ``pos/domain`` (the compiled code
trusts their types, not only its own). A package holding compiled modules calls
``extend(__path__, __name__)`` before importing any of them: when the stamp is this
tree's, the compiled directory goes first on the package's path and its extension
modules are imported instead of the ``.py`` files; otherwise nothing changes. An edited
source, another interpreter or no build at all gives the pure Python, never a stale
binary. ``COMPTOIR_NATIVE=0`` asks for the pure Python too (tests compare the two).

Same inputs, same answers: mypyc keeps Python's semantics for well-typed code, and
checks at run time the types the code declares (``tests/unit/domain/test_native.py``
prices random baskets in both builds and compares them to the cent).
"""

from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
from pathlib import Path

#: The modules compiled, by path under the project's root.
COMPILED = (
    "pos/domain/basket.py",
    "pos/domain/basket_pricing.py",
    "pos/domain/basket_repricing.py",
    "pos/domain/basket_totals.py",
    "pos/domain/discount.py",
    "pos/domain/promotions/book.py",
    "pos/domain/promotions/engine.py",
    "pos/domain/promotions/items.py",
    "pos/domain/promotions/kinds.py",
    "pos/domain/promotions/matched.py",
    "pos/domain/promotions/model.py",
    "pos/domain/promotions/part_growth.py",
    "pos/domain/promotions/parts.py",
    "pos/domain/promotions/trim.py",
)

DOMAIN = Path(__file__).resolve().parent
ROOT = DOMAIN.parents[1]
#: Where the build goes: beside the interpreter it was built for.
TARGET = Path(sys.prefix) / "comptoir-native"
STAMP_FILE = "STAMP"

_active: bool | None = None


def stamp(domain: Path = DOMAIN, root: Path = ROOT) -> str:
    """The build a tree needs: this interpreter's ABI and every domain source's bytes."""
    digest = hashlib.sha256()
    digest.update(f"{sys.implementation.cache_tag} {sysconfig.get_config_var('SOABI')}".encode())
    for path in sorted(domain.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def active() -> bool:
    """Whether the compiled modules are the ones imported (decided once a process)."""
    global _active
    if _active is None:
        _active = _decide()
    return _active


def matches(target: Path) -> bool:
    """Whether ``target`` holds the build of these sources for this interpreter."""
    try:
        built = (target / STAMP_FILE).read_text().strip()
    except OSError:
        return False
    return built == stamp()


def _decide() -> bool:
    if os.environ.get("COMPTOIR_NATIVE", "1") == "0" or not matches(TARGET):
        return False
    sys.path.append(str(TARGET))  # the compiled modules' shared library (one for all)
    return True


def extend(path: list[str], package: str) -> None:
    """Put the compiled modules of ``package`` ahead of its sources, if ``active``."""
    if active():
        path.insert(0, str(TARGET.joinpath(*package.split("."))))
