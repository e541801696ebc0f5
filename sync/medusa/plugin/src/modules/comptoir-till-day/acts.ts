import type { EntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Recorded } from "./service"

/*
 * The SQL of the till's append-only records beside its till day: managers' approvals,
 * cancelled sales, drawer openings without a sale (the service's methods run these in
 * the transaction or with the manager Medusa injects). Each insert is idempotent by
 * itself (`on conflict do nothing`, then "was it this op?"), as the till day's are, so
 * a try cut between this commit and the ledger's `finish` records nothing twice.
 */

type Json = Record<string, unknown>

export type ApprovalInput = {
  terminal_id: string
  location_id: string
  op_id: string
  approval_id: string
  right: string
  asked_by: string
  approved_by: string
  at: string
  payload: Json
}

/** A cancelled sale (`act_id`: its sale id) or a drawer opening (`act_id`: its id). */
export type ActInput = {
  table: "comptoir_cancelled_sale" | "comptoir_drawer_opening"
  terminal_id: string
  location_id: string
  op_id: string
  act_id: string
  at: string
  approval_id: string | null
  payload: Json
}

/** What used an approval: a record of the same terminal naming it in `approval_id`. */
export type ApprovalUse =
  | { kind: "cash_movement"; session_id: string; movement_id: string }
  | { kind: "till_session_closed"; session_id: string }
  | { kind: "sale_cancelled"; sale_id: string }
  | { kind: "drawer_opened"; opening_id: string }

export type ApprovalRow = { payload: Json; used_by: ApprovalUse[] }
export type ActRows = { cancelled_sales: Json[]; drawer_openings: Json[] }

/** The operator sees this many records of each kind of a terminal at most, the latest. */
export const MAX_ROWS = 10_000

const key = (terminal: string, id: string) => `${terminal}/${id}`

async function sameOp(manager: EntityManager, table: string, id: string, opId: string): Promise<Recorded> {
  const [row] = await manager.execute(`select "op_id" from "${table}" where "id" = ?`, [id])
  if (row?.op_id === opId) return { status: "recorded" } // an earlier try of this op
  return { status: "conflict", reason: `${JSON.stringify(id)} is already recorded by another operation.` }
}

export async function insertApproval(manager: EntityManager, input: ApprovalInput): Promise<Recorded> {
  const id = key(input.terminal_id, input.approval_id)
  const inserted = await manager.execute(
    `insert into "comptoir_approval"
       ("id", "terminal_id", "approval_id", "location_id", "right", "asked_by", "approved_by",
        "at", "op_id", "payload")
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
     on conflict ("id") do nothing
     returning "id"`,
    [id, input.terminal_id, input.approval_id, input.location_id, input.right, input.asked_by,
     input.approved_by, input.at, input.op_id, JSON.stringify(input.payload)]
  )
  return inserted.length > 0 ? { status: "recorded" } : sameOp(manager, "comptoir_approval", id, input.op_id)
}

export async function insertAct(manager: EntityManager, input: ActInput): Promise<Recorded> {
  const id = key(input.terminal_id, input.act_id)
  const inserted = await manager.execute(
    `insert into "${input.table}"
       ("id", "terminal_id", "act_id", "location_id", "at", "op_id", "approval_id", "payload")
     values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
     on conflict ("id") do nothing
     returning "id"`,
    [id, input.terminal_id, input.act_id, input.location_id, input.at, input.op_id, input.approval_id,
     JSON.stringify(input.payload)]
  )
  return inserted.length > 0 ? { status: "recorded" } : sameOp(manager, input.table, id, input.op_id)
}

/**
 * The terminal's latest approvals, oldest first, each with what used it: the cash
 * movements, Z reports, cancelled sales and drawer openings of this terminal that name
 * it (read, not stored, so a record pushed after its approval links as well as one
 * pushed before).
 */
export async function readApprovals(manager: EntityManager, terminalId: string): Promise<ApprovalRow[]> {
  return (await manager.execute(
    `select a."payload",
            coalesce((select jsonb_agg(u."use" order by u."at", u."ord")
                        from (select jsonb_build_object('kind', 'cash_movement', 'session_id', m."session_id",
                                                        'movement_id', m."movement_id") as "use",
                                     m."at" as "at", 0 as "ord"
                                from "comptoir_cash_movement" m
                               where m."terminal_id" = a."terminal_id" and m."deleted_at" is null
                                 and m."payload"->>'approval_id' = a."approval_id"
                              union all
                              select jsonb_build_object('kind', 'till_session_closed', 'session_id', s."session_id"),
                                     s."z_report"->>'closed_at', 1
                                from "comptoir_till_session" s
                               where s."terminal_id" = a."terminal_id" and s."deleted_at" is null
                                 and s."z_report"->>'approval_id' = a."approval_id"
                              union all
                              select jsonb_build_object('kind', 'sale_cancelled', 'sale_id', c."act_id"), c."at", 2
                                from "comptoir_cancelled_sale" c
                               where c."terminal_id" = a."terminal_id" and c."approval_id" = a."approval_id"
                              union all
                              select jsonb_build_object('kind', 'drawer_opened', 'opening_id', d."act_id"), d."at", 3
                                from "comptoir_drawer_opening" d
                               where d."terminal_id" = a."terminal_id" and d."approval_id" = a."approval_id") u),
                     '[]'::jsonb) as "used_by"
       from (select * from "comptoir_approval"
              where "terminal_id" = ? and "deleted_at" is null
              order by "at" desc, "approval_id" desc
              limit ?) a
      order by a."at", a."approval_id"`,
    [terminalId, MAX_ROWS]
  )) as ApprovalRow[]
}

/** The terminal's latest cancelled sales and drawer openings, oldest first, as pushed. */
export async function readActs(manager: EntityManager, terminalId: string): Promise<ActRows> {
  const read = async (table: string) =>
    ((await manager.execute(
      `select "payload" from (select "payload", "at", "act_id" from "${table}"
                               where "terminal_id" = ? and "deleted_at" is null
                               order by "at" desc, "act_id" desc limit ?) t
        order by "at", "act_id"`,
      [terminalId, MAX_ROWS]
    )) as { payload: Json }[]).map((row) => row.payload)
  return {
    cancelled_sales: await read("comptoir_cancelled_sale"),
    drawer_openings: await read("comptoir_drawer_opening"),
  }
}
