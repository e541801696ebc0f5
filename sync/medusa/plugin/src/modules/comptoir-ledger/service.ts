import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { randomUUID } from "node:crypto"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { TillOperation } from "./models/till-operation"

/** A claim older than this belongs to a worker that died: an order takes ~1 s. */
export const LEASE_SECONDS = 120

export type OperationStatus = "in_progress" | "applied" | "rejected"

export type OperationResult = {
  op_id: string
  status: "accepted" | "rejected"
  code?: string
  message?: string
  [key: string]: unknown
}

export type Claim =
  | { claimed: true; token: string; progress: Record<string, unknown> | null }
  | { claimed: false; status: OperationStatus; result: OperationResult | null; sameContent: boolean }

/**
 * The idempotency ledger: each till operation is claimed once (insert, or take over an
 * abandoned claim), applied, then finished with its answer, which every later copy of
 * the same op id receives. Plain SQL with conditional updates: two concurrent copies
 * cannot both hold a claim.
 */
export default class ComptoirLedgerService extends MedusaService({ TillOperation }) {
  @InjectManager()
  async claim(
    input: { id: string; kind: string; terminal_id: string; fingerprint: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Claim> {
    const manager = sharedContext.manager as EntityManager
    const token = randomUUID()
    const rows = await manager.execute(
      `insert into "comptoir_till_operation" ("id", "kind", "terminal_id", "fingerprint", "claim_token")
       values (?, ?, ?, ?, ?)
       on conflict ("id") do update set "claim_token" = excluded."claim_token", "updated_at" = now()
         where "comptoir_till_operation"."status" = 'in_progress'
           and "comptoir_till_operation"."fingerprint" = excluded."fingerprint"
           and "comptoir_till_operation"."updated_at" < now() - make_interval(secs => ?)
       returning "progress"`,
      [input.id, input.kind, input.terminal_id, input.fingerprint, token, LEASE_SECONDS]
    )
    if (rows.length > 0) {
      return { claimed: true, token, progress: rows[0].progress ?? null }
    }
    const [row] = await manager.execute(
      `select "status", "result", "fingerprint" from "comptoir_till_operation" where "id" = ?`,
      [input.id]
    )
    return {
      claimed: false,
      status: row.status,
      result: row.result ?? null,
      sameContent: row.fingerprint === input.fingerprint,
    }
  }

  /** Records how far an operation got, so a crash resumes instead of redoing. */
  @InjectManager()
  async saveProgress(
    id: string,
    token: string,
    progress: Record<string, unknown>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await (sharedContext.manager as EntityManager).execute(
      `update "comptoir_till_operation" set "progress" = ?::jsonb, "updated_at" = now()
       where "id" = ? and "status" = 'in_progress' and "claim_token" = ? returning "id"`,
      [JSON.stringify(progress), id, token]
    )
    return rows.length > 0
  }

  @InjectManager()
  async finish(
    id: string,
    token: string,
    result: OperationResult,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const status: OperationStatus = result.status === "accepted" ? "applied" : "rejected"
    const rows = await (sharedContext.manager as EntityManager).execute(
      `update "comptoir_till_operation" set "status" = ?, "result" = ?::jsonb, "updated_at" = now()
       where "id" = ? and "status" = 'in_progress' and "claim_token" = ? returning "id"`,
      [status, JSON.stringify(result), id, token]
    )
    return rows.length > 0
  }

  /** Gives a claim back after a failure that may succeed later (the till retries). */
  @InjectManager()
  async release(
    id: string,
    token: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await (sharedContext.manager as EntityManager).execute(
      `update "comptoir_till_operation" set "updated_at" = to_timestamp(0)
       where "id" = ? and "status" = 'in_progress' and "claim_token" = ?`,
      [id, token]
    )
  }
}
