import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  MedusaError,
} from "@medusajs/framework/utils"
import { Staff } from "./models/staff"

export type StaffRole = "cashier" | "pickup" | "manager" | "admin"

export type StaffRow = {
  id: string
  display_name: string
  role: StaffRole
  pin_hash: string
  badge: string | null
  language: "fr" | "en"
  active: boolean
  version: number
  location_id: string | null
  user_id: string | null
}

export type NewStaff = Omit<StaffRow, "active" | "version">

const COLUMNS = `"id", "display_name", "role", "pin_hash", "badge", "language", "active", "version", "location_id", "user_id"`

/** What the admin routes answer: the member without the PIN hash (only tills need it). */
export function shown(row: StaffRow): Omit<StaffRow, "pin_hash"> & { has_pin: boolean } {
  const { pin_hash, ...rest } = row
  return { ...rest, has_pin: pin_hash.length > 0 }
}

/**
 * The stores' till staff. Every change bumps `version` and `updated_at`, which the
 * `staff` delta feed (`src/feeds/staff.ts`) reads, so a deactivation or a new PIN reaches
 * every till on its next pull. Plain SQL: the conditional updates answer "who was it
 * before" in the same statement, which the workflows' compensations restore.
 */
export default class ComptoirStaffService extends MedusaService({ Staff }) {
  @InjectTransactionManager()
  async addStaff(input: NewStaff, @MedusaContext() sharedContext: Context = {}): Promise<StaffRow> {
    const manager = sharedContext.transactionManager as EntityManager
    const clash = await manager.execute(
      `select "id", "badge" from "comptoir_staff"
        where "deleted_at" is null and ("id" = ? or ("badge" is not null and "badge" = ?))`,
      [input.id, input.badge]
    )
    if (clash.length > 0) {
      const sameId = clash.some((row: { id: string }) => row.id === input.id)
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        sameId
          ? `There is already a staff member ${input.id}.`
          : `Badge ${input.badge} is already another staff member's.`
      )
    }
    const [row] = await manager.execute(
      `insert into "comptoir_staff"
         ("id", "display_name", "role", "pin_hash", "badge", "language", "location_id", "user_id")
       values (?, ?, ?, ?, ?, ?, ?, ?)
       returning ${COLUMNS}`,
      [input.id, input.display_name, input.role, input.pin_hash, input.badge, input.language,
       input.location_id, input.user_id]
    )
    return row as StaffRow
  }

  /** Sets a member's fields (`active`, `pin_hash`); answers the row before and after. */
  @InjectTransactionManager()
  async changeStaff(
    id: string,
    change: { active?: boolean; pin_hash?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ before: StaffRow; after: StaffRow }> {
    const manager = sharedContext.transactionManager as EntityManager
    const [before] = (await manager.execute(
      `select ${COLUMNS} from "comptoir_staff" where "id" = ? and "deleted_at" is null for update`,
      [id]
    )) as StaffRow[]
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no staff member ${id}.`)
    }
    const [after] = (await manager.execute(
      `update "comptoir_staff"
          set "active" = ?, "pin_hash" = ?, "version" = "version" + 1, "updated_at" = clock_timestamp()
        where "id" = ?
        returning ${COLUMNS}`,
      [change.active ?? before.active, change.pin_hash ?? before.pin_hash, id]
    )) as StaffRow[]
    return { before, after }
  }

  /** A member by id (deactivated ones too: they may have acted before), or null. */
  @InjectManager()
  async member(id: string, @MedusaContext() sharedContext: Context = {}): Promise<StaffRow | null> {
    const manager = sharedContext.manager as EntityManager
    const [row] = (await manager.execute(
      `select ${COLUMNS} from "comptoir_staff" where "id" = ? and "deleted_at" is null`,
      [id]
    )) as StaffRow[]
    return row ?? null
  }

  /** Undoes `addStaff` (a workflow's compensation): the row is gone, never served. */
  @InjectTransactionManager()
  async removeStaff(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(`delete from "comptoir_staff" where "id" = ?`, [id])
  }
}
