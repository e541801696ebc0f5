import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { finishSaleFulfilmentWorkflow } from "../workflows/finish-sale-fulfilment"
import type { SalePayload } from "../workflows/record-sale/plan"
import { holds, type Variant } from "./sale-stock"
import type { TillScope } from "./types"

/*
 * A sale's fulfilment cut by a killed Medusa, finished exactly once.
 *
 * Medusa's `createOrderFulfillmentWorkflow` runs its steps in separate transactions: the
 * fulfilment (with its items' `line_item_id`), then the stock adjustment at our location,
 * then side by side the order's fulfilment registration, the order↔fulfilment link and the
 * reservations' deletion. A process killed between them is not compensated. So the resume
 * cannot decide "fulfilled or not" from `order.fulfillments` (the link) alone:
 * - cut before the link, fulfilling again took the sale's stock a second time and left an
 *   orphan fulfilment;
 * - cut after the link, the reservations (stock held for ever) or the order's fulfilled
 *   quantities stayed behind.
 * Before fulfilling, the sale saves in the ledger's progress the stocked levels at our
 * location (`FULFIL_LEVELS`). A resumed try looks for the fulfilment by the order's line
 * items in the fulfilment module, linked or not, and finishes what is missing.
 *
 * Whether the adjustment is done: reservations are deleted only after it, so none left
 * means done. With reservations left, the level is compared with the saved one: done when
 * it is down by at least the sale. That is exact unless something else moved those goods
 * at our location between the cut and the resume (then a sale elsewhere reads as ours
 * done, a restock as ours not done): the resume runs on the till's next push.
 */

export const FULFIL_LEVELS = "fulfil_levels"

/** What the sale takes at our location, per order item and inventory item. */
export type Take = { line_item_id: string; inventory_item_id: string; location_id: string; quantity: number }

export type Resume = {
  progress: Record<string, unknown> | null
  saveProgress: (progress: Record<string, unknown>) => Promise<void>
}

/**
 * Finishes the fulfilment an earlier try left behind; true when the order has one now
 * (nothing more to fulfil), false when no try ever created one.
 */
export async function finishCutFulfilment(
  container: MedusaContainer,
  orderId: string,
  items: { id: string; quantity: number }[],
  takes: Take[],
  linked: string[],
  progress: Record<string, unknown> | null
): Promise<boolean> {
  // Only a resumed sale comes here (a fresh one is one workflow, `sale-record.ts`): a
  // cut anywhere in that workflow may have left a fulfilment, saved levels or not.
  const saved = levelsIn(progress)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const fulfilmentId = linked[0] ?? (await orphanFulfilment(container, items.map((i) => i.id)))
  if (!fulfilmentId) return false

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: held } = await query.graph({
    entity: "reservation",
    fields: ["id", "line_item_id"],
    filters: { line_item_id: items.map((i) => i.id) },
  })
  const reservationIds = (held as { id: string }[]).map((r) => r.id)
  const adjust = reservationIds.length && saved ? await notTaken(container, takes, saved) : []
  const registered = await knex("order_change_action")
    .select("id")
    .where({ order_id: orderId, reference_id: fulfilmentId, action: "FULFILL_ITEM" })
    .whereNull("deleted_at") // a reverted order version soft-deletes its actions
    .first()
  const input = {
    order_id: orderId,
    fulfillment_id: fulfilmentId,
    adjust,
    link: !linked.length,
    register: registered ? null : items,
    reservation_ids: reservationIds,
  }
  if (adjust.length || input.link || input.register || reservationIds.length) {
    await finishSaleFulfilmentWorkflow(container).run({ input })
  }
  return true
}

/**
 * Saves our location's stocked levels of the sale's goods just before the fulfilment
 * takes them (`top_ups`: what the same settle run adds first, when a cut try left the
 * reservations missing).
 */
export async function saveLevelsBeforeFulfilment(
  container: MedusaContainer,
  scope: TillScope,
  orderId: string,
  takes: Take[],
  topUps: { inventory_item_id: string; adjustment: number }[],
  missing: { inventory_item_id: string; stocked_quantity: number }[],
  resume: Resume
): Promise<void> {
  const levels = await stockedAt(container, scope.stock_location_id, takes)
  for (const up of topUps) levels[up.inventory_item_id] = (levels[up.inventory_item_id] ?? 0) + up.adjustment
  for (const level of missing) levels[level.inventory_item_id] = level.stocked_quantity
  await resume.saveProgress({ ...(resume.progress ?? {}), order_id: orderId, [FULFIL_LEVELS]: levels })
}

/**
 * Before a fresh sale's workflow runs: our location's stocked levels of its goods as the
 * fulfilment inside it will find them (after the same run's top-ups). The order does not
 * exist yet: a resume finds it by its sale id.
 */
export async function saveLevelsBeforeSale(
  container: MedusaContainer,
  scope: TillScope,
  variants: Map<string, Variant>,
  payload: SalePayload,
  stock: { topUps: { inventory_item_id: string; adjustment: number }[]; missing: { inventory_item_id: string; stocked_quantity: number }[] },
  resume: Resume
): Promise<void> {
  const takes = payload.sale.lines.flatMap((line) =>
    holds(scope, line, variants).map((h) => ({ ...h, line_item_id: "" }))
  )
  if (!takes.length) return
  const levels = await stockedAt(container, scope.stock_location_id, takes)
  for (const up of stock.topUps) levels[up.inventory_item_id] = (levels[up.inventory_item_id] ?? 0) + up.adjustment
  for (const level of stock.missing) levels[level.inventory_item_id] = level.stocked_quantity
  await resume.saveProgress({ ...(resume.progress ?? {}), [FULFIL_LEVELS]: levels })
}

/** A fulfilment of the order's items not linked to any order: a cut before the link. */
async function orphanFulfilment(container: MedusaContainer, lineItemIds: string[]): Promise<string | null> {
  // The fulfilment module keeps the order line ids on its items; Medusa's query graph
  // does not expose fulfilment items, so this reads its tables (as `existingOrder` does).
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const row = await knex("fulfillment_item as fi")
    .join("fulfillment as f", "f.id", "fi.fulfillment_id")
    .select("f.id")
    .whereIn("fi.line_item_id", lineItemIds)
    .whereNull("fi.deleted_at")
    .whereNull("f.deleted_at")
    .whereNull("f.canceled_at")
    .orderBy("f.created_at")
    .first()
  return row?.id ?? null
}

/** The adjustments the cut fulfilment did not make: items whose level is not yet down
 * by the sale from the saved one. */
async function notTaken(container: MedusaContainer, takes: Take[], saved: Record<string, number>) {
  const location = takes[0]?.location_id
  if (!location) return []
  const now = await stockedAt(container, location, takes)
  const wanted = new Map<string, number>()
  for (const take of takes) {
    wanted.set(take.inventory_item_id, (wanted.get(take.inventory_item_id) ?? 0) + take.quantity)
  }
  return [...wanted]
    .filter(([item, quantity]) => item in saved && (now[item] ?? 0) > saved[item] - quantity)
    .map(([item, quantity]) => ({ inventory_item_id: item, location_id: location, adjustment: -quantity }))
}

async function stockedAt(container: MedusaContainer, location: string, takes: Take[]): Promise<Record<string, number>> {
  const ids = [...new Set(takes.map((t) => t.inventory_item_id))]
  if (!ids.length) return {}
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_level",
    fields: ["inventory_item_id", "stocked_quantity"],
    filters: { inventory_item_id: ids, location_id: location },
  })
  return Object.fromEntries((data as any[]).map((l) => [l.inventory_item_id, Number(l.stocked_quantity)]))
}

function levelsIn(progress: Record<string, unknown> | null): Record<string, number> | null {
  const levels = progress?.[FULFIL_LEVELS]
  return levels && typeof levels === "object" ? (levels as Record<string, number>) : null
}
