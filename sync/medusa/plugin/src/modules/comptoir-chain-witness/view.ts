import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"

/** One chain as witnessed: its head and the holes between its first and last entry. */
export type ChainView = {
  chain: string
  witnessed: number
  first_seq: number | null
  last_seq: number | null
  last_sig: string | null
  last_at: string | null
  /** Seqs missing between the first and the last witnessed entry, as [from, to] ranges. */
  gaps: [number, number][]
}

export type Flag = { chain: string; seq: number; kind: string; verdict: string; op_id: string; sig: string; at: string }

export type TerminalView = { keys: Record<string, unknown>[]; chains: ChainView[]; flags: Flag[] }

/** The witness's view of one terminal (`GET /admin/comptoir/terminals/:id/chains`). */
export async function readTerminalView(manager: EntityManager, terminalId: string): Promise<TerminalView> {
  const keys = await manager.execute(
    `select "key_id", "public_pem", "introduced_by", "replaced_root", "created_at"
       from "comptoir_terminal_key" where "terminal_id" = ? and "deleted_at" is null order by "created_at", "key_id"`,
    [terminalId]
  )
  const heads = await manager.execute(
    `select "chain", count(*)::int as "witnessed", min("seq") as "first_seq", max("seq") as "last_seq"
       from "comptoir_chain_entry" where "terminal_id" = ? and "verdict" = 'witnessed' group by "chain" order by "chain"`,
    [terminalId]
  )
  const chains: ChainView[] = []
  for (const head of heads as any[]) {
    const [last] = await manager.execute(
      `select "sig", "at" from "comptoir_chain_entry"
        where "terminal_id" = ? and "chain" = ? and "verdict" = 'witnessed' and "seq" = ?`,
      [terminalId, head.chain, head.last_seq]
    )
    const gaps = await manager.execute(
      `select "seq" + 1 as "from", "next" - 1 as "to" from (
         select "seq", lead("seq") over (order by "seq") as "next" from "comptoir_chain_entry"
          where "terminal_id" = ? and "chain" = ? and "verdict" = 'witnessed') s
        where "next" > "seq" + 1 order by "seq"`,
      [terminalId, head.chain]
    )
    chains.push({
      chain: head.chain,
      witnessed: Number(head.witnessed),
      first_seq: Number(head.first_seq),
      last_seq: Number(head.last_seq),
      last_sig: last?.sig ?? null,
      last_at: last?.at ?? null,
      gaps: (gaps as any[]).map((g) => [Number(g.from), Number(g.to)] as [number, number]),
    })
  }
  const flags = await manager.execute(
    `select "chain", "seq", "warnings", "verdict", "op_id", "sig", "at" from "comptoir_chain_entry"
      where "terminal_id" = ? and jsonb_array_length("warnings") > 0 order by "chain", "seq", "created_at"`,
    [terminalId]
  )
  return {
    keys: keys as Record<string, unknown>[],
    chains,
    flags: (flags as any[]).flatMap((f) =>
      (f.warnings as string[]).map((kind) => ({
        chain: f.chain, seq: Number(f.seq), kind, verdict: f.verdict, op_id: f.op_id, sig: f.sig, at: f.at,
      }))
    ),
  }
}
