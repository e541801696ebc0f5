import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import type { Metadata } from "./rules"

export type PickupItem = { id: string; sku: string; quantity: number }

export type Reservation = {
  id: string
  line_item_id: string | null
  inventory_item_id: string
  location_id: string
  quantity: number
}

export type PickupOrder = {
  id: string
  status: string
  created_at: string
  metadata: Metadata
  items: PickupItem[]
  /** The stock location of the order's pickup option; null: not a pickup order. */
  location_id: string | null
  /** Authorised payments not yet captured (captured at the hand-over). */
  payment_ids: string[]
  /** Paid online: some payment authorised or captured, not cancelled. */
  paid: boolean
  fulfillment_ids: string[]
}

const ORDER_FIELDS = [
  "id",
  "status",
  "created_at",
  "metadata",
  "items.*",
  "shipping_methods.shipping_option_id",
  "payment_collections.payments.id",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "fulfillments.id",
  "fulfillments.canceled_at",
]

/** The order as a pickup move needs it; null when there is no such order. */
export async function loadPickupOrder(
  container: MedusaContainer,
  orderId: string
): Promise<PickupOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: orderId },
  })
  const order = data[0] as any
  if (!order) return null
  const optionIds = (order.shipping_methods ?? [])
    .map((m: any) => m?.shipping_option_id)
    .filter(Boolean)
  return {
    id: order.id,
    status: order.status,
    created_at: new Date(order.created_at).toISOString(),
    metadata: (order.metadata ?? {}) as Metadata,
    items: (order.items ?? []).map((item: any) => ({
      id: item.id,
      sku: item.variant_sku || item.variant_id || item.id,
      quantity: toNumber(item.quantity),
    })),
    location_id: await pickupLocation(container, optionIds),
    paid: (order.payment_collections ?? [])
      .flatMap((c: any) => c?.payments ?? [])
      .some((p: any) => p && !p.canceled_at),
    payment_ids: (order.payment_collections ?? [])
      .flatMap((c: any) => c?.payments ?? [])
      .filter((p: any) => p && !p.captured_at && !p.canceled_at)
      .map((p: any) => p.id),
    fulfillment_ids: (order.fulfillments ?? [])
      .filter((f: any) => f && !f.canceled_at)
      .map((f: any) => f.id),
  }
}

/** The location of the first pickup-type option among `optionIds` (null if none is). */
export async function pickupLocation(
  container: MedusaContainer,
  optionIds: string[]
): Promise<string | null> {
  if (!optionIds.length) return null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "service_zone.fulfillment_set.type", "service_zone.fulfillment_set.location.id"],
    filters: { id: optionIds },
  })
  for (const option of data as any[]) {
    const set = option?.service_zone?.fulfillment_set
    if (set?.type === "pickup" && set?.location?.id) return set.location.id
  }
  return null
}

export async function reservationsOf(
  container: MedusaContainer,
  lineItemIds: string[]
): Promise<Reservation[]> {
  if (!lineItemIds.length) return []
  const inventory = container.resolve(Modules.INVENTORY)
  const found = await inventory.listReservationItems({ line_item_id: lineItemIds })
  return found.map((r: any) => ({
    id: r.id,
    line_item_id: r.line_item_id ?? null,
    inventory_item_id: r.inventory_item_id,
    location_id: r.location_id,
    quantity: toNumber(r.quantity),
  }))
}

/** Stocked minus reserved of an inventory item at a location (0 without a level there). */
export async function availableAt(
  container: MedusaContainer,
  inventoryItemId: string,
  locationId: string
): Promise<number> {
  const inventory = container.resolve(Modules.INVENTORY)
  const [level] = await inventory.listInventoryLevels({
    inventory_item_id: inventoryItemId,
    location_id: locationId,
  })
  if (!level) return 0
  return Math.max(0, toNumber(level.stocked_quantity) - toNumber(level.reserved_quantity))
}

/** Medusa's quantities come as numbers or BigNumbers depending on the path. */
export function toNumber(value: unknown): number {
  return MathBN.convert(value as any).toNumber()
}
