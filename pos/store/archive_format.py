"""The signed archive's layout: member names, CSV columns, the manifest's format.

Shared by the writer (``archive_writer``) and the checker (``archive_check``) so both read
the same format. The CSV columns keep ``body`` last: the other fields are ids,
timestamps, integers and base64 (never a comma or a quote), so a plain ``IFS=, read``
splits a row and only the body carries CSV quoting (see the README's openssl recipe).
"""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring

from pos.domain.chain_entry import ChainEntry

_PLAIN = re.compile(r"[A-Za-z0-9+/=:.\-_]*")
_NEEDS_QUOTING = frozenset(',"\r\n')

FORMAT = "comptoir-archive/1"
MANIFEST = "MANIFEST.sha256"
MANIFEST_SIG = "MANIFEST.sha256.sig"
SIGNING_KEY = "signing-key.pem"
README = "README.txt"
INFO = "archive.json"
TERMINAL_KEYS = "terminal_keys.csv"
JOURNAL = "journal.csv"
#: For each chain whose first archived entry follows an entry outside the period: that
#: previous entry, whole, so the first link is checked (signature and all) in the archive.
ANCHORS = "chains/anchors.csv"
KEYS_FOLDER = "public-keys/"
#: Members outside the manifest: the manifest itself and its signature.
UNLISTED = frozenset({MANIFEST, MANIFEST_SIG})

ENTRY_COLUMNS = ("terminal_id", "chain", "seq", "kind", "ref", "at", "key_id", "prev", "sig",
                 "body")  # fmt: skip
KEY_COLUMNS = ("key_id", "public_pem", "created_at", "introduced_by", "introduction")
JOURNAL_COLUMNS = ("seq", "sale_id", "terminal_id", "ticket_no", "total_cents",
                   "grand_total_cents", "prev_hash", "hash", "created_at",
                   "record")  # fmt: skip


def chain_csv(chain: str) -> str:
    return f"chains/{chain}.csv"


def chain_jsonl(chain: str) -> str:
    return f"chains/{chain}.jsonl"


def key_file(key_id: str) -> str:
    return f"{KEYS_FOLDER}{key_id}.pem"


def entry_row(entry: ChainEntry) -> list[object]:
    return [entry.terminal_id, entry.chain, entry.seq, entry.kind, entry.ref, entry.at,
            entry.key_id, entry.prev, entry.sig, entry.body]  # fmt: skip


def csv_line(row: tuple[object, ...] | list[object]) -> str:
    """One row as ``csv.writer`` writes it (minimal quoting, LF), built with plain string
    operations: the archive writes 100,000 rows of 2 kB bodies in a blink."""
    cells = []
    for value in row:
        text = str(value)
        if _NEEDS_QUOTING.isdisjoint(text):
            cells.append(text)
        else:
            cells.append('"' + text.replace('"', '""') + '"')
    return ",".join(cells) + "\n"


def json_line(row: tuple[object, ...] | list[object]) -> str:
    """``entry_json`` of a row in ``ENTRY_COLUMNS`` order, built without a dict. ``at``,
    ``chain``, ``key_id``, ``prev`` and ``sig`` are ISO, names, hex or base64 (nothing to
    escape) when they match ``_PLAIN``; the others are always escaped."""
    terminal, chain, seq, kind, ref, at, key_id, prev, sig, body = row
    plain = _PLAIN.fullmatch(f"{at}{chain}{key_id}{prev}{sig}") is not None
    q = _quoted if plain else _s
    return (
        f'{{"at":{q(at)},"body":{_s(body)},"chain":{q(chain)},"key_id":{q(key_id)},'
        f'"kind":{_s(kind)},"prev":{q(prev)},"ref":{_s(ref)},"seq":{int(str(seq))},'
        f'"sig":{q(sig)},"terminal_id":{_s(terminal)}}}\n'
    )


def _quoted(value: object) -> str:
    return f'"{value}"'


def _s(value: object) -> str:
    return encode_basestring(str(value))


def entry_from_row(row: list[str]) -> ChainEntry:
    """A CSV row back into an entry; ValueError when it is not one."""
    if len(row) != len(ENTRY_COLUMNS):
        raise ValueError(f"a chain row has {len(ENTRY_COLUMNS)} columns, not {len(row)}")
    terminal, chain, seq, kind, ref, at, key_id, prev, sig, body = row
    return ChainEntry(terminal, chain, int(seq), kind, ref, at, key_id, prev, body, sig)


def entry_json(entry: ChainEntry) -> str:
    """One JSON Lines record: every field, keys sorted."""
    fields = dict(zip(ENTRY_COLUMNS, entry_row(entry), strict=True))
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_from_json(line: str) -> ChainEntry:
    fields = json.loads(line)
    if not isinstance(fields, dict) or set(fields) != set(ENTRY_COLUMNS):
        raise ValueError("a JSON Lines record must hold exactly the entry's fields")
    return entry_from_row([str(fields[name]) for name in ENTRY_COLUMNS])


def manifest_text(hashes: dict[str, str]) -> str:
    """``sha256sum`` format: ``<hex>  <name>`` per member, sorted by name."""
    return "".join(f"{hashes[name]}  {name}\n" for name in sorted(hashes))


def parse_manifest(text: str) -> dict[str, str]:
    """name → hex digest; ValueError on a line ``sha256sum -c`` would not take."""
    hashes: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not name or name in hashes:
            raise ValueError(f"line {number} of the manifest is not '<sha256>  <file>'")
        hashes[name] = digest
    return hashes
