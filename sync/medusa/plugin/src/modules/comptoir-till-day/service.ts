import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  type ActInput,
  type ActRows,
  type ApprovalInput,
  type ApprovalRow,
  insertAct,
  insertApproval,
  readActs,
  readApprovals,
} from "./acts"
import { Approval } from "./models/approval"
import { CashMovement } from "./models/cash-movement"
import { CancelledSale, DrawerOpening } from "./models/till-act"
import { TillSession } from "./models/till-session"

type Json = Record<string, unknown>

export type OpeningInput = {
  terminal_id: string
  location_id: string
  session_id: string
  opened_at: string
  opened: Json
}

export type MovementInput = {
  terminal_id: string
  location_id: string
  op_id: string
  movement_id: string
  session_id: string
  at: string
  payload: Json
}

export type ClosingInput = OpeningInput & { op_id: string; z_report: Json }


export type { ActInput, ActRows, ApprovalInput, ApprovalRow } from "./acts"

/** `conflict`: refused as the reference server refuses it (`sync/central/till_days.py`). */
export type Recorded = { status: "recorded" } | { status: "conflict"; reason: string }

export type SessionRow = {
  session_id: string
  location_id: string
  status: "open" | "closed"
  opened: Json
  z_report: Json | null
  movements: Json[]
}

/** The operator sees this many sessions of a terminal at most, the latest (as central). */
export const MAX_SESSIONS = 400

const key = (terminal: string, id: string) => `${terminal}/${id}`

/**
 * Each terminal's till days: sessions, cash movements, Z reports, kept as the till pushed
 * them. The ledger (`applyBatch`) already answers a resent op id with its first answer;
 * these writes are also idempotent by themselves, so an operation cut between this
 * commit and the ledger's `finish` and tried again records nothing twice and is not
 * refused. Plain SQL with conditional writes: two Z reports of one session sent side by
 * side cannot both close it.
 */
export default class ComptoirTillDayService extends MedusaService({
  TillSession,
  CashMovement,
  Approval,
  CancelledSale,
  DrawerOpening,
}) {
  @InjectTransactionManager()
  async recordOpening(input: OpeningInput, @MedusaContext() sharedContext: Context = {}): Promise<Recorded> {
    const manager = sharedContext.transactionManager as EntityManager
    // A Z that came first already filed the session with its header: nothing to add.
    await manager.execute(
      `insert into "comptoir_till_session"
         ("id", "terminal_id", "session_id", "location_id", "status", "opened_at", "opened")
       values (?, ?, ?, ?, 'open', ?, ?::jsonb)
       on conflict ("id") do nothing`,
      [
        key(input.terminal_id, input.session_id),
        input.terminal_id,
        input.session_id,
        input.location_id,
        input.opened_at,
        JSON.stringify(input.opened),
      ]
    )
    return { status: "recorded" }
  }

  @InjectTransactionManager()
  async recordMovement(input: MovementInput, @MedusaContext() sharedContext: Context = {}): Promise<Recorded> {
    const manager = sharedContext.transactionManager as EntityManager
    const inserted = await manager.execute(
      `insert into "comptoir_cash_movement"
         ("id", "terminal_id", "movement_id", "session_id", "location_id", "at", "op_id", "payload")
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
       on conflict ("id") do nothing
       returning "id"`,
      [
        key(input.terminal_id, input.movement_id),
        input.terminal_id,
        input.movement_id,
        input.session_id,
        input.location_id,
        input.at,
        input.op_id,
        JSON.stringify(input.payload),
      ]
    )
    if (inserted.length > 0) return { status: "recorded" }
    const [row] = await manager.execute(`select "op_id" from "comptoir_cash_movement" where "id" = ?`, [
      key(input.terminal_id, input.movement_id),
    ])
    if (row?.op_id === input.op_id) return { status: "recorded" } // an earlier try of this op
    return { status: "conflict", reason: `Movement ${JSON.stringify(input.movement_id)} is already recorded.` }
  }

  @InjectTransactionManager()
  async recordClosing(input: ClosingInput, @MedusaContext() sharedContext: Context = {}): Promise<Recorded> {
    const manager = sharedContext.transactionManager as EntityManager
    const id = key(input.terminal_id, input.session_id)
    // Closes an open (or not yet filed) session only: the row lock orders two Z reports.
    const closed = await manager.execute(
      `insert into "comptoir_till_session"
         ("id", "terminal_id", "session_id", "location_id", "status", "opened_at", "opened",
          "z_report", "z_op_id")
       values (?, ?, ?, ?, 'closed', ?, ?::jsonb, ?::jsonb, ?)
       on conflict ("id") do update
         set "status" = 'closed', "z_report" = excluded."z_report", "z_op_id" = excluded."z_op_id",
             "updated_at" = now()
         where "comptoir_till_session"."z_op_id" is null
       returning "id"`,
      [
        id,
        input.terminal_id,
        input.session_id,
        input.location_id,
        input.opened_at,
        JSON.stringify(input.opened),
        JSON.stringify(input.z_report),
        input.op_id,
      ]
    )
    if (closed.length > 0) return { status: "recorded" }
    const [row] = await manager.execute(`select "z_op_id" from "comptoir_till_session" where "id" = ?`, [id])
    if (row?.z_op_id === input.op_id) return { status: "recorded" } // an earlier try of this Z
    return {
      status: "conflict",
      reason:
        `Session ${JSON.stringify(input.session_id)} was already closed by Z ` +
        `${JSON.stringify(row?.z_op_id)}: a session closes once.`,
    }
  }

  /** Files an approval once: a resend (or a retry after a cut) of the same op records nothing. */
  @InjectTransactionManager()
  async recordApproval(input: ApprovalInput, @MedusaContext() sharedContext: Context = {}): Promise<Recorded> {
    return insertApproval(sharedContext.transactionManager as EntityManager, input)
  }

  /** Files a cancelled sale or a drawer opening once, as `recordApproval`. */
  @InjectTransactionManager()
  async recordAct(input: ActInput, @MedusaContext() sharedContext: Context = {}): Promise<Recorded> {
    return insertAct(sharedContext.transactionManager as EntityManager, input)
  }

  @InjectManager()
  async approvalsOf(terminalId: string, @MedusaContext() sharedContext: Context = {}): Promise<ApprovalRow[]> {
    return readApprovals(sharedContext.manager as EntityManager, terminalId)
  }

  @InjectManager()
  async actsOf(terminalId: string, @MedusaContext() sharedContext: Context = {}): Promise<ActRows> {
    return readActs(sharedContext.manager as EntityManager, terminalId)
  }

  /** The terminal's latest sessions, newest first, each with its movements in time order. */
  @InjectManager()
  async sessionsOf(terminalId: string, @MedusaContext() sharedContext: Context = {}): Promise<SessionRow[]> {
    const manager = sharedContext.manager as EntityManager
    const sessions = (await manager.execute(
      `select "session_id", "location_id", "status", "opened", "z_report"
         from "comptoir_till_session"
        where "terminal_id" = ? and "deleted_at" is null
        order by "opened_at" desc, "session_id" desc
        limit ?`,
      [terminalId, MAX_SESSIONS]
    )) as Omit<SessionRow, "movements">[]
    if (sessions.length === 0) return []
    const moved = (await manager.execute(
      `select "session_id", "payload" from "comptoir_cash_movement"
        where "terminal_id" = ? and "session_id" in (select jsonb_array_elements_text(?::jsonb)) and "deleted_at" is null
        order by "at", "movement_id"`,
      [terminalId, JSON.stringify(sessions.map((s) => s.session_id))]
    )) as { session_id: string; payload: Json }[]
    const bySession = new Map<string, Json[]>()
    for (const row of moved) {
      const list = bySession.get(row.session_id) ?? []
      list.push(row.payload)
      bySession.set(row.session_id, list)
    }
    return sessions.map((s) => ({ ...s, movements: bySession.get(s.session_id) ?? [] }))
  }

  /** Whether this terminal ever sent an operation to the plugin (the ledger's table). */
  @InjectManager()
  async knowsTerminal(terminalId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const manager = sharedContext.manager as EntityManager
    const rows = await manager.execute(
      `select 1 from "comptoir_till_operation" where "terminal_id" = ? limit 1`,
      [terminalId]
    )
    return rows.length > 0
  }
}
