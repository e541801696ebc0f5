"""The network endpoints of API v1 (issue 16): other stores' stock, customer orders,
deliveries and transfers.

Part of ``endpoints.ENDPOINTS``, in the order the OpenAPI document lists them.
"""

from __future__ import annotations

from sync.contract.deliveries import DeliveryAnnouncement, DeliveryItem
from sync.contract.endpoint_types import Endpoint
from sync.contract.network import CustomerOrder, CustomerOrderRequest, NetworkStock

NETWORK: tuple[Endpoint, ...] = (
    Endpoint(
        "GET",
        "/v1/stores/{store_id}/network-stock/{product_id}",
        "network_stock",
        "A product's stock now in every store and warehouse (the asking store included)",
        "terminal",
        None,
        {200: NetworkStock},
    ),
    Endpoint(
        "POST",
        "/v1/stores/{store_id}/customer-orders",
        "place_customer_order",
        "Order for a customer from a till: pickup at another store (its desk sees it) or "
        "delivery from the web warehouse; left to pay; idempotent by order_id",
        "terminal",
        CustomerOrderRequest,
        {200: CustomerOrder},
    ),
    # -- deliveries and transfers (issue 16) ----------------------------------------------
    Endpoint(
        "POST",
        "/v1/admin/stores/{store_id}/deliveries",
        "announce_delivery",
        "Announce a supplier's delivery to a store (its tills see it in the deliveries feed); "
        "idempotent by delivery_id",
        "admin",
        DeliveryAnnouncement,
        {200: DeliveryItem},
    ),
    Endpoint(
        "GET",
        "/v1/admin/deliveries/{delivery_id}",
        "delivery",
        "A delivery as central knows it: expected lines, what was received, the differences",
        "admin",
        None,
        {200: DeliveryItem},
    ),
)
