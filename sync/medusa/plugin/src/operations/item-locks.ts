import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/*
 * One sale at a time per inventory item, in this process and across every process of
 * the store (`medusa start --cluster N`, or several servers on one database).
 *
 * In the process: a queue per key. Across processes: PostgreSQL session advisory locks
 * held on one connection this process keeps for them. A session lock costs no
 * transaction and no pooled connection while a sale runs (a transaction-scoped lock
 * would hold one per sale, and eight sales at once starved Medusa's pool of ten), and
 * it goes with its session: a process that dies frees its locks at once.
 */

type PgClient = { query: (sql: string, values?: unknown[]) => Promise<{ rows: any[] }> }

/** How long to wait between tries for a key another process holds. */
const RETRY_MS = 15
/** A sale waiting longer gives up: the dispatcher answers `retry` and the till re-sends. */
const WAIT_LIMIT_MS = 120_000

const tails = new Map<string, Promise<void>>()
let session: Promise<PgClient> | null = null

export async function withItemLocks<T>(
  container: MedusaContainer,
  keys: string[],
  job: () => Promise<T>
): Promise<T> {
  const sorted = [...new Set(keys)].sort()
  const releases: (() => void)[] = []
  try {
    for (const key of sorted) releases.push(await inProcess(key))
    if (!sorted.length) return await job()
    const client = await lockSession(container)
    await acrossProcesses(client, sorted)
    try {
      return await job()
    } finally {
      await client
        .query(`select pg_advisory_unlock(hashtextextended(k, 11)) from unnest($1::text[]) as k`, [sorted])
        .catch(() => dropSession())
    }
  } finally {
    releases.forEach((release) => release())
  }
}

/** Waits for this process's earlier holder of `key`; returns the release. */
async function inProcess(key: string): Promise<() => void> {
  const previous = tails.get(key) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>((resolve) => (release = resolve))
  const tail = previous.then(() => mine)
  tails.set(key, tail)
  await previous
  return () => {
    release()
    if (tails.get(key) === tail) tails.delete(key)
  }
}

/** All of `keys` or none: a partial take is given back before trying again, so two
 * processes never each hold half of what the other needs. */
async function acrossProcesses(client: PgClient, keys: string[]): Promise<void> {
  const started = Date.now()
  for (;;) {
    const { rows } = await client.query(
      `select k, pg_try_advisory_lock(hashtextextended(k, 11)) as taken
         from unnest($1::text[]) with ordinality as t(k, n) order by n`,
      [keys]
    )
    const taken = rows.filter((r) => r.taken).map((r) => r.k)
    if (taken.length === keys.length) return
    if (taken.length) {
      await client.query(`select pg_advisory_unlock(hashtextextended(k, 11)) from unnest($1::text[]) as k`, [taken])
    }
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new Error("Timed out waiting for another Medusa process's sale of the same goods.")
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}

/** The connection holding this process's locks, taken out of Medusa's pool for good. */
function lockSession(container: MedusaContainer): Promise<PgClient> {
  if (!session) {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    session = knex.client.acquireConnection().then((connection: any) => {
      connection.on?.("error", () => dropSession())
      return connection as PgClient
    })
    session!.catch(() => dropSession())
  }
  return session!
}

/** A broken session lost its locks with it: the next sale opens another. */
function dropSession(): void {
  session = null
}
