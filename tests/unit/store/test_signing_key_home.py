"""Where the terminal's signing key is read from: the owner-only file first, which is
never older than the keyring's copy, and no keyring probed when the file is there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest

from pos.store.signing_key import SERVICE, KeyStore, SigningKey
from tests.support.keyrings import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_a_key_kept_in_the_file_wins_over_an_older_one_in_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # the keyring held K1, then refused a write: K2 went to the file (``_keep``)
    old, new = SigningKey.generate(), SigningKey.generate()
    store = KeyStore(tmp_path, use_keyring=True)
    memory_keyring.saved[(SERVICE, store.account)] = old.private_pem()
    store.path.write_text(new.private_pem(), encoding="ascii")

    assert KeyStore(tmp_path, use_keyring=True).current().key_id == new.key_id
    assert memory_keyring.asked == 0  # the file was enough: no keyring asked


def test_a_key_in_the_keyring_alone_is_read_from_it(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    key = KeyStore(tmp_path, use_keyring=True).current()  # made and kept in the keyring
    assert not KeyStore(tmp_path).path.exists()
    assert KeyStore(tmp_path, use_keyring=True).current().key_id == key.key_id
    assert memory_keyring.asked >= 1
