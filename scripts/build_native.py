"""Compile the pricing hot path with mypyc (``pos/domain/_native.py`` says what and why).

    .venv/bin/python scripts/build_native.py          # the bootstrap runs it
    .venv/bin/python scripts/build_native.py --force  # build again even if up to date

Nothing is written into the source tree: the sources are copied into a scratch folder,
compiled there (mypyc with a C compiler and the interpreter's headers: Debian's gcc and
python3-dev), and the extension modules land in ``<venv>/comptoir-native`` with the
stamp of the sources they were built from, the old build replaced whole. Exits 1 if the
build fails; the till then runs the same modules as Python, slower.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pos.domain._native import COMPILED, STAMP_FILE, TARGET, stamp  # noqa: E402


def build(force: bool) -> int:
    wanted = stamp()
    try:
        if not force and (TARGET / STAMP_FILE).read_text().strip() == wanted:
            print(f"compiled pricing: up to date in {TARGET}")
            return 0
    except OSError:
        pass
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="comptoir-native-") as scratch:
        work = Path(scratch) / "src"
        for source in [ROOT / "pos/__init__.py", *(ROOT / "pos/domain").rglob("*.py")]:
            copy = work / source.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy)
        done = subprocess.run(
            [sys.executable, "-m", "mypyc", *COMPILED], cwd=work, capture_output=True, text=True
        )
        if done.returncode != 0:
            print(done.stdout[-4000:], done.stderr[-4000:], sep="\n", file=sys.stderr)
            print("compiled pricing: the build failed; the till runs it as Python", file=sys.stderr)
            return 1
        fresh = Path(scratch) / "native"
        for built in work.rglob("*.so"):
            if "build" in built.relative_to(work).parts:
                continue  # setuptools' intermediate copies
            place = fresh / built.relative_to(work)
            place.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built, place)
        (fresh / STAMP_FILE).write_text(wanted + "\n")
        new, old = (TARGET.with_name(TARGET.name + suffix) for suffix in (".new", ".old"))
        for leftover in (new, old):
            shutil.rmtree(leftover, ignore_errors=True)
        shutil.copytree(fresh, new)  # whole, then renamed into place
        if TARGET.exists():
            TARGET.rename(old)
        new.rename(TARGET)
        shutil.rmtree(old, ignore_errors=True)
    print(f"compiled pricing: {len(COMPILED)} modules in {time.monotonic() - started:.0f} s "
          f"into {TARGET}")  # fmt: skip
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--force", action="store_true", help="build even if up to date")
    sys.exit(build(parser.parse_args().force))


if __name__ == "__main__":
    main()
