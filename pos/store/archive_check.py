"""Checking a signed archive on its own: what ``comptoir verify-archive`` runs.

In order, stopping at the first problem, which it names: the manifest's signature by
``signing-key.pem``; every member's SHA-256 against the manifest (none missing, none
added); the keys (each file named for its key id, each later key introduced by a
trusted one, the signing key among them); then each chain entry by entry: sequence
without gaps, the first entry linked to its anchor (the entry before the period, itself
signature-checked) or to the chain's genesis, each entry linked to the previous
signature, each signature valid, the JSON Lines copy equal to the CSV; and the legacy
journal's rows by their hashes.

Needs only the file: no store, no network. The trust anchor stays outside: the signing
key's id is reported so it can be compared with the key central registered.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pos.domain.chain_entry import (
    CHAINS,
    GENESIS,
    LEGACY_PREFIX,
    ChainEntry,
    key_id_of,
    key_introduction_bytes,
    verify_bytes,
    verify_entry,
)
from pos.store import archive_format as fmt


class ArchiveProblem(Exception):
    """The first thing wrong with an archive, as an English sentence."""


@dataclass(frozen=True, slots=True)
class ArchiveReport:
    ok: bool
    problem: str
    signing_key_id: str = ""
    terminal_id: str = ""
    period: str = ""
    entries: dict[str, int] = field(default_factory=dict)
    legacy_rows: int = 0


def check_archive(path: Path) -> ArchiveReport:
    """Check the archive; never raises for a bad file, the report says what is wrong."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _check(archive)
    except ArchiveProblem as problem:
        return ArchiveReport(False, str(problem))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return ArchiveReport(False, f"{path} is not a readable archive: {exc}.")
    except (ValueError, IndexError, KeyError) as exc:  # a member that is not what it says
        return ArchiveReport(False, f"{path} is malformed: {exc}.")


def _check(archive: zipfile.ZipFile) -> ArchiveReport:
    signer_pem = _text(archive, fmt.SIGNING_KEY)
    manifest = _read(archive, fmt.MANIFEST)
    signature = _read(archive, fmt.MANIFEST_SIG)
    if not verify_bytes(signer_pem, manifest, base64.b64encode(signature).decode()):
        raise ArchiveProblem(
            "The manifest's signature does not verify with signing-key.pem: the manifest, "
            "its signature or the key was changed."
        )
    _check_hashes(archive, manifest)
    keys = _trusted_keys(archive)
    signer_id = key_id_of(signer_pem)
    if keys.get(signer_id) != signer_pem:
        raise ArchiveProblem(
            f"The manifest is signed by key {signer_id}, which is not a trusted key of "
            "this terminal (terminal_keys.csv)."
        )
    anchors = {entry.chain: entry for entry in _csv_entries(archive, fmt.ANCHORS)}
    legacy = _check_legacy(archive)
    counts = {chain: _check_chain(archive, chain, keys, anchors.get(chain), legacy)
              for chain in CHAINS}  # fmt: skip
    info = json.loads(_text(archive, fmt.INFO))
    if info.get("entries") != counts:
        raise ArchiveProblem("archive.json does not count the entries the chains hold.")
    return ArchiveReport(
        True, "", signer_id, info.get("terminal_id", ""), info.get("period", ""), counts,
        len(legacy),
    )  # fmt: skip


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        raise ArchiveProblem(f"The archive has no {name}.") from None


def _text(archive: zipfile.ZipFile, name: str) -> str:
    try:
        return _read(archive, name).decode("utf-8")
    except UnicodeDecodeError:
        raise ArchiveProblem(f"{name} is not UTF-8 text.") from None


def _check_hashes(archive: zipfile.ZipFile, manifest: bytes) -> None:
    try:
        listed = fmt.parse_manifest(manifest.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ArchiveProblem(f"The manifest cannot be read: {exc}.") from None
    present = {name for name in archive.namelist() if not name.endswith("/")}
    for name in sorted(present - fmt.UNLISTED - listed.keys()):
        raise ArchiveProblem(f"{name} is in the archive but not in the manifest.")
    for name, expected in sorted(listed.items()):
        if name not in present:
            raise ArchiveProblem(f"{name} is in the manifest but missing from the archive.")
        digest = hashlib.sha256()
        with archive.open(name) as member:
            while chunk := member.read(1 << 20):
                digest.update(chunk)
        if digest.hexdigest() != expected:
            raise ArchiveProblem(f"{name}: its SHA-256 differs from the manifest's (changed).")


def _rows(archive: zipfile.ZipFile, name: str) -> Iterator[list[str]]:
    with archive.open(name) as member:
        reader = csv.reader(io.TextIOWrapper(member, encoding="utf-8", newline=""))
        next(reader, None)  # the header
        yield from reader


def _csv_entries(archive: zipfile.ZipFile, name: str) -> Iterator[ChainEntry]:
    for number, row in enumerate(_rows(archive, name), start=2):
        try:
            yield fmt.entry_from_row(row)
        except ValueError as exc:
            raise ArchiveProblem(f"{name}, line {number}: not a chain entry ({exc}).") from None


def _trusted_keys(archive: zipfile.ZipFile) -> dict[str, str]:
    """key_id → PEM: the first root, then each key introduced by a trusted one."""
    trusted: dict[str, str] = {}
    for key_id, pem, _created, introduced_by, introduction in _rows(archive, fmt.TERMINAL_KEYS):
        if key_id_of(pem) != key_id:
            raise ArchiveProblem(f"terminal_keys.csv: key {key_id} is not the key it holds.")
        if not introduced_by and not trusted:
            trusted[key_id] = pem
            continue
        parent = trusted.get(introduced_by)
        data = key_introduction_bytes(key_id, pem)
        if parent is None or not verify_bytes(parent, data, introduction):
            raise ArchiveProblem(
                f"terminal_keys.csv: key {key_id} was not introduced by an earlier key of "
                "this terminal."
            )
        trusted[key_id] = pem
    for name in archive.namelist():
        if name.startswith(fmt.KEYS_FOLDER) and name.endswith(".pem"):
            key_id = name[len(fmt.KEYS_FOLDER) : -len(".pem")]
            if trusted.get(key_id) != _text(archive, name):
                raise ArchiveProblem(f"{name} is not the terminal key {key_id}.")
    return trusted


def _check_chain(
    archive: zipfile.ZipFile,
    chain: str,
    keys: dict[str, str],
    anchor: ChainEntry | None,
    legacy: dict[int, str],
) -> int:
    name = fmt.chain_csv(chain)
    if name not in archive.namelist():
        return 0
    if anchor is not None:
        _check_signature(anchor, keys, fmt.ANCHORS)
    last: ChainEntry | None = anchor
    count = 0
    copies = _jsonl_entries(archive, chain)
    for entry in _csv_entries(archive, name):
        where = f"{name}: {chain} entry {entry.seq}"
        if entry.chain != chain:
            raise ArchiveProblem(f"{where} belongs to the {entry.chain} chain.")
        if next(copies, None) != entry:
            raise ArchiveProblem(f"{where} differs from its copy in {fmt.chain_jsonl(chain)}.")
        _check_link(entry, last, legacy, where)
        _check_signature(entry, keys, name)
        last, count = entry, count + 1
    if next(copies, None) is not None:
        raise ArchiveProblem(f"{fmt.chain_jsonl(chain)} holds more entries than {name}.")
    return count


def _jsonl_entries(archive: zipfile.ZipFile, chain: str) -> Iterator[ChainEntry]:
    name = fmt.chain_jsonl(chain)
    with archive.open(name) as member:
        for number, line in enumerate(io.TextIOWrapper(member, encoding="utf-8"), start=1):
            try:
                yield fmt.entry_from_json(line)
            except ValueError as exc:
                raise ArchiveProblem(f"{name}, line {number}: not an entry ({exc}).") from None


def _check_link(
    entry: ChainEntry, last: ChainEntry | None, legacy: dict[int, str], where: str
) -> None:
    if last is not None:
        if entry.seq != last.seq + 1:
            gap = (
                f"entry {last.seq + 1} is missing"
                if entry.seq == last.seq + 2
                else f"entries {last.seq + 1} to {entry.seq - 1} are missing"
            )
            raise ArchiveProblem(
                f"{where}: {gap}." if entry.seq > last.seq else f"{where}: out of order."
            )
        if entry.prev != last.sig:
            raise ArchiveProblem(
                f"{where}: it does not follow entry {last.seq} (moved, inserted or reordered)."
            )
        return
    if entry.prev == GENESIS:
        if entry.seq != 1:
            raise ArchiveProblem(f"{where}: it claims to start the chain but is not entry 1.")
        return
    if entry.prev.startswith(LEGACY_PREFIX):
        held = legacy.get(entry.seq - 1)
        if held is not None and entry.prev != f"{LEGACY_PREFIX}{held}":
            raise ArchiveProblem(f"{where}: it does not follow the legacy journal's last entry.")
        return  # the legacy head is outside the period: its own archive checks it
    raise ArchiveProblem(
        f"{where}: it follows an entry that is not in the archive ({fmt.ANCHORS} lacks it)."
    )


def _check_signature(entry: ChainEntry, keys: dict[str, str], name: str) -> None:
    where = f"{name}: {entry.chain} entry {entry.seq}"
    pem = keys.get(entry.key_id)
    if pem is None:
        raise ArchiveProblem(f"{where}: signed by key {entry.key_id}, not a terminal key.")
    if not verify_entry(pem, entry):
        raise ArchiveProblem(
            f"{where}: its signature does not match its content (edited after signing)."
        )


def _check_legacy(archive: zipfile.ZipFile) -> dict[int, str]:
    """The legacy journal's rows: each hash over its record, each linked to the one
    before. Returns seq → hash."""
    hashes: dict[int, str] = {}
    previous: tuple[int, str] | None = None
    for row in _rows(archive, fmt.JOURNAL):
        seq, prev_hash, digest, record = int(row[0]), row[6], row[7], row[9]
        where = f"{fmt.JOURNAL}: legacy entry {seq}"
        if previous is not None and (seq != previous[0] + 1 or prev_hash != previous[1]):
            raise ArchiveProblem(f"{where}: it does not follow entry {previous[0]}.")
        computed = hashlib.sha256(f"{prev_hash}\n{record}".encode()).hexdigest()
        if computed != digest:
            raise ArchiveProblem(f"{where}: its hash does not match its sale record.")
        hashes[seq] = digest
        previous = (seq, digest)
    return hashes
