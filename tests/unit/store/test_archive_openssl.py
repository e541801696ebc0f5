"""The README's commands that check an archive without Comptoir (bash, unzip, sha256sum,
openssl), taken from the README itself and run on a real archive: they pass on it, and
fail, as ``verify-archive`` does, once one byte is changed in an entry's CSV, in the
manifest or in its signature. A README that drifts from the format fails here."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from pos.services.archives import Archives
from pos.store import archive_format as fmt
from pos.store.archive_check import check_archive
from tests.unit.store.archive_support import TERMINAL, fill_store, flip_digit, members, rewrite

README = Path(__file__).resolve().parents[3] / "README.md"
TOOLS = ("bash", "unzip", "sha256sum", "openssl", "base64", "sed")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS), reason=f"needs {', '.join(TOOLS)}"
)


def readme_blocks() -> tuple[str, str]:
    """The two ``sh`` blocks of "Checking an archive without Comptoir": the whole
    archive, then one entry."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Checking an archive without Comptoir", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2, "the README's archive check must hold two sh blocks"
    return blocks[0], blocks[1]


def run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    data = tmp_path / "till"
    fill_store(data)
    return Archives(data, TERMINAL).make("2026-11", actor=None, out_dir=tmp_path / "out").path


def in_folder(tmp_path: Path, name: str, source: Path) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(source, folder / "archive.zip")
    return folder


def test_the_readme_commands_verify_a_real_archive(archive: Path, tmp_path: Path) -> None:
    whole, entry = readme_blocks()
    readme_txt = members(archive)[fmt.README].decode()
    assert whole in readme_txt and entry in readme_txt  # the archive says the same
    done = run(whole + entry, in_folder(tmp_path, "good", archive))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Verified OK") == 2


def test_one_changed_byte_fails_the_openssl_commands_and_verify_archive(
    archive: Path, tmp_path: Path
) -> None:
    whole, entry = readme_blocks()
    content = members(archive)
    ticket = fmt.chain_csv("ticket")
    edited = flip_digit(content[ticket], 2)  # the body of the ticket chain's first entry
    signature = content[fmt.MANIFEST_SIG]
    manifest = content[fmt.MANIFEST]
    cases = {
        "entry CSV": ({ticket: edited}, False),
        "entry CSV, manifest recomputed": ({ticket: edited}, True),
        "manifest": ({fmt.MANIFEST: flip_digit(manifest, 1)}, False),
        "signature": ({fmt.MANIFEST_SIG: signature[:-1] + bytes([signature[-1] ^ 1])}, False),
    }
    for number, (name, (edits, fix)) in enumerate(cases.items()):
        forged = rewrite(archive, tmp_path / f"forged-{number}.zip", edits, fix_manifest=fix)
        folder = in_folder(tmp_path, f"case-{number}", forged)
        done = run(whole, folder)
        assert done.returncode != 0, name
        assert not check_archive(forged).ok, name
        if fix:  # sha256sum passes then: the manifest's signature is what catches it
            assert "Verification failure" in done.stdout + done.stderr, name
    # The entry's own signature, checked from its edited CSV row, fails too.
    folder = tmp_path / "entry"
    with zipfile.ZipFile(rewrite(archive, tmp_path / "entry.zip", {ticket: edited})) as z:
        z.extractall(folder)
    done = run(entry, folder)
    assert done.returncode != 0 and "Verification failure" in done.stdout + done.stderr
