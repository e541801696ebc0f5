"""The till's calls for stock across the network (issue 16), over the same ``Wire`` as
every call: a product's stock now in every location, and an order placed for a customer
(idempotent by its order id: a retry after a lost reply answers the same order)."""

from __future__ import annotations

from sync.client.wire import Wire, parse
from sync.contract.network import CustomerOrder, CustomerOrderRequest, NetworkStock

REPLY_BYTES = 256 * 1024


class HttpNetworkCalls:
    """For one terminal of one store; the owner sets ``_wire`` and ``_store_path``."""

    _wire: Wire
    _store_path: str

    def network_stock(self, product_id: int) -> NetworkStock:
        path = f"{self._store_path}/network-stock/{int(product_id)}"
        data = self._wire.call("GET", path, max_bytes=REPLY_BYTES)
        return parse(NetworkStock, data, "a product's stock across the network")

    def place_customer_order(self, request: CustomerOrderRequest) -> CustomerOrder:
        body = request.model_dump_json().encode("utf-8")
        path = f"{self._store_path}/customer-orders"
        data = self._wire.call("POST", path, body=body, max_bytes=REPLY_BYTES)
        return parse(CustomerOrder, data, "an order for a customer")
