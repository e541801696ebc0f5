import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withItemLocks } from "./item-locks"
import type { SaleLine, SalePayload } from "../workflows/record-sale/plan"
import type { TillScope } from "./types"

export type Variant = {
  id: string
  manage_inventory: boolean
  title?: string | null
  sku?: string | null
  barcode?: string | null
  product?: {
    id?: string
    title?: string
    description?: string | null
    subtitle?: string | null
    thumbnail?: string | null
    handle?: string
    discountable?: boolean
    type?: { id: string; value: string } | null
    collection?: { title: string } | null
    shipping_profile?: { id: string } | null
  } | null
  inventory_items?:
    | {
        inventory_item_id: string
        required_quantity: number
        inventory?: { id: string; title?: string | null; sku?: string | null; requires_shipping?: boolean } | null
      }[]
    | null
}

/** How much of each inventory item the sale takes at our location (grams when weighed). */
function needs(payload: SalePayload, variants: Map<string, Variant>): Map<string, number> {
  const need = new Map<string, number>()
  for (const line of payload.sale.lines) {
    const variant = variants.get(line.variant_id)!
    if (!variant.manage_inventory) continue
    for (const link of variant.inventory_items ?? []) {
      const taken = line.quantity * required(link)
      need.set(link.inventory_item_id, (need.get(link.inventory_item_id) ?? 0) + taken)
    }
  }
  return need
}

export const required = (link: { required_quantity?: number | null }) =>
  Math.max(1, Math.round(Number(link.required_quantity ?? 1)))

/** Where Medusa believes our location lacks what was sold: raise it first. */
export async function shortfall(
  container: MedusaContainer,
  scope: TillScope,
  payload: SalePayload,
  variants: Map<string, Variant>
) {
  const need = needs(payload, variants)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: levels } = need.size
    ? await query.graph({
        entity: "inventory_level",
        fields: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"],
        filters: { inventory_item_id: [...need.keys()], location_id: scope.stock_location_id },
      })
    : { data: [] as any[] }
  const missing: { inventory_item_id: string; location_id: string; stocked_quantity: number }[] = []
  const topUps: { inventory_item_id: string; location_id: string; adjustment: number }[] = []
  for (const [item, wanted] of need) {
    const level = levels.find((l: any) => l.inventory_item_id === item)
    if (!level) {
      missing.push({ inventory_item_id: item, location_id: scope.stock_location_id, stocked_quantity: wanted })
      continue
    }
    // Levels may hold decimals (a store's own edits): cover up to the next whole unit.
    const short = Math.ceil(wanted - (Number(level.stocked_quantity) - Number(level.reserved_quantity)))
    if (short > 0) {
      topUps.push({ inventory_item_id: item, location_id: scope.stock_location_id, adjustment: short })
    }
  }
  return { missing: missing as any[], topUps: topUps as any[], corrected: missing.length + topUps.length > 0 }
}


/** The reservations a till line needs at our location (none for unmanaged stock). */
export function holds(scope: TillScope, line: SaleLine, variants: Map<string, Variant>) {
  const variant = variants.get(line.variant_id)!
  if (!variant.manage_inventory) return []
  return (variant.inventory_items ?? []).map((link) => ({
    inventory_item_id: link.inventory_item_id,
    location_id: scope.stock_location_id,
    quantity: line.quantity * required(link),
  }))
}

/**
 * Runs `job` once no other sale holds any of `keys` (inventory items), in this process or
 * another (`item-locks.ts`). Keys are taken in sorted order so two sales never wait on
 * each other: Medusa's own steps lock items one by one in line order, and two sales with
 * the same goods in another order, side by side, ended in "Timed-out acquiring lock."
 */
export async function oneSaleAtATime<T>(
  container: MedusaContainer,
  keys: string[],
  job: () => Promise<T>
): Promise<T> {
  return await withItemLocks(container, keys, job)
}
