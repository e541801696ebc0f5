import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const ORDER_SALE_ID_INDEX = "IDX_order_comptoir_sale_id"

/**
 * An index for the sale handler's crash lookup (`existingOrder`: an order by
 * `metadata->>'comptoir_sale_id'`), which otherwise scans every order.
 *
 * A migration script, not a migration of one of our modules: `medusa db:migrate` runs
 * plugin modules' migrations before Medusa's own modules' on a fresh database (tried:
 * `relation "order" does not exist`), and scripts run after all of them, once (a script
 * cut half-way runs again). Built concurrently so a live store keeps taking orders; a
 * build cut half-way leaves an invalid index that `if not exists` would keep, so that
 * one is dropped first.
 */
export default async function comptoirOrderSaleIdIndex({ container }: ExecArgs): Promise<void> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ?`,
    [ORDER_SALE_ID_INDEX]
  )
  if (rows.length && !rows[0].indisvalid) {
    await knex.raw(`drop index concurrently if exists "${ORDER_SALE_ID_INDEX}"`)
  }
  await knex.raw(
    `create index concurrently if not exists "${ORDER_SALE_ID_INDEX}" on "order" ` +
      `((metadata->>'comptoir_sale_id')) where deleted_at is null`
  )
}
