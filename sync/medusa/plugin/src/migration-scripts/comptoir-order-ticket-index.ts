import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const ORDER_TICKET_INDEX = "IDX_order_comptoir_ticket"

/**
 * An index for a return's look-up of a till ticket by terminal and number
 * (`GET /admin/comptoir/terminals/:terminal_id/tickets/:ticket_no`), which otherwise
 * scans every order's metadata. A migration script for the reasons given in
 * `comptoir-order-sale-id-index.ts` (built concurrently; an invalid one dropped first).
 */
export default async function comptoirOrderTicketIndex({ container }: ExecArgs): Promise<void> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ?`,
    [ORDER_TICKET_INDEX]
  )
  if (rows.length && !rows[0].indisvalid) {
    await knex.raw(`drop index concurrently if exists "${ORDER_TICKET_INDEX}"`)
  }
  await knex.raw(
    `create index concurrently if not exists "${ORDER_TICKET_INDEX}" on "order" ` +
      `((metadata->>'comptoir_terminal_id'), (metadata->>'comptoir_ticket_no')) where deleted_at is null`
  )
}
