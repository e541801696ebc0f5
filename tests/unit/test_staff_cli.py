"""``comptoir staff`` end to end on a real store file: the first administrator, then
additions that need an administrator's PIN, a listing, a deactivation."""

from __future__ import annotations

import io

import pytest

from pos.__main__ import main
from pos.domain.errors import PosError
from pos.services.staff import StaffDirectory
from pos.store.local_store import LocalStore


def comptoir(monkeypatch, capsys, data_dir, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_staff_commands(monkeypatch, capsys, tmp_path):
    run = lambda *args, stdin="": comptoir(monkeypatch, capsys, tmp_path, *args, stdin=stdin)  # noqa: E731
    code, out, _ = run("staff", "list")
    assert code == 0 and "No staff yet" in out
    code, out, _ = run("staff", "add", "--name", "Nadia", "--pin-stdin", stdin="24682468\n")
    assert code == 0 and "first administrator" in out
    admin_id = out.rsplit("id ", 1)[1].strip(" .\n")
    code, _, err = run("staff", "add", "--name", "Camille", "--pin-stdin", stdin="1111\n")
    assert code == 2 and "--as" in err  # the store has staff now
    code, _, err = run(
        "staff", "add", "--name", "Camille", "--as", admin_id, "--pin-stdin",
        stdin="0000\n1111\n",
    )  # fmt: skip
    assert code == 1 and "Wrong PIN" in err
    code, out, _ = run(
        "staff", "add", "--name", "Camille", "--role", "cashier", "--badge", "B-7",
        "--as", admin_id, "--pin-stdin", stdin="24682468\n13571357\n",
    )  # fmt: skip
    assert code == 0 and "Camille (cashier)" in out
    camille_id = out.rsplit("id ", 1)[1].strip(" .\n")
    code, out, _ = run("staff", "list")
    assert "Camille\tcashier\tfr\tactive\tlocal, badge" in out and "24682468" not in out
    code, out, _ = run(
        "staff", "deactivate", camille_id, "--as", admin_id, "--pin-stdin", stdin="24682468\n"
    )
    assert code == 0 and "can no longer sign in" in out
    with LocalStore(tmp_path / "store.db") as store, pytest.raises(PosError) as caught:
        StaffDirectory(store).sign_in("B-7", "13571357")
    assert caught.value.code == "account_inactive"
    for path in tmp_path.glob("store.db*"):
        assert b"13571357" not in path.read_bytes() and b"24682468" not in path.read_bytes()
