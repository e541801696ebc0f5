import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { EPOCH } from "./cursor"
import { pageOf, type FeedPage, type FeedQuery } from "./types"

/** The contract's `StaffItem` (`sync/contract/staff.py`), plus its change stamp. */
export type StaffFeedRow = {
  id: string
  display_name: string
  role: string
  pin_hash: string
  badge: string | null
  language: string
  active: boolean
  version: number
  updated_at: string
}

/**
 * The till staff changed after the cursor: added, deactivated, given a new PIN (each
 * bumps `updated_at`). With `location_id`, that store's staff and the staff of every
 * store (`location_id` null). A deactivated member stays in the feed with `active:
 * false`: the till keeps the account and refuses it at sign-in.
 */
const CHANGED_STAFF = `
select id, display_name, role, pin_hash, badge, language, active, version,
       to_char(greatest(updated_at, deleted_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as stamp_text
from comptoir_staff
where (updated_at >= :t::timestamptz or deleted_at >= :t::timestamptz)
  and (:location::text is null or location_id is null or location_id = :location)
  and (greatest(updated_at, deleted_at), id) > (:t::timestamptz, :after_id)
order by greatest(updated_at, deleted_at), id
limit :limit`

export async function readStaff(pg: Knex, query: FeedQuery): Promise<FeedPage<StaffFeedRow>> {
  const after = query.after ?? { t: EPOCH, id: "" }
  const rows = (
    await pg.raw(CHANGED_STAFF, {
      t: after.t,
      location: query.location_id ?? null,
      after_id: after.id,
      limit: query.limit,
    })
  ).rows as (Omit<StaffFeedRow, "updated_at"> & { stamp_text: string })[]
  return pageOf(rows, query.limit, ({ stamp_text, ...row }) => ({
    ...row,
    active: Boolean(row.active),
    version: Number(row.version),
    updated_at: stamp_text,
  }))
}
