import { createHash } from "node:crypto"
import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  BAD_SIGNATURE,
  CHAIN_BREAK,
  CHAIN_REWRITE,
  type ChainEntry,
  GENESIS,
  keyIdOf,
  keyIntroductionBytes,
  LEGACY_PREFIX,
  UNKNOWN_KEY,
  verifyBytes,
  verifyEntry,
} from "../../chains/entry"
import { TerminalKey } from "./models/terminal-key"
import { readTerminalView, type TerminalView } from "./view"
import { WitnessedEntry } from "./models/witnessed-entry"

export type KeyInput = { key_id: string; public_pem: string; introduced_by: string; introduction: string }

/** A key the plugin will not register, with the sentence saying why. */
export class KeyRefused extends Error {}

export type Verdict = "witnessed" | "not_witnessed" | "bad_signature" | "unknown_key" | "chain_rewrite"

export type WitnessOptions = {
  op_id: string
  /** Keep the body (every chain but tickets: a sale's record is its order). */
  keepBody: boolean
  /** Warn a missing previous entry at once: true where entries arrive in order (one
   * lane per chain); a batch's sales are applied side by side, so not for tickets. */
  gapIsBreak: boolean
}

const INSERT_ENTRY = `
insert into "comptoir_chain_entry"
  ("id", "terminal_id", "chain", "seq", "kind", "ref", "at", "key_id", "prev", "sig", "body",
   "op_id", "verdict", "warnings")
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`

/**
 * The central witness inside Medusa: each terminal's registered keys, and every chain
 * entry it pushes checked against them and against the entries witnessed before it.
 * A till that rebuilds its chains (a fresh key, a rollback, a fork) cannot make Medusa's
 * copy agree: the entries already witnessed stay as they were first seen.
 */
export default class ComptoirChainWitnessService extends MedusaService({ TerminalKey, WitnessedEntry }) {
  /** Registers the terminal's keys in order; answers the ids newly kept. */
  @InjectTransactionManager()
  async registerKeys(
    terminalId: string,
    keys: KeyInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ registered: string[]; keys: string[] }> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`comptoir-keys:${terminalId}`])
    const known = new Map<string, string>(
      (
        await manager.execute(
          `select "key_id", "public_pem" from "comptoir_terminal_key" where "terminal_id" = ? and "deleted_at" is null`,
          [terminalId]
        )
      ).map((row: any) => [String(row.key_id), String(row.public_pem)])
    )
    const hadKeys = known.size > 0
    const registered: string[] = []
    for (const key of keys) {
      const named = keyIdOf(key.public_pem)
      if ("error" in named) throw new KeyRefused(`Key ${key.key_id}: ${named.error}.`)
      if (named.key_id !== key.key_id) {
        throw new KeyRefused(`Key ${key.key_id}: its PEM is key ${named.key_id}.`)
      }
      if (known.has(key.key_id)) continue
      if (key.introduced_by) {
        const parent = known.get(key.introduced_by)
        const data = keyIntroductionBytes(key.key_id, key.public_pem)
        if (!parent || !verifyBytes(parent, data, key.introduction)) {
          throw new KeyRefused(
            `Key ${key.key_id}: its introduction by key ${key.introduced_by} does not verify ` +
              `against this terminal's registered keys.`
          )
        }
      }
      const replacedRoot = !key.introduced_by && (hadKeys || registered.length > 0)
      await manager.execute(
        `insert into "comptoir_terminal_key"
           ("id", "terminal_id", "key_id", "public_pem", "introduced_by", "introduction", "replaced_root")
         values (?, ?, ?, ?, ?, ?, ?)`,
        [`${terminalId}:${key.key_id}`, terminalId, key.key_id, key.public_pem.trim() + "\n",
         key.introduced_by, key.introduction, replacedRoot]
      )
      known.set(key.key_id, key.public_pem)
      registered.push(key.key_id)
    }
    return { registered, keys: [...known.keys()] }
  }

  /**
   * Witnesses one entry; answers its warnings. The same entry sent again gets its first
   * answer. One chain of one terminal at a time (an advisory lock), so two neighbours
   * arriving together are still checked against each other.
   */
  @InjectTransactionManager()
  async witness(
    entry: ChainEntry,
    options: WitnessOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const manager = sharedContext.transactionManager as EntityManager
    const slot = `${entry.terminal_id}:${entry.chain}`
    await manager.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`comptoir-chain:${slot}`])
    // The body too: a sale edited under its genuine seal must not take the genuine one's id.
    const digest = createHash("sha256").update(`${entry.sig}\n${entry.body}`).digest("hex").slice(0, 16)
    const id = `${slot}:${entry.seq}:${digest}`
    const [seen] = await manager.execute(`select "warnings" from "comptoir_chain_entry" where "id" = ?`, [id])
    if (seen) return seen.warnings as string[]

    const keys = await manager.execute(
      `select "key_id", "public_pem" from "comptoir_terminal_key" where "terminal_id" = ? and "deleted_at" is null`,
      [entry.terminal_id]
    )
    const pem = keys.find((row: any) => row.key_id === entry.key_id)?.public_pem as string | undefined
    let verdict: Verdict
    const warnings: string[] = []
    if (keys.length === 0) {
      verdict = "not_witnessed" // linked before keys were registered: kept, not checked
    } else if (!pem) {
      verdict = "unknown_key"
      warnings.push(UNKNOWN_KEY)
    } else if (!verifyEntry(pem, entry)) {
      verdict = "bad_signature"
      warnings.push(BAD_SIGNATURE)
    } else {
      verdict = await this.place(manager, entry, options, warnings)
    }
    await manager.execute(INSERT_ENTRY, [
      id, entry.terminal_id, entry.chain, entry.seq, entry.kind, entry.ref, entry.at, entry.key_id,
      entry.prev, entry.sig, options.keepBody ? entry.body : null, options.op_id, verdict,
      JSON.stringify(warnings),
    ])
    return warnings
  }

  /** A validly signed entry against its witnessed neighbours: where it sits in the chain. */
  private async place(
    manager: EntityManager,
    entry: ChainEntry,
    options: WitnessOptions,
    warnings: string[]
  ): Promise<Verdict> {
    const around = await manager.execute(
      `select "seq", "prev", "sig", "verdict" from "comptoir_chain_entry"
        where "terminal_id" = ? and "chain" = ? and "seq" between ? and ?`,
      [entry.terminal_id, entry.chain, entry.seq - 1, entry.seq + 1]
    )
    const witnessedAt = (seq: number) => around.find((r: any) => Number(r.seq) === seq && r.verdict === "witnessed")
    if (witnessedAt(entry.seq)) {
      warnings.push(CHAIN_REWRITE) // another entry holds this seq: the first one stays
      return "chain_rewrite"
    }
    const before = witnessedAt(entry.seq - 1)
    const after = witnessedAt(entry.seq + 1)
    const legacy = entry.chain === "ticket" && entry.prev.startsWith(LEGACY_PREFIX)
    let linked: boolean
    if (before) linked = before.sig === entry.prev
    else if (entry.seq === 1) linked = entry.prev === GENESIS
    else if (entry.prev === GENESIS) linked = false
    else {
      const anyBefore = around.some((r: any) => Number(r.seq) === entry.seq - 1)
      linked = legacy || !options.gapIsBreak || anyBefore || !(await this.hasEarlier(manager, entry))
    }
    if (!linked || (after && after.prev !== entry.sig)) warnings.push(CHAIN_BREAK)
    return "witnessed"
  }

  /** Whether this chain has entries before this one at all (else it starts here: a
   * chain first witnessed mid-way, e.g. a till linked after its first events). */
  private async hasEarlier(manager: EntityManager, entry: ChainEntry): Promise<boolean> {
    const [row] = await manager.execute(
      `select 1 from "comptoir_chain_entry" where "terminal_id" = ? and "chain" = ? and "seq" < ? limit 1`,
      [entry.terminal_id, entry.chain, entry.seq]
    )
    return !!row
  }

  /**
   * Of these seqs, the ones whose previous entry never came while earlier ones did: a
   * break, flagged on the entry (`chain_break`). Asked by the adapter once a whole push
   * is applied: a batch's sales are witnessed side by side, so a missing predecessor
   * means something only when no sale of the push is still on its way.
   */
  @InjectTransactionManager()
  async breaksAmong(
    terminalId: string,
    chain: string,
    seqs: number[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number[]> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`comptoir-chain:${terminalId}:${chain}`])
    const rows = await manager.execute(
      `select e."id", e."seq", e."warnings" from "comptoir_chain_entry" e
        where e."terminal_id" = ? and e."chain" = ? and e."verdict" = 'witnessed' and e."seq" = any(?::int[])
          and not exists (select 1 from "comptoir_chain_entry" p
                           where p."terminal_id" = e."terminal_id" and p."chain" = e."chain" and p."seq" = e."seq" - 1)
          and exists (select 1 from "comptoir_chain_entry" q
                       where q."terminal_id" = e."terminal_id" and q."chain" = e."chain" and q."seq" < e."seq" - 1)`,
      [terminalId, chain, `{${seqs.map((n) => Math.trunc(n)).join(",")}}`]
    )
    for (const row of rows as any[]) {
      const warnings = row.warnings as string[]
      if (warnings.includes(CHAIN_BREAK)) continue
      await manager.execute(`update "comptoir_chain_entry" set "warnings" = ?::jsonb, "updated_at" = now() where "id" = ?`, [
        JSON.stringify([...warnings, CHAIN_BREAK]),
        row.id,
      ])
    }
    return (rows as any[]).map((row) => Number(row.seq)).sort((a, b) => a - b)
  }

  /** What the witness holds for one terminal: its keys, each chain's head and gaps, the
   * entries flagged (the admin's view; the till reads its warnings from its pushes). */
  @InjectManager()
  async terminalView(terminalId: string, @MedusaContext() sharedContext: Context = {}): Promise<TerminalView> {
    return await readTerminalView(sharedContext.manager as EntityManager, terminalId)
  }

  /** One chain's entries as received (every verdict), from `fromSeq`, at most `limit`. */
  @InjectManager()
  async entriesOf(
    terminalId: string,
    chain: string,
    fromSeq: number,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, unknown>[]> {
    const manager = sharedContext.manager as EntityManager
    const rows = await manager.execute(
      `select "seq", "kind", "ref", "at", "key_id", "prev", "sig", "body", "op_id", "verdict", "warnings"
         from "comptoir_chain_entry" where "terminal_id" = ? and "chain" = ? and "seq" >= ?
        order by "seq", "created_at" limit ?`,
      [terminalId, chain, fromSeq, limit]
    )
    return (rows as any[]).map((row) => ({ ...row, seq: Number(row.seq) }))
  }
}
