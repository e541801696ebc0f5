"""A store with signed entries around a month's edges, and archives edited as an
attacker would (a member changed, the manifest recomputed, re-signed or not)."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

from pos.domain.chain_entry import TICKET
from pos.store import archive_format as fmt
from pos.store import chains, events
from pos.store.db import write_transaction
from pos.store.local_store import LocalStore
from pos.store.signing_key import SigningKey

TERMINAL = "T01"
# (at, in November 2026 in Paris?): local midnight of 1 Nov is 23:00Z on 31 Oct (CET);
# the fourth entry's clock went back to October, between two November entries.
INSTANTS = (
    ("2026-10-31T22:59:59.999Z", False),
    ("2026-10-31T23:00:00.000Z", True),
    ("2026-11-15T10:00:00.000Z", True),
    ("2026-10-20T09:00:00.000Z", False),
    ("2026-11-30T22:59:59.999Z", True),
    ("2026-11-30T23:00:00.000Z", False),
)
BODY = '{{"n":{n},"note":"a, \\"quoted\\" été","total_cents":{total}}}'


def fill_store(data_dir: Path) -> SigningKey:
    """Six ticket entries and six events at ``INSTANTS``; returns the terminal's key."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with LocalStore(data_dir / "store.db") as store:
        key = store.signing_key()
        for n, (at, _) in enumerate(INSTANTS, start=1):
            with write_transaction(store.conn):
                chains.append(store.conn, key, chain=TICKET, kind="sale",
                              body=BODY.format(n=n, total=1000 + n), terminal_id=TERMINAL,
                              at=at, ref=f"sale-{n}")  # fmt: skip
            events.record(store.conn, key, "drawer_opened", {"n": n}, terminal_id=TERMINAL, at=at)
    return key


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rewrite(
    source: Path,
    target: Path,
    edits: dict[str, bytes],
    *,
    fix_manifest: bool = False,
    sign_with: SigningKey | None = None,
) -> Path:
    """Copy the archive with ``edits`` applied; then, as asked, recompute the manifest's
    hashes and sign it again (and ship that key as signing-key.pem)."""
    content = members(source) | edits
    if fix_manifest or sign_with is not None:
        hashes = {name: hashlib.sha256(data).hexdigest() for name, data in content.items()
                  if name not in fmt.UNLISTED}  # fmt: skip
        if sign_with is not None:
            content[fmt.SIGNING_KEY] = sign_with.public_pem.encode()
            hashes[fmt.SIGNING_KEY] = hashlib.sha256(content[fmt.SIGNING_KEY]).hexdigest()
        content[fmt.MANIFEST] = fmt.manifest_text(hashes).encode()
        if sign_with is not None:
            content[fmt.MANIFEST_SIG] = base64.b64decode(sign_with.sign(content[fmt.MANIFEST]))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in content.items():
            archive.writestr(name, data)
    return target


def flip_digit(data: bytes, line: int) -> bytes:
    """One byte changed: the last digit of the given line (1-based) becomes another."""
    lines = data.split(b"\n")
    text = lines[line - 1]
    at = max(i for i, byte in enumerate(text) if chr(byte).isdigit())
    digit = b"1" if text[at : at + 1] != b"1" else b"2"
    lines[line - 1] = text[:at] + digit + text[at + 1 :]
    return b"\n".join(lines)
