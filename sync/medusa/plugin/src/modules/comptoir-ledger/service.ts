import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { randomUUID } from "node:crypto"
import {
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { LedgerInstance } from "./models/ledger-instance"
import { TillOperation } from "./models/till-operation"

/**
 * A claim older than this is taken over whoever holds it: the last resort, for a claim
 * its own (live) process leaked. An order takes ~1 s.
 */
export const LEASE_SECONDS = 120

/** This Medusa process, made at plugin load: a restarted Medusa is another instance. */
export const INSTANCE_ID = `ledger_${randomUUID()}`

/** How often a process that holds claims says it is alive. */
export const HEARTBEAT_SECONDS = 2

/**
 * An instance silent this long is dead and its claims are taken over at once. Well above
 * the beat, so that a busy event loop or a slow database never makes a live Medusa look
 * dead to another instance behind the same load balancer; well under a Medusa restart's
 * own boot time, so a restarted Medusa resumes its predecessor's claims on first try.
 */
export const INSTANCE_SILENT_SECONDS = 10

export type OperationStatus = "in_progress" | "applied" | "rejected"

export type OperationResult = {
  op_id: string
  status: "accepted" | "rejected"
  code?: string
  message?: string
  [key: string]: unknown
}

export type Claim =
  | { claimed: true; token: string; progress: Record<string, unknown> | null; first: boolean }
  | { claimed: false; status: OperationStatus; result: OperationResult | null; sameContent: boolean }

/**
 * The idempotency ledger: each till operation is claimed once (insert, or take over an
 * abandoned claim), applied, then finished with its answer, which every later copy of
 * the same op id receives. Plain SQL with conditional updates: two concurrent copies
 * cannot both hold a claim.
 */
export default class ComptoirLedgerService extends MedusaService({ TillOperation, LedgerInstance }) {
  private registered: Promise<void> | null = null
  private beatTimer: NodeJS.Timeout | null = null

  /**
   * A claim is taken over when it is free (released), older than the lease, or held by an
   * instance that stopped beating (its process died: a crash, a kill, a restart). A claim
   * with no instance (made before instances were recorded) waits for the lease.
   */
  @InjectManager()
  async claim(
    input: { id: string; kind: string; terminal_id: string; fingerprint: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Claim> {
    await this.beating()
    const manager = sharedContext.manager as EntityManager
    const token = randomUUID()
    const rows = await manager.execute(
      `insert into "comptoir_till_operation"
         ("id", "kind", "terminal_id", "fingerprint", "claim_token", "instance_id")
       values (?, ?, ?, ?, ?, ?)
       on conflict ("id") do update set "claim_token" = excluded."claim_token",
         "instance_id" = excluded."instance_id", "updated_at" = now()
         where "comptoir_till_operation"."status" = 'in_progress'
           and "comptoir_till_operation"."fingerprint" = excluded."fingerprint"
           and ("comptoir_till_operation"."updated_at" < now() - make_interval(secs => ?)
             or ("comptoir_till_operation"."instance_id" <> excluded."instance_id"
               and not exists (select 1 from "comptoir_ledger_instance" as "holder"
                 where "holder"."id" = "comptoir_till_operation"."instance_id"
                   and "holder"."heartbeat_at" > now() - make_interval(secs => ?))))
       returning "progress", (xmax = 0) as "inserted"`,
      [
        input.id,
        input.kind,
        input.terminal_id,
        input.fingerprint,
        token,
        INSTANCE_ID,
        LEASE_SECONDS,
        INSTANCE_SILENT_SECONDS,
      ]
    )
    if (rows.length > 0) {
      // `xmax = 0`: this statement inserted the row, so no earlier try ever held it.
      return { claimed: true, token, progress: rows[0].progress ?? null, first: rows[0].inserted === true }
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

  /**
   * Registers this process before its first claim, then beats every few seconds while it
   * lives (an unref'd timer: it never keeps Medusa up). A process that never claims never
   * beats: it holds nothing another could need to know about.
   */
  private beating(): Promise<void> {
    if (!this.beatTimer) {
      this.beatTimer = setInterval(() => {
        // a missed beat (database briefly away) is made up by the next one
        this.beat().catch(() => undefined)
      }, HEARTBEAT_SECONDS * 1000)
      this.beatTimer.unref()
    }
    this.registered ??= this.beat().catch((error) => {
      this.registered = null // not registered yet: the next claim tries again
      throw error
    })
    return this.registered
  }

  @InjectManager()
  async beat(@MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.manager as EntityManager).execute(
      `insert into "comptoir_ledger_instance" ("id", "heartbeat_at") values (?, now())
       on conflict ("id") do update set "heartbeat_at" = now(), "updated_at" = now()`,
      [INSTANCE_ID]
    )
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
