import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { applyStockMovementWorkflow } from "../workflows/stock-movement"
import { oneSaleAtATime, required, type Variant } from "./sale-stock"
import { type Handler, OperationRefused, type TillScope } from "./types"

/** The reference server's rules (`sync/contract/operations.py`): the same refusals. */
export const STOCK_REASONS = [
  "receipt",
  "return",
  "damage",
  "breakage",
  "theft",
  "count",
  "transfer",
  "correction",
  // A manager's adjustments at the till (issue 16): found, a sample given, own use.
  "found",
  "sample",
  "own_use",
] as const
export const MAX_UNIT_DELTA = 10_000
export const MAX_WEIGHT_DELTA = 10_000_000 // grams: 10 t

/** The contract's `StockMovementPayload`, with the till's product as its Medusa variant. */
const MovementPayload = z.object({
  variant_id: z.string().min(1),
  sku: z.string().min(1).max(64),
  delta: z.number().int().min(-MAX_WEIGHT_DELTA).max(MAX_WEIGHT_DELTA),
  reason: z.enum(STOCK_REASONS),
  ref: z.string().max(128).nullish(),
  // The author and time the till gives an adjustment: accepted, not kept in Medusa
  // (its movement record has no column for them; the till and central keep them).
  staff_id: z.string().max(64).nullish(),
  at: z.string().max(40).nullish(),
})
type MovementPayload = z.infer<typeof MovementPayload>

type StockedVariant = Variant & { sku: string | null; metadata: Record<string, unknown> | null }

/**
 * `stock_movement`: a delta with a reason (receiving, count correction, breakage...)
 * applied to the inventory levels of the movement's variant at the batch's location,
 * exactly once: the level change and the record that this op id was applied commit
 * together (`../modules/comptoir-stock-movement`), so a resend after a crash between
 * that commit and the ledger's `finish` finds the record and applies nothing again.
 * Goods sold by weight count grams, in Medusa's inventory as in the till (as sales do).
 * Answers the stocked quantity of each level after the movement.
 */
export const stockMovement: Handler = async ({ container, scope, op }) => {
  const parsed = MovementPayload.safeParse(op.payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new OperationRefused("invalid_payload", `${issue.path.join(".")}: ${issue.message}`)
  }
  const movement = parsed.data
  const variant = await stockedVariant(container, movement)
  const weighed = variant.metadata?.comptoir_sold_by === "weight"
  if (!weighed && Math.abs(movement.delta) > MAX_UNIT_DELTA) {
    throw new OperationRefused(
      "implausible_quantity",
      `A movement of ${signed(movement.delta)} units of ${movement.sku} is beyond ` +
        `${MAX_UNIT_DELTA.toLocaleString("en")} units: split it or count the stock.`
    )
  }
  const changes = (variant.inventory_items ?? []).map((link) => ({
    inventory_item_id: link.inventory_item_id,
    location_id: scope.stock_location_id,
    adjustment: movement.delta * required(link),
  }))
  const items = changes.map((change) => change.inventory_item_id)
  // Behind every sale of the same goods (any process): Medusa's item locks time out at 5 s.
  const applied = await oneSaleAtATime(container, items, async () => {
    const { result } = await applyStockMovementWorkflow(container).run({
      input: {
        movement: {
          id: op.op_id,
          terminal_id: scope.terminal_id,
          variant_id: variant.id,
          sku: movement.sku,
          reason: movement.reason,
          delta: movement.delta,
          ref: movement.ref ?? null,
          location_id: scope.stock_location_id,
          changes,
        },
        missing_levels: await missingLevels(container, scope, items),
      },
    })
    return result
  })
  if (applied.applied) crashHereForTests(op.op_id)
  return { status: "accepted", levels: applied.levels }
}

async function stockedVariant(container: MedusaContainer, movement: MovementPayload): Promise<StockedVariant> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "sku",
      "metadata",
      "manage_inventory",
      "inventory_items.inventory_item_id",
      "inventory_items.required_quantity",
    ],
    filters: { id: movement.variant_id },
  })
  const variant = data[0] as StockedVariant | undefined
  // The till names a variant without a usable SKU by its id (the catalog's `sku_of`).
  const known = variant && [variant.sku, variant.id.slice(0, 64)].includes(movement.sku)
  if (!variant || !known) {
    throw new OperationRefused(
      "unknown_product",
      `Medusa has no variant ${movement.variant_id} with SKU ${movement.sku}: the movement was not applied.`
    )
  }
  if (!variant.manage_inventory || !variant.inventory_items?.length) {
    throw new OperationRefused(
      "not_stocked",
      `Medusa does not keep stock for ${movement.sku} (its variant manages no inventory): ` +
        "the movement was not applied."
    )
  }
  return variant
}

/** The movement's inventory items that have no level at our location yet. */
export async function missingLevels(container: MedusaContainer, scope: TillScope, items: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_level",
    fields: ["inventory_item_id"],
    filters: { inventory_item_id: items, location_id: scope.stock_location_id },
  })
  const present = new Set((data as { inventory_item_id: string }[]).map((l) => l.inventory_item_id))
  return [...new Set(items)]
    .filter((item) => !present.has(item))
    .map((item) => ({ inventory_item_id: item, location_id: scope.stock_location_id, stocked_quantity: 0 }))
}

const signed = (n: number) => `${n > 0 ? "+" : ""}${n.toLocaleString("en")}`

/**
 * A test-only fault: with `COMPTOIR_PLUGIN_TEST_CRASH_AFTER_MOVEMENT` set (the test peer
 * sets it; a store never does), a movement whose op id starts with it kills this Medusa
 * right after its level change committed and before the ledger records the answer, the
 * moment exactly-once is about (a return ticket's restock too, `../returns/restock`).
 * A resend finds the movement applied: no second kill.
 */
export function crashHereForTests(opId: string): void {
  const prefix = process.env.COMPTOIR_PLUGIN_TEST_CRASH_AFTER_MOVEMENT
  if (prefix && opId.startsWith(prefix)) process.kill(process.pid, "SIGKILL")
}
