"""The compiled pricing modules (``pos/domain/_native.py``): taken only when built from
these very sources, pricing as the Python build does to the cent, and the white-box
tests of the engine (which replace its functions to count its paths) run on the
Python build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pos.domain import _native
from tests.support.pricing_sample import answers

ROOT = Path(__file__).resolve().parents[3]
PYTHON_BUILD = {**os.environ, "COMPTOIR_NATIVE": "0"}

needs_compiled = pytest.mark.skipif(
    not _native.active(), reason="the compiled build is not in use (scripts/build_native.py)"
)


def test_a_build_is_taken_only_with_the_stamp_of_these_sources(tmp_path: Path) -> None:
    assert not _native.matches(tmp_path)  # nothing built
    (tmp_path / _native.STAMP_FILE).write_text("0" * 64 + "\n")
    assert not _native.matches(tmp_path)  # built from other sources
    (tmp_path / _native.STAMP_FILE).write_text(_native.stamp() + "\n")
    assert _native.matches(tmp_path)


def test_any_edit_of_a_domain_source_asks_for_another_build(tmp_path: Path) -> None:
    tree = tmp_path / "pos" / "domain"
    shutil.copytree(_native.DOMAIN, tree, ignore=shutil.ignore_patterns("__pycache__"))
    before = _native.stamp(tree, tmp_path)
    assert before == _native.stamp(_native.DOMAIN, _native.ROOT)
    vat = tree / "vat.py"  # not compiled, but its types are trusted by what is
    vat.write_text(vat.read_text() + "\n")
    assert _native.stamp(tree, tmp_path) != before


def test_python_build_when_asked() -> None:
    found = subprocess.run(
        [sys.executable, "-c", "from pos.domain import _native; print(_native.active())"],
        cwd=ROOT, env=PYTHON_BUILD, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert found.stdout.strip() == "False"


def test_ci_runs_the_compiled_build() -> None:
    """The bootstrap builds it (gcc, python3-dev): a CI run on the Python build alone
    would pass while measuring and shipping another build."""
    if not os.environ.get("CI"):
        pytest.skip("outside CI a missing compiler leaves the Python build, said by run.py")
    assert _native.active(), "scripts/build_native.py did not build the compiled pricing"


@needs_compiled
def test_the_compiled_modules_are_the_ones_imported() -> None:
    from pos.domain import basket_repricing
    from pos.domain.promotions import engine

    for module in (engine, basket_repricing):
        assert Path(module.__file__).suffix == ".so", module.__file__
        assert Path(module.__file__).is_relative_to(_native.TARGET)


@needs_compiled
def test_both_builds_price_random_baskets_alike_to_the_cent() -> None:
    python = subprocess.run(
        [sys.executable, "-m", "tests.support.pricing_sample", "7"],
        cwd=ROOT, env=PYTHON_BUILD, capture_output=True, text=True, check=True,
    )  # fmt: skip
    theirs = json.loads(python.stdout)
    ours = json.loads(json.dumps(answers(7)))
    assert len(ours["engine"]) > 500 and len(ours["baskets"]) > 400
    assert any(result[1] for result in ours["engine"])  # basket promotions were shared
    assert ours == theirs


@needs_compiled
def test_the_white_box_tests_pass_on_the_python_build() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
         "-m", "white_box", "tests/unit/domain"],
        cwd=ROOT, env=PYTHON_BUILD, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-500:]
