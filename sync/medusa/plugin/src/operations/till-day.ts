import { z } from "@medusajs/framework/zod"
import { recordTillDayWorkflow, type TillDayRecord } from "../workflows/till-day"
import { type Handler, OperationRefused, type OperationContext } from "./types"

/*
 * The contract's till-day payloads (`sync/contract/till_days.py`): the fields the plugin
 * files them by are checked here; the rest is kept whole, as the till sent it (the
 * adapter validated it against the contract's models before sending).
 */
/** Euro coins and notes, in cents (the contract's `Denomination`). */
const DENOMINATIONS = new Set([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000])
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/)
export const Terminal = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
export const Instant = z.string().min(10).max(40)
const Staff = z.object({ staff_id: z.string().min(1).max(64), name: z.string().max(200) })
const Cents = z.number().int().min(0)
const Pieces = z.array(
  z.object({
    denomination_cents: z.number().int().refine((d) => DENOMINATIONS.has(d), "not a euro coin or note"),
    pieces: z.number().int().min(1).max(2000),
  })
)

const Opening = z
  .object({
    session_id: Id,
    terminal_id: Terminal,
    opened_by: Staff,
    opened_at: Instant,
    float_cents: Cents,
    float_counts: Pieces.max(15),
  })
  .loose()

const Movement = z
  .object({
    movement_id: Id,
    session_id: Id,
    terminal_id: Terminal,
    kind: z.enum(["in", "out"]),
    reason: z.enum(["bank_deposit", "petty_cash", "change_top_up", "other"]),
    amount_cents: z.number().int().min(1).max(100_000_000),
    by: Staff,
    at: Instant,
  })
  .loose()

const Closing = Opening.extend({
  closed_by: Staff,
  closed_at: Instant,
  sales_count: z.number().int().min(0),
  sales_total_cents: Cents,
  cash_expected_cents: z.number().int(),
  cash_counts: Pieces.max(15),
  counted: z.array(z.record(z.string(), z.unknown())).max(64),
  difference_cents: Cents,
}).loose()

/** The opening fields of a Z: it repeats its session's header, so it files a session alone. */
const OPENING_FIELDS = ["session_id", "terminal_id", "opened_by", "opened_at", "float_cents", "float_counts"]

export function parsed<T extends z.ZodTypeAny>(schema: T, payload: unknown): z.infer<T> {
  const found = schema.safeParse(payload)
  if (!found.success) {
    const issue = found.error.issues[0]
    throw new OperationRefused("invalid_payload", `${issue.path.join(".")}: ${issue.message}`)
  }
  return found.data
}

/** As the reference server: a terminal files its own till days only. */
export function ownTerminal({ scope }: OperationContext, named: string): void {
  if (named !== scope.terminal_id) {
    throw new OperationRefused(
      "wrong_terminal",
      `This record names terminal ${JSON.stringify(named)}, but the batch is terminal ` +
        `${JSON.stringify(scope.terminal_id)}'s: it was not stored.`
    )
  }
}

export async function record(context: OperationContext, input: TillDayRecord) {
  const { result } = await recordTillDayWorkflow(context.container).run({ input })
  if (result.status === "conflict") throw new OperationRefused("conflict", result.reason)
  return { status: "accepted" as const }
}

/** `till_session_opened`: the float counted by denomination. */
export const tillSessionOpened: Handler = async (context) => {
  const opening = parsed(Opening, context.op.payload)
  ownTerminal(context, opening.terminal_id)
  return record(context, {
    kind: "till_session_opened",
    opening: {
      terminal_id: opening.terminal_id,
      location_id: context.scope.stock_location_id,
      session_id: opening.session_id,
      opened_at: opening.opened_at,
      opened: context.op.payload,
    },
  })
}

/** `cash_movement`: cash in or out of the drawer, with its reason. */
export const cashMovement: Handler = async (context) => {
  const movement = parsed(Movement, context.op.payload)
  ownTerminal(context, movement.terminal_id)
  return record(context, {
    kind: "cash_movement",
    movement: {
      terminal_id: movement.terminal_id,
      location_id: context.scope.stock_location_id,
      op_id: context.op.op_id,
      movement_id: movement.movement_id,
      session_id: movement.session_id,
      at: movement.at,
      payload: context.op.payload,
    },
  })
}

/** `till_session_closed`: the Z report; a second Z for the session is a `conflict`. */
export const tillSessionClosed: Handler = async (context) => {
  const z = parsed(Closing, context.op.payload)
  ownTerminal(context, z.terminal_id)
  const payload = context.op.payload
  const opened = Object.fromEntries(OPENING_FIELDS.filter((f) => f in payload).map((f) => [f, payload[f]]))
  return record(context, {
    kind: "till_session_closed",
    closing: {
      terminal_id: z.terminal_id,
      location_id: context.scope.stock_location_id,
      session_id: z.session_id,
      opened_at: z.opened_at,
      opened,
      op_id: context.op.op_id,
      z_report: payload,
    },
  })
}
