"""The terminal's key at enrolment (``link-medusa``, ``enrol``): a fresh key introduced by
the previous one, the change a signed JET event, the key list in the order a central
witness checks it."""

from __future__ import annotations

import itertools
from pathlib import Path

from pos.domain.chain_entry import EVENT, key_introduction_bytes, verify_bytes, verify_entry
from pos.services.terminal_keys import rotate_for_enrolment, terminal_keys
from pos.store import chains
from pos.store.local_store import LocalStore


def test_enrolment_rotates_the_key_the_old_one_introducing_the_new(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        before = store.signing_key()
        old, new = rotate_for_enrolment(store, terminal_id="T7")

        assert old.key_id == before.key_id and new.key_id != old.key_id
        assert store.signing_key().key_id == new.key_id  # signs from now on
        trusted, untrusted = chains.trusted_keys(store.conn)
        assert set(trusted) == {old.key_id, new.key_id} and untrusted == {}
        [event] = chains.entries(store.conn, EVENT)
        assert (event.kind, event.terminal_id, event.key_id) == ("key_changed", "T7", new.key_id)
        assert verify_entry(new.public_pem, event)
        assert chains.walk(store.conn, EVENT).problem is None

    with LocalStore(tmp_path / "store.db") as store:  # the new key is the one kept
        assert store.signing_key().key_id == new.key_id


def test_the_key_list_puts_each_key_after_the_one_that_introduced_it(tmp_path: Path) -> None:
    with LocalStore(tmp_path / "store.db") as store:
        rotate_for_enrolment(store, terminal_id="T7")
        rotate_for_enrolment(store, terminal_id="T7")  # enrolled again, later
        keys = terminal_keys(store)
        trusted, untrusted = chains.trusted_keys(store.conn)

    assert len(keys) == 3 and set(trusted) == {k["key_id"] for k in keys} and not untrusted
    assert keys[0]["introduced_by"] == ""
    for parent, child in itertools.pairwise(keys):
        assert child["introduced_by"] == parent["key_id"]
        data = key_introduction_bytes(child["key_id"], child["public_pem"])
        assert verify_bytes(parent["public_pem"], data, child["introduction"])


def test_an_enrolled_till_whose_first_key_signed_before_verifies(tmp_path: Path) -> None:
    """Central registers the key made at enrolment, introduced by the first one: the
    record must verify, the registered key being in the terminal's trusted lineage."""
    from pos.store.verification import REGISTERED_KEY_SETTING, verify

    with LocalStore(tmp_path / "store.db") as store:
        store.signing_key()  # a demo store's key, used before enrolment
        _old, new = rotate_for_enrolment(store, terminal_id="T7")
        store.set_setting(REGISTERED_KEY_SETTING, new.key_id)
        report = verify(store.conn)
        assert report.ok, report.reason
        store.set_setting(REGISTERED_KEY_SETTING, "0123456789abcdef")  # another key
        assert [p.code for p in verify(store.conn).problems] == ["unregistered_key"]


def test_sales_sign_with_the_key_made_at_enrolment_at_once(tmp_path: Path, demo_items) -> None:
    from pos.store.catalog_loader import load_catalog
    from resources.demo.catalog import DEPARTMENTS
    from tests.benchmarks.commit_probe import make_draft

    with LocalStore(tmp_path / "store.db") as store:
        load_catalog(store.conn, DEPARTMENTS, demo_items)
        store.sales.commit(make_draft(1))
        _old, new = rotate_for_enrolment(store, terminal_id="T1")
        sale = store.sales.commit(make_draft(2))
        [entry] = chains.by_ref(store.conn, sale.sale_id, "ticket")
        assert entry.key_id == new.key_id
