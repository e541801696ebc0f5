import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { OperationRefused } from "../operations/types"
import { applyPickupMoveWorkflow, metadataOnlyPlan, type PickupMovePlan } from "../workflows/pickup-move"
import { placeLoaded } from "./place"
import { loadPickupOrder, type PickupOrder, type Reservation, reservationsOf } from "./read"
import { countsOf, KEY, type PickupState, stateOf, TRANSITIONS, versionOf } from "./rules"

export type MoveRequest = {
  order_id: string
  to_state: PickupState
  /** What the asker saw; absent for the expiry run (it checks the state itself). */
  from_state?: string
  expected_version?: number
  /** Per SKU: picked (to ready) or handed over (to collected / partially_collected). */
  lines?: { sku: string; quantity: number }[] | null
  /** The till's location: an order collected elsewhere is not this store's to move. */
  location_id?: string
  op_id: string
  at: string
  /** The till's sale that took the money for an order not paid online. */
  sale_id?: string | null
}

export type MoveResult = { state: PickupState; version: number; warnings: string[] }

/**
 * Moves one pickup order, one move at a time per order: the order's lock is held from
 * the version check to the end of the workflow, so two batches (or a batch and the
 * expiry run) cannot both pass the check on the same version.
 */
export async function movePickup(
  container: MedusaContainer,
  request: MoveRequest
): Promise<MoveResult> {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(
    `comptoir-pickup:${request.order_id}`,
    async () => await moveLocked(container, request),
    { timeout: 30 }
  )
}

async function moveLocked(container: MedusaContainer, request: MoveRequest): Promise<MoveResult> {
  let order = await loadPickupOrder(container, request.order_id)
  // The placement subscriber runs after `order.placed`; a move must not overtake it.
  if (order && (await placeLoaded(container, order))) {
    order = await loadPickupOrder(container, request.order_id)
  }
  if (!order || !order.location_id) {
    throw new OperationRefused("not_found", `There is no pickup order ${request.order_id}.`)
  }
  if (request.location_id && order.location_id !== request.location_id) {
    throw new OperationRefused(
      "not_found",
      `Order ${order.id} is collected at another store (location ${order.location_id}).`
    )
  }
  const current = stateOf(order)
  const version = versionOf(order)
  if (order.metadata[KEY.op] === request.op_id && current === request.to_state) {
    // This very move was applied by a try that died before answering (Medusa stopped
    // mid-workflow, with no chance to compensate): finish what it left, never redo it.
    await applyPickupMoveWorkflow(container).run({ input: remainder(order, current) })
    return { state: current, version, warnings: [] }
  }
  if (
    request.from_state !== undefined &&
    (current !== request.from_state || version !== request.expected_version)
  ) {
    throw new OperationRefused(
      "conflict",
      `Order ${order.id} is ${current} (version ${version}), no longer ${request.from_state} ` +
        `at version ${request.expected_version} as the desk saw it.`
    )
  }
  if (request.from_state === undefined && current === request.to_state) {
    return { state: current, version, warnings: [] } // a direct move already made
  }
  if (!(TRANSITIONS[current] ?? []).includes(request.to_state)) {
    throw new OperationRefused(
      "illegal_transition",
      `Order ${order.id} cannot go from ${current} to ${request.to_state}.`
    )
  }
  const reservations = await reservationsOf(
    container,
    order.items.map((item) => item.id)
  )
  const plan = planMove(order, reservations, request, version)
  await applyPickupMoveWorkflow(container).run({ input: plan })
  const warnings =
    plan.fulfil && !order.paid && !request.sale_id ? ["unpaid_handover"] : []
  return { state: request.to_state, version: version + 1, warnings }
}

/** Per line item: the SKU counts spread over the order's lines of that SKU, in order. */
function perLine(
  order: PickupOrder,
  lines: MoveRequest["lines"],
  ceiling: (itemId: string) => number
): Record<string, number> {
  const result: Record<string, number> = {}
  if (!lines) {
    for (const item of order.items) result[item.id] = ceiling(item.id)
    return result
  }
  const left: Record<string, number> = {}
  for (const line of lines) left[line.sku] = (left[line.sku] ?? 0) + line.quantity
  const known = new Set(order.items.map((item) => item.sku))
  const unknown = Object.keys(left).find((sku) => !known.has(sku))
  if (unknown) {
    throw new OperationRefused("invalid_lines", `Order ${order.id} has no line for ${unknown}.`)
  }
  for (const item of order.items) {
    const wanted = left[item.sku] ?? ceiling(item.id)
    const here = Math.min(wanted, ceiling(item.id))
    result[item.id] = here
    if (item.sku in left) left[item.sku] -= here
  }
  const over = Object.entries(left).find(([, qty]) => qty > 0)
  if (over) {
    throw new OperationRefused(
      "invalid_lines",
      `${over[1]} more of ${over[0]} than the order has ${order.metadata[KEY.picked] ? "picked" : "ordered"}.`
    )
  }
  return result
}

function held(reservations: Reservation[], itemId: string): Reservation[] {
  return reservations.filter((r) => r.line_item_id === itemId)
}

export function planMove(
  order: PickupOrder,
  reservations: Reservation[],
  request: MoveRequest,
  version: number
): PickupMovePlan {
  const metadata: Record<string, unknown> = {
    ...order.metadata,
    [KEY.state]: request.to_state,
    [KEY.version]: version + 1,
    [KEY.op]: request.op_id,
  }
  const plan = metadataOnlyPlan(order.id, metadata)
  const to = request.to_state
  if (request.lines && !["ready", "collected", "partially_collected"].includes(to)) {
    throw new OperationRefused("invalid_lines", `Moving to ${to} takes no lines.`)
  }
  if (to === "ready") {
    const quantity = Object.fromEntries(order.items.map((i) => [i.id, i.quantity]))
    const picked = perLine(order, request.lines, (id) => quantity[id])
    if (!Object.values(picked).some((qty) => qty > 0)) {
      throw new OperationRefused("invalid_lines", "Nothing was picked: cancel the order instead.")
    }
    for (const item of order.items) {
      const mine = held(reservations, item.id)
      const reserved = mine.reduce((sum, r) => sum + r.quantity, 0)
      if (picked[item.id] > reserved) {
        // Never hand over what this store does not hold: its stock would go negative.
        throw new OperationRefused(
          "insufficient_stock",
          `Only ${reserved} of ${item.sku} are held for order ${order.id} at this store; ` +
            `${picked[item.id]} cannot be made ready.`
        )
      }
      let excess = reserved - picked[item.id]
      for (const r of mine) {
        if (excess <= 0) break
        const cut = Math.min(excess, r.quantity)
        excess -= cut
        if (cut === r.quantity) plan.reservation_deletes.push(r.id)
        else plan.reservation_updates.push({ id: r.id, quantity: r.quantity - cut })
      }
    }
    metadata[KEY.picked] = picked
    metadata[KEY.readyAt] = request.at
  } else if (to === "collected" || to === "partially_collected") {
    const pickedBefore = countsOf(order.metadata[KEY.picked])
    const picked = (id: string) =>
      id in pickedBefore ? pickedBefore[id] : (order.items.find((i) => i.id === id)?.quantity ?? 0)
    const given = perLine(order, request.lines, picked)
    const short = order.items.some((item) => given[item.id] < picked(item.id))
    if (!Object.values(given).some((qty) => qty > 0)) {
      throw new OperationRefused("invalid_lines", "Nothing was handed over: cancel the order instead.")
    }
    if (to === "collected" && short) {
      throw new OperationRefused(
        "invalid_lines",
        "Less than was picked was handed over: that is partially_collected."
      )
    }
    if (to === "partially_collected" && !short) {
      throw new OperationRefused(
        "invalid_lines",
        "Everything picked was handed over: that is collected."
      )
    }
    plan.fulfil = {
      location_id: order.location_id!,
      items: order.items
        .filter((item) => given[item.id] > 0)
        .map((item) => ({ id: item.id, quantity: given[item.id] })),
    }
    plan.release_line_items = order.items.map((item) => item.id)
    plan.handover = given
    plan.complete = to === "collected"
    metadata[KEY.collected] = given
  } else if (to === "cancelled" || to === "expired") {
    plan.cancel = true
  }
  return plan
}

/** What a cut-short move to `state` may have left undone (each part is skipped if done). */
function remainder(order: PickupOrder, state: PickupState): PickupMovePlan {
  const handedOver = state === "collected" || state === "partially_collected"
  const closing = state === "cancelled" || state === "expired"
  return {
    order_id: order.id,
    metadata: order.metadata,
    reservation_updates: [],
    reservation_deletes: [],
    fulfil: handedOver && !order.fulfillment_ids.length ? fulfilled(order) : null,
    release_line_items: handedOver ? order.items.map((item) => item.id) : [],
    handover: handedOver ? countsOf(order.metadata[KEY.collected]) : null,
    complete: state === "collected" && order.status !== "completed",
    cancel: closing && order.status !== "canceled",
  }
}

/** The hand-over the cut-short move recorded (`comptoir_collected`), to fulfil again. */
function fulfilled(order: PickupOrder): PickupMovePlan["fulfil"] {
  const given = countsOf(order.metadata[KEY.collected])
  const items = order.items
    .filter((item) => (given[item.id] ?? 0) > 0)
    .map((item) => ({ id: item.id, quantity: given[item.id] }))
  return items.length ? { location_id: order.location_id!, items } : null
}
