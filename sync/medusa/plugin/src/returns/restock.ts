import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { crashHereForTests, missingLevels } from "../operations/stock-movement"
import { oneSaleAtATime, required, type Variant } from "../operations/sale-stock"
import type { TillScope } from "../operations/types"
import { applyStockMovementWorkflow } from "../workflows/stock-movement"
import type { ReturnTicketLine } from "./ticket"

// The ticket stands: a returned article Medusa no longer knows is said, never refused.
export const RESTOCK_UNKNOWN_PRODUCT = "return_restock_unknown_product"

/**
 * Puts back at the till's location what a return ticket restocks: each returned line
 * with `restock: true` raises its variant's inventory levels by |quantity| (grams when
 * weighed, as the sale took them); a damaged line (`restock: false`) moves nothing.
 *
 * The till keeps its own +|qty| movement local, as a sale's own movements (the platform
 * takes stock from the ticket itself), so this is the only place Medusa learns it.
 * Not Medusa's return receive (`confirmReturnReceiveWorkflow` restocks by
 * `adjustInventoryLevelsStep`): its adjustment commits apart from any record of it, so a
 * resumed op could restock twice; and the articles come back to the shelf whether or not
 * Medusa's order still lets them go back (a conflict's excess, an unknown original sale).
 * Each line is a till stock movement of reason `return` (`../modules/comptoir-stock-movement`),
 * keyed `<op_id>:restock:<line_no>`: the level change and its record commit together, so
 * a resent or resumed op finds it applied and moves nothing again.
 */
export async function restockReturn(
  container: MedusaContainer,
  scope: TillScope,
  opId: string,
  sale: { id: string; terminal_id: string; lines: ReturnTicketLine[] }
): Promise<string[]> {
  const lines = sale.lines.filter((line) => line.returned?.restock && line.quantity < 0)
  if (!lines.length) return []
  const variants = await variantsOf(container, [...new Set(lines.map((l) => l.variant_id))])
  const warnings: string[] = []
  for (const line of lines) {
    const variant = variants.get(line.variant_id)
    if (!variant) {
      warnings.push(RESTOCK_UNKNOWN_PRODUCT)
      continue
    }
    const links = variant.manage_inventory ? variant.inventory_items ?? [] : []
    if (!links.length) continue // Medusa keeps no stock of it: nothing to put back
    const changes = links.map((link) => ({
      inventory_item_id: link.inventory_item_id,
      location_id: scope.stock_location_id,
      adjustment: -line.quantity * required(link),
    }))
    const items = changes.map((change) => change.inventory_item_id)
    // Behind every sale of the same goods (any process), as a till movement is.
    const { result } = await oneSaleAtATime(container, items, async () => {
      return await applyStockMovementWorkflow(container).run({
        input: {
          movement: {
            id: `${opId}:restock:${line.line_no}`,
            terminal_id: sale.terminal_id || scope.terminal_id,
            variant_id: variant.id,
            sku: variant.sku ?? line.sku,
            reason: "return",
            delta: -line.quantity,
            ref: sale.id,
            location_id: scope.stock_location_id,
            changes,
          },
          missing_levels: await missingLevels(container, scope, items),
        },
      })
    })
    if (result.applied) crashHereForTests(opId)
  }
  return [...new Set(warnings)]
}

async function variantsOf(container: MedusaContainer, ids: string[]): Promise<Map<string, Variant>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: ids },
  })
  return new Map((data as Variant[]).map((variant) => [variant.id, variant]))
}
