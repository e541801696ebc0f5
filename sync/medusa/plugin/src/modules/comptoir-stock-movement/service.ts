import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { StockMovement } from "./models/stock-movement"

export type LevelChange = { inventory_item_id: string; location_id: string; adjustment: number }
export type LevelAfter = { inventory_item_id: string; location_id: string; stocked_quantity: number }

export type MovementInput = {
  id: string
  terminal_id: string
  variant_id: string
  sku: string
  reason: string
  delta: number
  ref: string | null
  location_id: string
  changes: LevelChange[]
}

/** `applied`: false when an earlier try had already applied this movement. */
export type MovementApplied = { applied: boolean; levels: LevelAfter[] }

// Exactly what Medusa's inventory service does to a level on `adjustInventory` (its
// bigNumber column and the exact `raw_` twin it reads back), done as one atomic
// UPDATE: the row lock it takes orders it against any other writer of the level.
const ADJUST_LEVEL = `
update "inventory_level"
   set "stocked_quantity" = "stocked_quantity" + ?::numeric,
       "raw_stocked_quantity" = jsonb_build_object(
         'value', ("stocked_quantity" + ?::numeric)::text, 'precision', 20),
       "updated_at" = now()
 where "inventory_item_id" = ? and "location_id" = ? and "deleted_at" is null
returning "inventory_item_id", "location_id", "stocked_quantity"::float8 as "stocked_quantity"`

/**
 * Applies till stock movements to Medusa's inventory levels exactly once.
 *
 * Medusa's `adjustInventoryLevelsStep` commits in the inventory module's own transaction,
 * so a record of "movement X applied" kept anywhere else could be lost (a crash between
 * the two commits) and the movement applied twice on resend. Here the movement row and
 * the level updates are one PostgreSQL transaction of this module: the inventory tables
 * live in the same database (Medusa's modules share its connection), and the update is
 * the same one Medusa makes. What Medusa's service would add is its
 * `inventory-level.updated` event, which nothing in a Comptoir store listens to; the
 * stock delta feed reads the level's `updated_at`, which moves.
 */
export default class ComptoirStockMovementService extends MedusaService({ StockMovement }) {
  @InjectTransactionManager()
  async applyMovement(
    input: MovementInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<MovementApplied> {
    const manager = sharedContext.transactionManager as EntityManager
    const inserted = await manager.execute(
      `insert into "comptoir_stock_movement"
         ("id", "terminal_id", "variant_id", "sku", "reason", "delta", "ref", "location_id", "levels")
       values (?, ?, ?, ?, ?, ?, ?, ?, '[]'::jsonb)
       on conflict ("id") do nothing
       returning "id"`,
      [
        input.id,
        input.terminal_id,
        input.variant_id,
        input.sku,
        input.reason,
        input.delta,
        input.ref,
        input.location_id,
      ]
    )
    if (inserted.length === 0) {
      // Applied by an earlier try whose answer never reached the ledger.
      const [row] = await manager.execute(
        `select "levels" from "comptoir_stock_movement" where "id" = ?`,
        [input.id]
      )
      return { applied: false, levels: row.levels as LevelAfter[] }
    }
    const levels: LevelAfter[] = []
    for (const change of input.changes) {
      const rows = await manager.execute(ADJUST_LEVEL, [
        change.adjustment,
        change.adjustment,
        change.inventory_item_id,
        change.location_id,
      ])
      if (rows.length === 0) {
        // Rolls the movement row back too: nothing of this movement is kept.
        throw new Error(
          `inventory item ${change.inventory_item_id} has no level at ${change.location_id}`
        )
      }
      const row = rows[0] as Record<string, unknown>
      levels.push({
        inventory_item_id: String(row.inventory_item_id),
        location_id: String(row.location_id),
        stocked_quantity: Number(row.stocked_quantity),
      })
    }
    await manager.execute(
      `update "comptoir_stock_movement" set "levels" = ?::jsonb, "updated_at" = now() where "id" = ?`,
      [JSON.stringify(levels), input.id]
    )
    return { applied: true, levels }
  }
}
