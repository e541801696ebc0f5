"""A Medusa store's till staff, kept by Comptoir's plugin: added and deactivated by the
admin routes with argon2id PIN hashes only (a PIN in clear is refused), and served to the
tills as the ``staff`` delta feed with the same cursor as the other feeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher

from pos.cli import run_sync
from pos.domain.errors import PosError
from pos.domain.rights import Role
from pos.services.staff import StaffDirectory
from pos.store.local_store import LocalStore
from tests.medusa.helpers import linked_till
from tests.medusa.seed import Seed

pytestmark = pytest.mark.medusa

HASHER = PasswordHasher()


def call(seed: Seed, method: str, path: str, body: dict | None = None) -> httpx.Response:
    return httpx.request(
        method, f"{seed.base_url}{path}", json=body, auth=(seed.secret_key, ""), timeout=30
    )


def pull(seed: Seed, cursor: str | None = None, **params: Any) -> tuple[list[dict], str | None]:
    """Every staff change after ``cursor``, page by page: (items, the cursor to resume;
    None while the feed never had a row)."""
    items: list[dict] = []
    for _ in range(100):
        query = {"limit": 1, **params, **({"cursor": cursor} if cursor else {})}
        answer = httpx.get(
            f"{seed.base_url}/admin/comptoir/feeds/staff",
            params=query,
            auth=(seed.secret_key, ""),
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        page = answer.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return items, cursor
    raise AssertionError("the staff feed never ends")


def test_staff_added_and_deactivated_reach_the_feed_as_deltas(seed: Seed) -> None:
    version = call(seed, "GET", "/admin/comptoir/version").json()
    assert "staff" in version["feeds"]
    _, start = pull(seed)  # whatever the store had before this test

    ines = {"id": "stf-ines", "display_name": "Inès", "role": "cashier",
            "pin_hash": HASHER.hash("2468"), "badge": "B-0042", "language": "fr"}  # fmt: skip
    marc = {"id": "stf-marc", "display_name": "Marc", "role": "manager",
            "pin_hash": HASHER.hash("13579"), "language": "en",
            "location_id": seed.location_id}  # fmt: skip
    for member in (ines, marc):
        answer = call(seed, "POST", "/admin/comptoir/staff", member)
        assert answer.status_code == 201, answer.text
        assert "pin_hash" not in answer.json()["staff"]  # the admin answer leaves it out

    clear = call(seed, "POST", "/admin/comptoir/staff", {**ines, "id": "x", "pin_hash": "2468"})
    assert clear.status_code == 400 and "argon2id hash" in clear.json()["message"]
    again = call(seed, "POST", "/admin/comptoir/staff", {**marc, "badge": "B-0042"})
    assert again.status_code == 422, again.text  # one id, one badge: never two Marcs

    added, cursor = pull(seed, start)
    assert [(s["id"], s["role"], s["active"], s["version"]) for s in added] == [
        ("stf-ines", "cashier", True, 1),
        ("stf-marc", "manager", True, 1),
    ]
    assert HASHER.verify(added[0]["pin_hash"], "2468")  # the till checks PINs offline
    assert (added[0]["badge"], added[1]["language"]) == ("B-0042", "en")
    assert pull(seed, cursor)[0] == []  # caught up

    assert call(seed, "POST", "/admin/comptoir/staff/stf-ines/deactivate").status_code == 200
    delta, cursor = pull(seed, cursor)
    assert [(s["id"], s["active"], s["version"]) for s in delta] == [("stf-ines", False, 2)]

    new_hash = HASHER.hash("9753")
    pin = "/admin/comptoir/staff/stf-marc/pin"
    assert call(seed, "POST", pin, {"pin_hash": new_hash}).is_success
    refused = call(seed, "POST", pin, {"pin_hash": "9753"})
    assert refused.status_code == 400
    delta, cursor = pull(seed, cursor)
    assert [(s["id"], s["pin_hash"], s["version"]) for s in delta] == [("stf-marc", new_hash, 2)]
    assert pull(seed, cursor)[0] == []

    # Marc works at our store only: another store's tills do not get him.
    elsewhere, _ = pull(seed, start, location_id=seed.other_location_id)
    assert {s["id"] for s in elsewhere} == {"stf-ines"}
    assert call(seed, "POST", "/admin/comptoir/staff/nobody/deactivate").status_code == 404


def test_a_linked_till_signs_in_the_plugin_s_staff_and_refuses_a_deactivated_one(
    seed: Seed, tmp_path: Path
) -> None:
    """The till pulls the plugin's staff feed like any other: a member added in Medusa signs
    in at the till with their PIN (checked offline against the argon2 hash); deactivated in
    Medusa, they are refused at the next sync."""
    till = linked_till(seed, tmp_path)
    lea = {"id": "stf-lea", "display_name": "Léa", "role": "manager",
           "pin_hash": HASHER.hash("8642"), "badge": "B-0777", "language": "en",
           "location_id": seed.location_id}  # fmt: skip
    assert call(seed, "POST", "/admin/comptoir/staff", lea).status_code == 201
    assert run_sync(till) == 0
    with LocalStore(till / "store.db") as store:
        actor = StaffDirectory(store).sign_in("B-0777", "8642")
        assert (actor.staff_id, actor.display_name, actor.role) == ("stf-lea", "Léa", Role.MANAGER)
        with pytest.raises(PosError) as wrong:
            StaffDirectory(store).sign_in("stf-lea", "0000")
        assert wrong.value.code == "wrong_pin"

    assert call(seed, "POST", "/admin/comptoir/staff/stf-lea/deactivate").status_code == 200
    assert run_sync(till) == 0
    with LocalStore(till / "store.db") as store, pytest.raises(PosError) as refused:
        StaffDirectory(store).sign_in("stf-lea", "8642")
    assert refused.value.code == "account_inactive"
