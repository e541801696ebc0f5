import { z } from "@medusajs/framework/zod"
import { Id, Instant, ownTerminal, parsed, record, Terminal } from "./till-day"
import { type Handler, OperationRefused, type OperationContext } from "./types"

/*
 * The contract's till acts (`sync/contract/till_acts.py`): the fields the plugin files
 * them by are checked here; the rest is kept whole, as the till sent it.
 */
const Staff = z.object({ staff_id: z.string().min(1).max(64), name: z.string().max(200) })

const Cancelled = z
  .object({
    sale_id: Id,
    terminal_id: Terminal,
    by: Staff,
    lines: z
      .array(
        z
          .object({
            product_id: z.number().int().min(1),
            // below zero: a returned line of a cancelled return ticket (issue 14)
            quantity: z.number().int().min(-10_000_000).max(10_000_000).refine((q) => q !== 0),
            net_cents: z.number().int(),
            voided: z.boolean(),
          })
          .loose()
      )
      .max(500),
    total_cents: z.number().int(),
    at: Instant,
    approval_id: Id.nullable(),
  })
  .loose()

const DrawerOpened = z
  .object({
    opening_id: Id,
    terminal_id: Terminal,
    by: Staff,
    reason: z.string().min(1).max(200),
    at: Instant,
    approval_id: Id.nullable(),
  })
  .loose()

/** One act, one op id (as the reference server): `cancel-<sale id>`, `drawer-<opening id>`. */
function sameOpId(context: OperationContext, expected: string): void {
  if (context.op.op_id !== expected) {
    throw new OperationRefused("invalid_payload", `This act's op_id must be ${JSON.stringify(expected)}.`)
  }
}

/** `sale_cancelled`: a basket abandoned before completion, with its lines and tenders. */
export const saleCancelled: Handler = async (context) => {
  const found = parsed(Cancelled, context.op.payload)
  sameOpId(context, `cancel-${found.sale_id}`)
  ownTerminal(context, found.terminal_id)
  return record(context, {
    kind: "act",
    act: {
      table: "comptoir_cancelled_sale",
      terminal_id: found.terminal_id,
      location_id: context.scope.stock_location_id,
      op_id: context.op.op_id,
      act_id: found.sale_id,
      at: found.at,
      approval_id: found.approval_id,
      payload: context.op.payload,
    },
  })
}

/** `drawer_opened`: the cash drawer opened without a sale, and why. */
export const drawerOpened: Handler = async (context) => {
  const found = parsed(DrawerOpened, context.op.payload)
  sameOpId(context, `drawer-${found.opening_id}`)
  ownTerminal(context, found.terminal_id)
  return record(context, {
    kind: "act",
    act: {
      table: "comptoir_drawer_opening",
      terminal_id: found.terminal_id,
      location_id: context.scope.stock_location_id,
      op_id: context.op.op_id,
      act_id: found.opening_id,
      at: found.at,
      approval_id: found.approval_id,
      payload: context.op.payload,
    },
  })
}
