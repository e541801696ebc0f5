"""Archives of a period: what the file holds, the JET event that records it, who may make
one, and ``verify-archive`` naming each kind of change made to the file. Each test fails
if the check it names is removed."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from pos.__main__ import main
from pos.domain.archive_period import parse_period
from pos.domain.chain_entry import EVENT
from pos.domain.rights import Actor, RightRefused, Role
from pos.services.archives import Archives
from pos.store import archive_format as fmt
from pos.store import chains
from pos.store.archive_check import check_archive
from pos.store.local_store import LocalStore
from pos.store.signing_key import SigningKey
from tests.unit.store.archive_support import (
    INSTANTS,
    TERMINAL,
    fill_store,
    flip_digit,
    members,
    rewrite,
)

MANAGER = Actor("s-ines", "Inès", Role.MANAGER)
CASHIER = Actor("s-cam", "Camille", Role.CASHIER)


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, SigningKey, Path]:
    """(data folder, terminal key, November's archive)."""
    data = tmp_path / "till"
    key = fill_store(data)
    result = Archives(data, TERMINAL).make("2026-11", actor=MANAGER, out_dir=tmp_path / "out")
    return data, key, result.path


def rows(content: dict[str, bytes], name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content[name].decode())))[1:]


# -- the period ---------------------------------------------------------------------------


def test_periods_are_local_days_in_paris_with_daylight_saving() -> None:
    march = parse_period("2026-03")  # CET → CEST on 29 March
    assert (march.start_utc, march.end_utc) == (
        datetime(2026, 2, 28, 23, tzinfo=UTC),
        datetime(2026, 3, 31, 22, tzinfo=UTC),
    )
    assert parse_period("2026").last.isoformat() == "2026-12-31"
    days = parse_period("2026-11-01..2026-11-15")
    assert (days.first.day, days.last.day, days.file_label) == (1, 15, "2026-11-01_2026-11-15")
    november = parse_period("2026-11")
    assert [november.holds(at) for at, _ in INSTANTS] == [inside for _, inside in INSTANTS]
    for bad in ("2026-13", "26-11", "2026-11-15..2026-11-01", "novembre", "2026-11..2026-12"):
        with pytest.raises(ValueError, match="is not a period"):
            parse_period(bad)


# -- what the archive holds ---------------------------------------------------------------


def test_a_months_archive_holds_each_chains_run_its_anchor_keys_and_a_signed_manifest(made):
    data, key, path = made
    content = members(path)
    # November's run: entries 2 to 5, the fourth (clock set back to October) in its place;
    # entry 1 (23:59:59.999 on 31 October, Paris) is the anchor, entry 6 (1 December) out.
    for chain in ("ticket", "event"):
        table = [row for row in rows(content, fmt.chain_csv(chain))]
        assert [int(row[2]) for row in table] == [2, 3, 4, 5]
        jsonl = content[fmt.chain_jsonl(chain)].decode().splitlines()
        assert [json.loads(line)["sig"] for line in jsonl] == [row[8] for row in table]
    anchors = rows(content, fmt.ANCHORS)
    assert sorted((row[1], int(row[2])) for row in anchors) == [("event", 1), ("ticket", 1)]
    # every field as signed: each CSV row rebuilds to a valid signature
    with LocalStore(data / "store.db") as store:
        stored = {(e.chain, e.seq): e for c in ("ticket", "event") for e in chains.entries(
            store.conn, c)}  # fmt: skip
    for row in rows(content, fmt.chain_csv("ticket")):
        entry = fmt.entry_from_row(row)
        assert entry == stored[("ticket", entry.seq)]
    assert content[fmt.key_file(key.key_id)].decode() == key.public_pem
    assert content[fmt.SIGNING_KEY].decode() == key.public_pem
    # the manifest lists every other member, and its signature is raw DER by the key
    manifest = fmt.parse_manifest(content[fmt.MANIFEST].decode())
    assert set(manifest) == set(content) - {fmt.MANIFEST, fmt.MANIFEST_SIG}
    for name, digest in manifest.items():
        assert hashlib.sha256(content[name]).hexdigest() == digest
    public = serialization.load_pem_public_key(key.public_pem.encode())
    public.verify(content[fmt.MANIFEST_SIG], content[fmt.MANIFEST], ec.ECDSA(hashes.SHA256()))
    readme = content[fmt.README].decode()
    assert "Français" in readme and "English" in readme and "openssl dgst" in readme
    report = check_archive(path)
    assert report.ok, report.problem
    assert report.entries["ticket"] == 4 and report.signing_key_id == key.key_id


def test_making_an_archive_is_recorded_in_the_jet_and_never_overwrites(made, tmp_path: Path):
    data, _key, path = made
    with LocalStore(data / "store.db") as store:
        last = list(chains.entries(store.conn, EVENT))[-1]
    assert last.kind == "archive_made"
    detail = json.loads(last.body)["detail"]
    manifest = members(path)[fmt.MANIFEST]
    assert detail["period"] == "2026-11" and detail["file"] == path.name
    assert detail["manifest_sha256"] == hashlib.sha256(manifest).hexdigest()
    assert detail["by"] == {"staff_id": "s-ines", "name": "Inès"}
    again = Archives(data, TERMINAL).make("2026-11", actor=MANAGER, out_dir=path.parent)
    assert again.path.name == "comptoir-T01-2026-11-2.zip" and path.exists()


def test_a_cashier_may_not_archive(tmp_path: Path) -> None:
    data = tmp_path / "till"
    fill_store(data)
    with pytest.raises(RightRefused) as refused:
        Archives(data, TERMINAL).make("2026-11", actor=CASHIER, out_dir=tmp_path / "out")
    assert refused.value.params == {"right": "archive", "approvable": False}
    assert not (tmp_path / "out").exists()


# -- verify-archive names each change ------------------------------------------------------


def _drop_line(data: bytes, line: int) -> bytes:
    lines = data.split(b"\n")
    del lines[line - 1]
    return b"\n".join(lines)


def test_verify_archive_names_each_change(made, tmp_path: Path) -> None:
    _data, key, path = made
    content = members(path)
    ticket, jsonl = fmt.chain_csv("ticket"), fmt.chain_jsonl("ticket")
    edited = flip_digit(content[ticket], 2)
    stranger = SigningKey.generate()
    cases = {
        "one byte of an entry": (
            {ticket: edited}, {}, "chains/ticket.csv: its SHA-256 differs from the manifest"),
        "the manifest recomputed": (
            {ticket: edited}, {"fix_manifest": True}, "manifest's signature does not verify"),
        "one byte of the signature": (
            {fmt.MANIFEST_SIG: bytes([content[fmt.MANIFEST_SIG][0] ^ 1])
             + content[fmt.MANIFEST_SIG][1:]}, {}, "manifest's signature does not verify"),
        "re-signed with another key": (
            {ticket: edited}, {"sign_with": stranger}, f"signed by key {stranger.key_id}"),
        "an entry edited, re-signed by the terminal's key": (
            {ticket: edited, jsonl: _jsonl_from(edited)}, {"sign_with": key},
            "ticket entry 2: its signature does not match its content"),
        "an entry dropped": (
            {ticket: _drop_line(content[ticket], 3), jsonl: _drop_line(content[jsonl], 2)},
            {"sign_with": key}, "ticket entry 4: entry 3 is missing"),
        "the anchor dropped": (
            {fmt.ANCHORS: _drop_line(content[fmt.ANCHORS], 2)}, {"sign_with": key},
            "follows an entry that is not in the archive"),
        "the JSON Lines copy edited": (
            {jsonl: _jsonl_from(edited)}, {"sign_with": key},
            "ticket entry 2 differs from its copy"),
    }  # fmt: skip
    for number, (name, (edits, how, expected)) in enumerate(cases.items()):
        forged = rewrite(path, tmp_path / f"forged-{number}.zip", edits, **how)
        report = check_archive(forged)
        assert not report.ok and expected in report.problem, (name, report.problem)


def _jsonl_from(csv_bytes: bytes) -> bytes:
    table = list(csv.reader(io.StringIO(csv_bytes.decode())))[1:]
    return "".join(fmt.entry_json(fmt.entry_from_row(row)) + "\n" for row in table).encode()


# -- the commands -------------------------------------------------------------------------


def test_the_commands_archive_verify_and_exit_3_on_a_changed_byte(tmp_path: Path, capsys):
    data = tmp_path / "till"
    fill_store(data)
    out = tmp_path / "out"
    assert main(["--data-dir", str(data), "archive", "--period", "2026-11", "--out", str(out)]) == 0
    written = capsys.readouterr().out
    path = out / "comptoir-T01-2026-11.zip"
    assert f"Archive written: {path}" in written
    assert main(["verify-archive", str(path)]) == 0
    assert "Archive intact: terminal T01, period 2026-11" in capsys.readouterr().out
    ticket = fmt.chain_csv("ticket")
    forged = rewrite(path, tmp_path / "forged.zip", {ticket: flip_digit(members(path)[ticket], 2)})
    assert main(["verify-archive", str(forged)]) == 3
    assert "ARCHIVE BROKEN: chains/ticket.csv" in capsys.readouterr().err
    bad = ["--data-dir", str(data), "archive", "--period", "2026-14", "--out", str(out)]
    assert main(bad) == 2
    assert "is not a period" in capsys.readouterr().err
