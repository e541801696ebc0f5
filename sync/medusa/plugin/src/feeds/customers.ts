import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { EPOCH } from "./cursor"
import type { FeedPage, FeedQuery } from "./types"

/** A customer as `GET /admin/customers` gives it, plus whether it was deleted. */
export type CustomerRow = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
  phone: string | null
  metadata: { loyalty_points?: unknown; comptoir_marketing_consent?: unknown }
  updated_at: string
  deleted_at: string | null
}

/**
 * Customers whose stamp (the latest of `updated_at` and `deleted_at`: a soft delete is a
 * change the till must see) is after the cursor's (stamp, id). SQL for the same reasons
 * as the stock feed (`stock.ts`): microseconds, a row-value comparison on a computed
 * stamp, deleted rows. Only `metadata.loyalty_points` and the customer's marketing choice
 * (`metadata.comptoir_marketing_consent`, Medusa having no consent field) leave Medusa:
 * the rest of a customer's metadata is none of the till's business.
 */
const CHANGED_CUSTOMERS = `
with changed as (
  select c.*, greatest(c.updated_at, c.deleted_at) as stamp
  from customer c
  where c.updated_at >= ?::timestamptz or c.deleted_at >= ?::timestamptz
)
select id, email, first_name, last_name, company_name, phone,
       metadata->'loyalty_points' as loyalty_points,
       metadata->'comptoir_marketing_consent' as marketing_consent,
       to_char(stamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as stamp_text,
       to_char(deleted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as deleted_text
from changed
where (stamp, id) > (?::timestamptz, ?)
order by stamp, id
limit ?`

export async function readCustomers(pg: Knex, query: FeedQuery): Promise<FeedPage<CustomerRow>> {
  const after = query.after ?? { t: EPOCH, id: "" }
  const rows = (
    await pg.raw(CHANGED_CUSTOMERS, [after.t, after.t, after.t, after.id, query.limit])
  ).rows as Record<string, any>[]
  const items = rows.map((row) => ({
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    company_name: row.company_name,
    phone: row.phone,
    metadata: {
      ...(row.loyalty_points === null ? {} : { loyalty_points: row.loyalty_points }),
      ...(row.marketing_consent === null
        ? {}
        : { comptoir_marketing_consent: row.marketing_consent }),
    },
    updated_at: row.stamp_text,
    deleted_at: row.deleted_text,
  }))
  const tail = rows[rows.length - 1]
  return {
    items,
    last: tail ? { t: tail.stamp_text, id: tail.id } : null,
    has_more: rows.length === query.limit,
  }
}
