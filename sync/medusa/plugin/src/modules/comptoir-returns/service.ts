import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { CreditNote, CreditNoteDebit } from "./models/credit-note"
import { ReturnClaim } from "./models/return-claim"

/** A line to take back; `returnable`: what Medusa lets go back at all (sold or delivered,
 * less what was returned outside Comptoir), read before the claim. */
export type ClaimInput = { origin_sale_id: string; origin_line_no: number; quantity: number; returnable: number }
export type Claimed = { origin_sale_id: string; origin_line_no: number; quantity: number; remaining_after: number }
export type CreditNoteRow = {
  code: string
  issued_cents: number
  balance_cents: number
  issued_at: Date
  expires_at: Date
  issued_by: string
}

/** A refusal the routes answer with its code (the reference server's codes). */
export class ReturnRefused extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 409
  ) {
    super(message)
  }
}

const YEAR_MS = 365 * 24 * 3600 * 1000

/**
 * Claims and credit notes, each change in one PostgreSQL transaction. A claim locks its
 * original sales (transaction-scoped advisory locks, taken in a fixed order), so two
 * tills claiming the same line at once are serialised: the second sees the first's rows.
 */
export default class ComptoirReturnsService extends MedusaService({ ReturnClaim, CreditNote, CreditNoteDebit }) {
  @InjectTransactionManager()
  async claim(
    returnId: string,
    terminalId: string,
    lines: ClaimInput[],
    options: { recorded: boolean; force: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ lines: Claimed[]; conflicts: Claimed[]; existed: boolean }> {
    const manager = sharedContext.transactionManager as EntityManager
    lines = merged(lines)
    for (const origin of [...new Set(lines.map((l) => l.origin_sale_id))].sort()) {
      await manager.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`comptoir-return:${origin}`])
    }
    const mine = await manager.execute(
      `select "id" from "comptoir_return_claim" where "return_id" = ? and "deleted_at" is null limit 1`,
      [returnId]
    )
    const existed = mine.length > 0
    const out: Claimed[] = []
    const conflicts: Claimed[] = []
    for (const line of lines) {
      const [row] = await manager.execute(
        `select coalesce(sum("quantity"), 0)::int as "taken",
                coalesce(sum(case when "return_id" = ? then "quantity" else 0 end), 0)::int as "mine"
           from "comptoir_return_claim"
          where "origin_sale_id" = ? and "origin_line_no" = ? and "deleted_at" is null`,
        [returnId, line.origin_sale_id, line.origin_line_no]
      )
      const taken = Number(row.taken)
      if (existed) {
        out.push({ ...line, remaining_after: Math.max(0, line.returnable - taken) })
        continue
      }
      const remaining = line.returnable - taken
      const claimed = { ...line, remaining_after: Math.max(0, remaining - line.quantity) }
      if (line.quantity > remaining) {
        if (!options.force) {
          throw new ReturnRefused(
            "not_returnable",
            `Line ${line.origin_line_no} of ${line.origin_sale_id}: ${Math.max(0, remaining)} left to return, not ${line.quantity}.`
          )
        }
        conflicts.push({ ...claimed, remaining_after: Math.max(0, remaining) })
      }
      await manager.execute(
        `insert into "comptoir_return_claim"
           ("id", "return_id", "terminal_id", "origin_sale_id", "origin_line_no", "quantity", "status", "conflict")
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          `${returnId}|${line.origin_sale_id}|${line.origin_line_no}`,
          returnId,
          terminalId,
          line.origin_sale_id,
          line.origin_line_no,
          line.quantity,
          options.recorded ? "recorded" : "claimed",
          line.quantity > remaining,
        ]
      )
      out.push(claimed)
    }
    if (existed && options.recorded) {
      await manager.execute(
        `update "comptoir_return_claim" set "status" = 'recorded', "updated_at" = now() where "return_id" = ?`,
        [returnId]
      )
    }
    return { lines: out, conflicts, existed }
  }

  /** Drops a claim whose return was abandoned at the till; one already recorded stays. */
  @InjectTransactionManager()
  async release(returnId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    const recorded = await manager.execute(
      `select 1 from "comptoir_return_claim" where "return_id" = ? and "status" = 'recorded' limit 1`,
      [returnId]
    )
    if (recorded.length) {
      throw new ReturnRefused("claim_consumed", `Return ${returnId} is already recorded; it cannot be released.`)
    }
    await manager.execute(`delete from "comptoir_return_claim" where "return_id" = ?`, [returnId])
  }

  /** What every return counted so far took back of each line of these original sales. */
  async takenBack(originIds: string[]): Promise<Map<string, { taken: number; recorded: number }>> {
    const rows = await this.listReturnClaims({ origin_sale_id: originIds }, { take: null })
    const out = new Map<string, { taken: number; recorded: number }>()
    for (const row of rows) {
      const key = `${row.origin_sale_id}|${row.origin_line_no}`
      const sum = out.get(key) ?? { taken: 0, recorded: 0 }
      sum.taken += Number(row.quantity)
      if (row.status === "recorded") sum.recorded += Number(row.quantity)
      out.set(key, sum)
    }
    return out
  }

  /** Issues the credit note once (a resent return ticket finds it issued). */
  @InjectTransactionManager()
  async issue(code: string, cents: number, issuedBy: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as EntityManager
    const now = new Date()
    await manager.execute(
      `insert into "comptoir_credit_note" ("id", "issued_cents", "balance_cents", "issued_at", "expires_at", "issued_by")
       values (?, ?, ?, ?, ?, ?) on conflict ("id") do nothing`,
      [code, cents, cents, now, new Date(now.getTime() + YEAR_MS), issuedBy]
    )
    return await this.note(code, manager)
  }

  async creditNote(code: string): Promise<CreditNoteRow | null> {
    const [row] = await this.listCreditNotes({ id: code })
    return row ? toRow(row) : null
  }

  /** Spends `cents` once per op id; below the balance is `credit_note_spent`. */
  @InjectTransactionManager()
  async debit(
    code: string,
    debit: { op_id: string; amount_cents: number; channel: string },
    options: { force: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ note: CreditNoteRow; overspent: boolean }> {
    const manager = sharedContext.transactionManager as EntityManager
    const note = await this.note(code, manager, true)
    const id = `${code}|${debit.op_id}`
    const [done] = await manager.execute(`select "reversed_at" from "comptoir_credit_note_debit" where "id" = ?`, [id])
    if (done && done.reversed_at == null) return { note, overspent: false }
    if (done) {
      // A till's op id names a tender's place in its sale (`<sale_id>:t<seq>`), the web shop's its cart:
      // that debit was given back (tender removed, note taken off the cart), so the next one under the
      // same id debits afresh, never a silent success that takes nothing. The reversed debit stays on
      // record, renamed.
      await manager.execute(
        `update "comptoir_credit_note_debit" set "id" = "id" || '~reversed@' || extract(epoch from "reversed_at")::text,
          "updated_at" = now() where "id" = ?`,
        [id]
      )
    }
    if (!options.force && note.expires_at.getTime() <= Date.now()) {
      throw new ReturnRefused("credit_note_expired", `Credit note ${code} expired on ${note.expires_at.toISOString()}.`)
    }
    const overspent = note.balance_cents < debit.amount_cents
    if (overspent && !options.force) {
      throw new ReturnRefused("credit_note_spent", `Credit note ${code} has ${note.balance_cents} cents left, not ${debit.amount_cents}.`)
    }
    // An offline spending pushed later is a fact: what the balance lacked is lost, not refused.
    const taken = Math.min(note.balance_cents, debit.amount_cents)
    await manager.execute(
      `insert into "comptoir_credit_note_debit" ("id", "code", "op_id", "amount_cents", "channel") values (?, ?, ?, ?, ?)`,
      [id, code, debit.op_id, taken, debit.channel]
    )
    await manager.execute(
      `update "comptoir_credit_note" set "balance_cents" = "balance_cents" - ?, "updated_at" = now() where "id" = ?`,
      [taken, code]
    )
    return { note: await this.note(code, manager), overspent }
  }

  /** Gives a debit back (its sale was abandoned); a second reversal changes nothing. */
  @InjectTransactionManager()
  async reverse(code: string, opId: string, @MedusaContext() sharedContext: Context = {}): Promise<CreditNoteRow> {
    const manager = sharedContext.transactionManager as EntityManager
    await this.note(code, manager, true)
    const [row] = await manager.execute(
      `update "comptoir_credit_note_debit" set "reversed_at" = now(), "updated_at" = now()
        where "id" = ? and "reversed_at" is null returning "amount_cents"`,
      [`${code}|${opId}`]
    )
    if (row) {
      await manager.execute(
        `update "comptoir_credit_note" set "balance_cents" = "balance_cents" + ?, "updated_at" = now() where "id" = ?`,
        [Number(row.amount_cents), code]
      )
    }
    return await this.note(code, manager)
  }

  private async note(code: string, manager: EntityManager, lock = false): Promise<CreditNoteRow> {
    const [row] = await manager.execute(
      `select * from "comptoir_credit_note" where "id" = ? and "deleted_at" is null${lock ? " for update" : ""}`,
      [code]
    )
    if (!row) throw new ReturnRefused("not_found", `There is no credit note ${code}.`, 404)
    return toRow(row)
  }
}

/** One entry per original line (a ticket may take one line back on two of its lines). */
function merged(lines: ClaimInput[]): ClaimInput[] {
  const byLine = new Map<string, ClaimInput>()
  for (const line of lines) {
    const key = `${line.origin_sale_id}|${line.origin_line_no}`
    const seen = byLine.get(key)
    byLine.set(key, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line })
  }
  return [...byLine.values()]
}

function toRow(row: Record<string, any>): CreditNoteRow {
  return {
    code: String(row.id),
    issued_cents: Number(row.issued_cents),
    balance_cents: Number(row.balance_cents),
    issued_at: new Date(row.issued_at),
    expires_at: new Date(row.expires_at),
    issued_by: String(row.issued_by),
  }
}
