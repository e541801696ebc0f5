import { movePickup } from "../pickups/move"
import { DESK_TARGETS, type PickupState } from "../pickups/rules"
import { type Handler, OperationRefused } from "./types"

/**
 * `pickup_transition`: the contract's `PickupTransitionPayload` (order id as Medusa's),
 * applied with its version check at the till's location. A stale move is `rejected` with
 * `conflict`; the ledger makes a re-sent move a `duplicate`.
 */
export const pickupTransition: Handler = async ({ container, scope, op }) => {
  const p = op.payload as Record<string, unknown>
  const orderId = p.order_id
  const to = p.to_state
  const version = p.expected_version
  // Without from_state: the desk's direct move (no version seen); a pushed one names both.
  const direct = p.from_state == null
  if (typeof orderId !== "string" || !orderId || !(direct || typeof p.from_state === "string")) {
    throw new OperationRefused("invalid_payload", "A pickup move names its order and from_state.")
  }
  if (typeof to !== "string" || !DESK_TARGETS.has(to)) {
    throw new OperationRefused("illegal_transition", `A desk cannot move an order to ${String(to)}.`)
  }
  if (!direct && (typeof version !== "number" || !Number.isInteger(version) || version < 1)) {
    throw new OperationRefused("invalid_payload", "expected_version must be a whole number from 1.")
  }
  const lines = p.lines == null ? null : parseLines(p.lines)
  const moved = await movePickup(container, {
    order_id: orderId,
    to_state: to as PickupState,
    from_state: direct ? undefined : (p.from_state as string),
    expected_version: direct ? undefined : (version as number),
    lines,
    location_id: scope.stock_location_id,
    op_id: op.op_id,
    at: typeof p.at === "string" ? p.at : new Date().toISOString(),
    sale_id: typeof p.sale_id === "string" ? p.sale_id : null,
  })
  const answer = { status: "accepted" as const, state: moved.state, version: moved.version }
  return moved.warnings.length ? { ...answer, warnings: moved.warnings } : answer
}

function parseLines(value: unknown): { sku: string; quantity: number }[] {
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (l) =>
        l &&
        typeof l.sku === "string" &&
        typeof l.quantity === "number" &&
        Number.isInteger(l.quantity) &&
        l.quantity >= 0
    )
  if (!ok) {
    throw new OperationRefused("invalid_lines", "lines: each line is a sku and a whole quantity.")
  }
  return value as { sku: string; quantity: number }[]
}
