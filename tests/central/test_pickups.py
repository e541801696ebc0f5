"""Click-and-collect over the real server: the web places, the desk moves, stock follows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.contract import PickupOrder, PickupsPage, normalize_code
from tests.central.conftest import LYON, PARIS, pull_all, push, stock_level
from tests.support.central_server import CentralServer, pickup_move

DESK = "D1"


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    """A small catalog: demo promotions touch only SKU0000001/098/195/292."""
    path: Path = tmp_path_factory.mktemp("central") / "central.db"
    with CentralServer(path, products=300) as server:
        yield server


@pytest.fixture(scope="module")
def desk(central: CentralServer) -> Iterator[httpx.Client]:
    with central.client(central.enrol(LYON, DESK)) as client:
        yield client


def _move(desk: httpx.Client, op: dict[str, Any]) -> dict[str, Any]:
    [result] = push(desk, LYON, DESK, [op])
    return result


def _level(client: httpx.Client, product_id: int) -> tuple[int, int]:
    """``(on_hand, reserved)`` of a Lyon product, read through the stock feed."""
    item = stock_level(client, LYON, product_id)
    return item["on_hand"], item["reserved"]


def _pickups(client: httpx.Client, store: str = LYON) -> dict[str, dict[str, Any]]:
    response = client.get(f"/v1/stores/{store}/feeds/pickups", params={"limit": 5000})
    page = PickupsPage.model_validate_json(response.content)
    return {item.id: item.model_dump() for item in page.items}


def test_a_whole_journey_reserves_then_consumes_stock(
    central: CentralServer, desk: httpx.Client
) -> None:
    central.count_stock(LYON, "SKU0000120", 10)
    central.count_stock(LYON, "SKU0000121", 5)
    _items, cursor = pull_all(desk, LYON, "stock")
    order = central.place_pickup_order("web-journey", {"SKU0000120": 3, "SKU0000121": 2})
    PickupOrder.model_validate(order)
    assert (order["state"], order["version"], order["partial"]) == ("received", 1, False)
    assert order["qr_text"] == f"CMPT-PU:web-journey:{order['pickup_code']}"
    catalog = {i["sku"]: i for i in pull_all(desk, LYON, "catalog")[0]}
    for line in order["lines"]:
        assert line["unit_price_cents"] == catalog[line["sku"]]["price_cents"]
        assert line["vat_bp"] == catalog[line["sku"]]["vat_bp"]
        assert line["total_cents"] == line["unit_price_cents"] * line["quantity"]
    assert order["total_cents"] == sum(line["total_cents"] for line in order["lines"])

    changed, _ = pull_all(desk, LYON, "stock", cursor=cursor)  # the reservation, seen by tills
    assert sorted((i["sku"], i["on_hand"], i["reserved"]) for i in changed) == [
        ("SKU0000120", 10, 3),
        ("SKU0000121", 5, 2),
    ]
    available = central.web("GET", "/v1/web/availability?sku=SKU0000120").json()["stores"]
    assert [s["available"] for s in available if s["store_id"] == LYON] == [7]

    seen = _pickups(desk)["web-journey"]
    assert seen == order  # the feed serves the whole order, as the web sees it
    assert _move(desk, pickup_move("j-1", 1, seen, "preparing"))["status"] == "accepted"
    seen = _pickups(desk)["web-journey"]
    ready = pickup_move("j-2", 2, seen, "ready", lines={"SKU0000121": 1})  # one is missing
    assert _move(desk, ready)["status"] == "accepted"

    told = central.pickup_order("web-journey")  # what the web shop tells the customer
    assert (told["state"], told["version"], told["partial"]) == ("ready", 3, True)
    picked = {line["sku"]: line["picked_quantity"] for line in told["lines"]}
    assert picked == {"SKU0000120": 3, "SKU0000121": 1}
    assert stock_level(desk, LYON, 121)["reserved"] == 1  # the missing one is released

    assert _move(desk, pickup_move("j-3", 3, told, "collected"))["status"] == "accepted"
    done = central.pickup_order("web-journey")
    assert (done["state"], done["version"]) == ("collected", 4)
    assert done["collected_total_cents"] == done["picked_total_cents"]
    assert [(e["state"], e["channel"], e["terminal_id"]) for e in done["history"]] == [
        ("received", "web", None),
        ("preparing", "terminal", DESK),
        ("ready", "terminal", DESK),
        ("collected", "terminal", DESK),
    ]
    assert _level(desk, 120) == (7, 0)  # on hand down by what was handed over
    assert _level(desk, 121) == (4, 0)


def _ready(central: CentralServer, desk: httpx.Client, order_id: str, **kw: Any) -> dict:
    order = central.place_pickup_order(order_id, {"SKU0000130": 2}, **kw)
    assert _move(desk, pickup_move(f"{order_id}-p", 1, order, "preparing"))["status"] == "accepted"
    order = central.pickup_order(order_id)
    assert _move(desk, pickup_move(f"{order_id}-r", 2, order, "ready"))["status"] == "accepted"
    return central.pickup_order(order_id)


def test_an_order_paid_in_store_leaves_stock_to_its_sale(
    central: CentralServer, desk: httpx.Client
) -> None:
    central.count_stock(LYON, "SKU0000130", 20)
    order = _ready(central, desk, "web-unpaid-1", paid=False)
    result = _move(desk, pickup_move("u-1", 3, order, "collected", sale_id="S-D1-000042"))
    assert (result["status"], result["warnings"]) == ("accepted", [])
    assert central.pickup_order("web-unpaid-1")["sale_id"] == "S-D1-000042"
    assert _level(desk, 130) == (20, 0)  # the sale op moves on_hand, not the handover

    order = _ready(central, desk, "web-unpaid-2", paid=False)
    result = _move(desk, pickup_move("u-2", 4, order, "collected"))  # no sale: flagged
    assert (result["status"], result["warnings"]) == ("accepted", ["unpaid_handover"])
    assert stock_level(desk, LYON, 130)["on_hand"] == 18


def test_partial_collection_takes_only_what_was_handed_over(
    central: CentralServer, desk: httpx.Client
) -> None:
    central.count_stock(LYON, "SKU0000130", 20)
    order = _ready(central, desk, "web-partial")
    too_much = pickup_move("pc-0", 1, order, "collected", lines={"SKU0000130": 1})
    assert _move(desk, too_much)["code"] == "invalid_lines"  # less than picked: partial
    result = _move(
        desk, pickup_move("pc-1", 2, order, "partially_collected", lines={"SKU0000130": 1})
    )
    assert result["status"] == "accepted"
    done = central.pickup_order("web-partial")
    assert [line["collected_quantity"] for line in done["lines"]] == [1]
    assert _level(desk, 130) == (19, 0)


def test_a_partial_collection_of_a_promoted_line_costs_its_share(
    central: CentralServer, desk: httpx.Client
) -> None:
    """A line lists its promotions at its list price: handing over 2 of a "3 pour 2"
    line's 3 is 2/3 of what the line costs, not 2 at list price (nor a free one)."""
    sku, price = "SKU0000131", 579
    body = {"name": "3 pour 2 sérum", "kind": "n_for_m", "value": 1, "n": 3, "m": 2,
            "skus": [sku], "starts_at": "2020-01-01T00:00:00Z",
            "ends_at": "2040-01-01T00:00:00Z"}  # fmt: skip
    assert central.admin("PUT", "/v1/admin/promotions/9501", json=body).status_code == 201
    central.count_stock(LYON, sku, 10)
    order = central.place_pickup_order("web-promo-partial", {sku: 3})
    [line] = order["lines"]
    assert (line["unit_price_cents"], line["discount_cents"], line["total_cents"]) == (
        price, price, 2 * price,
    )  # fmt: skip
    assert _move(desk, pickup_move("pp-p", 1, order, "preparing"))["status"] == "accepted"
    order = central.pickup_order("web-promo-partial")
    assert _move(desk, pickup_move("pp-r", 2, order, "ready"))["status"] == "accepted"
    order = central.pickup_order("web-promo-partial")
    moved = _move(desk, pickup_move("pp-c", 3, order, "partially_collected", lines={sku: 2}))
    assert moved["status"] == "accepted"
    done = central.pickup_order("web-promo-partial")
    assert done["collected_total_cents"] == (2 * price * 2 + 1) // 3  # 2/3 of 11.58 €, half up
    assert done["picked_total_cents"] == 2 * price
    central.put_promotion(9501, [sku], active=False)


@pytest.mark.parametrize(
    ("to_state", "lines", "code"),
    [
        ("collected", None, "illegal_transition"),  # received cannot jump to collected
        ("expired", None, "illegal_transition"),  # central's alone
        ("received", None, "illegal_transition"),
        ("preparing", {"SKU0000140": 1}, "invalid_lines"),  # preparing takes no lines
    ],
)
def test_moves_the_machine_does_not_have_are_rejected(
    central: CentralServer, desk: httpx.Client, to_state: str, lines: Any, code: str
) -> None:
    order = central.place_pickup_order(f"web-illegal-{to_state}", {"SKU0000140": 1})
    result = _move(desk, pickup_move(f"ill-{to_state}", 1, order, to_state, lines=lines))
    assert (result["status"], result["code"]) == ("rejected", code)
    assert central.pickup_order(order["id"])["version"] == 1  # nothing applied


@pytest.mark.parametrize(
    ("case", "lines", "reason"),
    [
        ("over", {"SKU0000141": 3}, "only 2 ordered"),
        ("stranger", {"SKU0000999": 1}, "no line for"),
        ("none", {"SKU0000141": 0}, "Nothing was picked"),
    ],
)
def test_picked_counts_must_fit_the_order(
    central: CentralServer, desk: httpx.Client, case: str, lines: dict[str, int], reason: str
) -> None:
    order = central.place_pickup_order(f"web-count-{case}", {"SKU0000141": 2})
    assert _move(desk, pickup_move(f"cnt-{case}-p", 1, order, "preparing"))["status"] == (
        "accepted"
    )
    order = central.pickup_order(order["id"])
    result = _move(desk, pickup_move(f"cnt-{case}-r", 2, order, "ready", lines=lines))
    assert (result["status"], result["code"]) == ("rejected", "invalid_lines")
    assert reason in result["reason"]


def test_placing_is_idempotent_by_order_id(central: CentralServer) -> None:
    first = central.place_pickup_order("web-idem", {"SKU0000150": 1})
    again = central.place_pickup_order("web-idem", {"SKU0000150": 1})
    assert again == first  # same code, no second reservation
    other = central.web(
        "POST",
        "/v1/web/pickup-orders",
        {
            "order_id": "web-idem", "store_id": LYON, "customer": {"name": "Camille"},
            "lines": [{"sku": "SKU0000150", "quantity": 2}], "paid": True,
        },
    )  # fmt: skip
    assert (other.status_code, other.json()["error"]["code"]) == (409, "conflict")


def test_an_order_beyond_the_available_stock_is_refused_whole(
    central: CentralServer, desk: httpx.Client
) -> None:
    central.count_stock(LYON, "SKU0000151", 2)
    central.count_stock(LYON, "SKU0000152", 9)
    with pytest.raises(httpx.HTTPStatusError) as refused:
        central.place_pickup_order("web-short", {"SKU0000152": 1, "SKU0000151": 3})
    assert refused.value.response.status_code == 409
    assert "Only 2 of 'SKU0000151'" in refused.value.response.json()["error"]["message"]
    assert stock_level(desk, LYON, 152)["reserved"] == 0
    assert central.web("GET", "/v1/web/pickup-orders/web-short").status_code == 404


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"store_id": "nowhere"}, 404),
        ({"lines": [{"sku": "NOPE", "quantity": 1}]}, 404),
        ({"lines": [{"sku": "SKU0000153", "quantity": 1.0}]}, 400),
        ({"lines": []}, 400),
        ({"paid": "yes"}, 400),
        ({"due_at": "2025-13-01T10:00:00Z"}, 400),
        ({"due_at": "tomorrow"}, 400),
        ({"customer": {"name": ""}}, 400),
        ({"colour": "red"}, 400),
    ],
)
def test_a_bad_web_order_is_refused(
    central: CentralServer, change: dict[str, Any], status: int
) -> None:
    body = {
        "order_id": "web-bad", "store_id": LYON, "customer": {"name": "Camille"},
        "lines": [{"sku": "SKU0000153", "quantity": 1}], "paid": True,
    } | change  # fmt: skip
    assert central.web("POST", "/v1/web/pickup-orders", body).status_code == status


def test_web_calls_need_the_web_token(central: CentralServer, desk: httpx.Client) -> None:
    assert desk.get("/v1/web/pickup-orders/web-journey").status_code == 401
    assert central.web("GET", "/v1/web/pickup-orders/never-placed").status_code == 404


# -- the desk's code lookup -----------------------------------------------------------------


def test_a_code_finds_its_order_typed_or_scanned(
    central: CentralServer, desk: httpx.Client
) -> None:
    order = central.place_pickup_order("web-code", {"SKU0000160": 1})
    code = order["pickup_code"]
    for text in (code, code.replace("-", "").lower(), order["qr_text"]):
        response = desk.get(f"/v1/stores/{LYON}/pickup-codes/{text}")
        assert response.status_code == 200, text
        assert response.json()["id"] == "web-code"


def _forged(code: str) -> str:
    """Another valid code: the last symbol changed."""
    last = "0" if code[-1] != "0" else "1"
    forged = code[:-1] + last
    assert normalize_code(forged) == forged
    return forged


def test_a_forged_code_finds_nothing(central: CentralServer, desk: httpx.Client) -> None:
    order = central.place_pickup_order("web-forged", {"SKU0000161": 1})
    other = central.place_pickup_order("web-forged-2", {"SKU0000161": 1})
    for text in (
        _forged(order["pickup_code"]),
        f"CMPT-PU:web-forged:{_forged(order['pickup_code'])}",
        f"CMPT-PU:web-forged:{other['pickup_code']}",  # a real code, another order
        "CMPT-PU:web-forged",
        f"CMPT-PU:wéb-forged:{order['pickup_code']}",
        "garbage",
        "x" * 201,
    ):
        response = desk.get(f"/v1/stores/{LYON}/pickup-codes/{text}")
        assert response.status_code == 404, text
        assert response.json()["error"]["code"] == "not_found"


def test_another_stores_order_is_not_the_desks(central: CentralServer, desk: httpx.Client) -> None:
    order = central.place_pickup_order("web-paris", {"SKU0000162": 1}, store_id=PARIS)
    with central.client(central.enrol(PARIS, "D9")) as paris:
        assert "web-paris" in _pickups(paris, PARIS)
    assert "web-paris" not in _pickups(desk)
    assert desk.get(f"/v1/stores/{LYON}/pickup-codes/{order['qr_text']}").status_code == 404
    assert desk.get(f"/v1/stores/{PARIS}/pickup-codes/{order['qr_text']}").status_code == 403
    result = _move(desk, pickup_move("paris-1", 1, order, "preparing"))
    assert (result["status"], result["code"]) == ("rejected", "not_found")
    assert central.pickup_order("web-paris")["version"] == 1
