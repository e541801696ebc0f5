import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import {
  handedOverWhole,
  handoverCents,
  toAmount,
  toCents,
  type ValuedItem,
} from "../pickups/handover-value"

export type SettleHandoverInput = {
  order_id: string
  /** Per line item id: how many were handed over (`comptoir_collected`). */
  given: Record<string, number>
}

type Payment = {
  id: string
  collection_id: string
  amount_cents: number
  captured_cents: number
  refunded_cents: number
  captured: boolean
  canceled: boolean
}

type Collection = { id: string; amount_cents: number }
type Restore = { id: string; amount: number }[]
type Settled = { target_cents: number | null }

// `total` on the order makes Medusa compute the items' and shipping methods' totals.
const FIELDS = [
  "id",
  "total",
  "items.id",
  "items.quantity",
  "items.total",
  "shipping_methods.total",
  "payment_collections.id",
  "payment_collections.amount",
  "payment_collections.payments.id",
  "payment_collections.payments.amount",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.refunds.amount",
]

/**
 * The customer pays for what was handed over, no more: the order's payments end with
 * exactly that value captured net of refunds (rules in `NOTES.md`).
 *
 * - Everything handed over: each authorised payment captured as authorised (as before).
 * - Less: the collection's amount is lowered to the value (Medusa then reads it
 *   completed, the order `captured`), and only that value is captured
 *   (`capturePaymentWorkflow` with an `amount`: one capture, one order transaction).
 *   Medusa's payment module has no partial release: the rest of the authorisation is
 *   never captured (a provider lets an uncaptured authorisation lapse).
 * - A payment captured in full beforehand (auto-capture): the excess is refunded to it
 *   (`refundPaymentWorkflow`, an order transaction and credit line).
 *
 * Idempotent: it reads what is captured and refunded now and moves only the difference,
 * so a move resumed after a crash never captures twice. Compensation restores the
 * collections' amounts; captures and refunds are money that moved at the provider and
 * are not undone (a retried move finds them and does nothing more).
 */
export const settleHandoverPaymentStep = createStep(
  "comptoir-settle-handover-payment",
  async (input: SettleHandoverInput, { container }): Promise<StepResponse<Settled, Restore>> => {
    const { items, shippingCents, payments, collections } = await readOrder(container, input.order_id)
    const before = collections.map((c) => ({ id: c.id, amount: toAmount(c.amount_cents) }))
    const live = payments.filter((p) => !p.canceled)
    if (handedOverWhole(items, input.given)) {
      for (const p of live.filter((p) => !p.captured)) {
        await capturePaymentWorkflow(container).run({ input: { payment_id: p.id } })
      }
      return new StepResponse<Settled, Restore>({ target_cents: null }, [])
    }
    const target = handoverCents(items, input.given, shippingCents)
    const net = live.reduce((sum, p) => sum + p.captured_cents - p.refunded_cents, 0)
    const payment = container.resolve(Modules.PAYMENT)
    let changed: Restore = []
    if (net < target) {
      let owed = target - net
      const plan: { payment: Payment; cents: number }[] = []
      for (const p of live.filter((p) => !p.captured)) {
        const cents = Math.min(owed, p.amount_cents - p.captured_cents)
        if (cents > 0) plan.push({ payment: p, cents })
        owed -= Math.max(cents, 0)
      }
      // The collection asks for what it will have captured: Medusa reads it completed.
      const asked = new Map<string, number>()
      for (const { payment: p, cents } of plan) {
        asked.set(p.collection_id, (asked.get(p.collection_id) ?? capturedIn(payments, p.collection_id)) + cents)
      }
      changed = before.filter((c) => asked.has(c.id))
      for (const [id, cents] of asked) {
        await payment.updatePaymentCollections(id, { amount: toAmount(cents) })
      }
      for (const { payment: p, cents } of plan) {
        await capturePaymentWorkflow(container).run({
          input: { payment_id: p.id, amount: toAmount(cents) },
        })
      }
    } else if (net > target) {
      let excess = net - target
      for (const p of live) {
        const cents = Math.min(excess, p.captured_cents - p.refunded_cents)
        if (cents <= 0) continue
        await refundPaymentWorkflow(container).run({
          input: { payment_id: p.id, amount: toAmount(cents), note: "Comptoir: not handed over" },
        })
        excess -= cents
      }
    }
    return new StepResponse<Settled, Restore>({ target_cents: target }, changed)
  },
  async (collections: Restore | undefined, { container }) => {
    if (!collections?.length) return
    const payment = container.resolve(Modules.PAYMENT)
    for (const c of collections) await payment.updatePaymentCollections(c.id, { amount: c.amount })
  }
)

function capturedIn(payments: Payment[], collectionId: string): number {
  return payments
    .filter((p) => p.collection_id === collectionId && !p.canceled)
    .reduce((sum, p) => sum + p.captured_cents, 0)
}

async function readOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: FIELDS, filters: { id: orderId } })
  const order = data[0] as any
  const items: ValuedItem[] = (order?.items ?? []).map((item: any) => {
    if (item.total === undefined || item.total === null) {
      // Never charge a line as 0 for want of its total: fail, and the move is retried.
      throw new Error(`Medusa gave no total for line ${item.id} of order ${orderId}.`)
    }
    return { id: item.id, quantity: Number(item.quantity), total_cents: toCents(item.total) }
  })
  const shippingCents = (order?.shipping_methods ?? []).reduce(
    (sum: number, m: any) => sum + toCents(m?.total),
    0
  )
  const collections: Collection[] = []
  const payments: Payment[] = []
  for (const c of order?.payment_collections ?? []) {
    if (!c) continue
    collections.push({ id: c.id, amount_cents: toCents(c.amount) })
    for (const p of c.payments ?? []) {
      if (!p) continue
      payments.push({
        id: p.id,
        collection_id: c.id,
        amount_cents: toCents(p.amount),
        captured_cents: sumCents(p.captures),
        refunded_cents: sumCents(p.refunds),
        captured: !!p.captured_at,
        canceled: !!p.canceled_at,
      })
    }
  }
  return { items, shippingCents, payments, collections }
}

function sumCents(rows: any[] | undefined): number {
  return (rows ?? []).reduce((sum, r) => sum + (r ? toCents(r.amount) : 0), 0)
}
