import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { applyPickupMoveWorkflow, metadataOnlyPlan } from "../workflows/pickup-move"
import { availableAt, loadPickupOrder, type PickupOrder, reservationsOf } from "./read"
import { KEY, newPickupCode } from "./rules"

/**
 * A placed pickup order made ready for the desk, once: a random pickup code, and its
 * reservations at the pickup location.
 *
 * The stock rule ("reserved at A or refused, never negative at A"): the order is kept;
 * each reservation Medusa made elsewhere is moved to the pickup location A for as much as
 * A has available, the rest is released (the other store keeps its stock) and recorded
 * per SKU in `metadata.comptoir_stock_short` for the desk, which can make the order ready
 * only with what A holds (a partial preparation) or cancel it. Nothing is ever handed
 * over at A beyond what is reserved there, so A's stock never goes below zero.
 */
export async function placePickup(container: MedusaContainer, orderId: string): Promise<boolean> {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(
    `comptoir-pickup:${orderId}`,
    async () => {
      const order = await loadPickupOrder(container, orderId)
      return order ? await placeLoaded(container, order) : false
    },
    { timeout: 30 }
  )
}

/** Under the order's lock; false when there was nothing to do. */
export async function placeLoaded(container: MedusaContainer, order: PickupOrder): Promise<boolean> {
  if (!order.location_id || typeof order.metadata[KEY.code] === "string") return false
  if (order.metadata.comptoir_sale_id) return false // the till's own sale, not a web pickup
  const location = order.location_id
  const plan = metadataOnlyPlan(order.id, {
    ...order.metadata,
    [KEY.code]: await uniqueCode(container),
    [KEY.location]: location,
  })
  const skuOf = Object.fromEntries(order.items.map((item) => [item.id, item.sku]))
  const short: Record<string, number> = {}
  const taken: Record<string, number> = {} // what this run already took at A, per item
  for (const r of await reservationsOf(container, order.items.map((item) => item.id))) {
    if (r.location_id === location) continue
    const free =
      (await availableAt(container, r.inventory_item_id, location)) -
      (taken[r.inventory_item_id] ?? 0)
    const take = Math.max(0, Math.min(r.quantity, free))
    taken[r.inventory_item_id] = (taken[r.inventory_item_id] ?? 0) + take
    if (take > 0) plan.reservation_updates.push({ id: r.id, quantity: take, location_id: location })
    else plan.reservation_deletes.push(r.id)
    if (take < r.quantity) {
      const sku = skuOf[r.line_item_id ?? ""] ?? r.inventory_item_id
      short[sku] = (short[sku] ?? 0) + r.quantity - take
    }
  }
  if (Object.keys(short).length) plan.metadata[KEY.short] = short
  await applyPickupMoveWorkflow(container).run({ input: plan })
  return true
}

/** A code no open order holds (40 random bits: a clash is rare, but checked). */
async function uniqueCode(container: MedusaContainer): Promise<string> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (;;) {
    const code = newPickupCode()
    const clash = await pg.raw(
      `SELECT 1 FROM "order" WHERE metadata->>? = ? AND status NOT IN ('canceled', 'completed')
         AND deleted_at IS NULL LIMIT 1`,
      [KEY.code, code]
    )
    if (!clash.rows.length) return code
  }
}
