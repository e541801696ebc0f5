import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { returnsOf } from "../returns/desk"
import { findOrderId, type Origin, paymentsOf, readOrigin } from "../returns/origin"
import { restockReturn } from "../returns/restock"
import { parseReturnTicket, type ReturnTicketPayload } from "../returns/ticket"
import { recordTillReturnWorkflow, refundTillReturnWorkflow } from "../workflows/till-return"
import { witnessSale } from "./chain-entry"
import { ReturnRefused } from "../modules/comptoir-returns/service"
import { type Handler, type HandlerAnswer, type OperationContext, OperationRefused } from "./types"

// Warnings: the ticket is a signed fiscal fact, kept whatever Medusa could not express.
export const RETURN_CONFLICT = "return_conflict" // a quantity no longer returnable (made offline)
export const RETURN_ORIGIN_UNKNOWN = "return_origin_unknown" // no Medusa order behind the original sale
export const CARD_REFUND_UNMATCHED = "card_refund_unmatched" // no payment of the original order could take it
export const CREDIT_NOTE_OVERSPENT = "credit_note_overspent" // spent offline beyond its balance
export const CREDIT_NOTE_UNKNOWN = "credit_note_unknown" // spent at the till, unknown here
export const EXCHANGE_NOT_ORDERED = "exchange_sold_lines_not_ordered"
export const CREDIT_NOTE_CODE_INVALID = "credit_note_code_invalid"

/** `sync/contract/returns.py`'s CreditNoteCode. */
const CREDIT_NOTE_CODE = /^AV-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/

/**
 * `sale` of a return ticket: the lines it takes back claimed (or, made offline, counted
 * now: a conflict is a warning, never a refusal), Medusa's own return on each original
 * order (requested and received at this store's location), the restocked lines back in
 * this location's inventory (`../returns/restock`), card refunds to the original
 * order's payments, the credit note it issues, and any credit note it spends.
 * Each piece is idempotent, so a resend after a cut completes what is missing.
 */
export async function recordReturnTicket(context: OperationContext, recordSale: Handler): Promise<HandlerAnswer> {
  const { container, scope, op, progress, saveProgress } = context
  const payload = parseReturnTicket(op.payload)
  const sale = payload.sale
  const warnings: string[] = payload.seal ? await witnessSale(container, op.op_id, op.payload.sale, payload.seal) : []
  const returns = returnsOf(container)
  const done = { ...((progress?.returns as Record<string, string> | undefined) ?? {}) }

  const byOrigin = new Map<string, ReturnTicketPayload["sale"]["lines"]>()
  for (const line of sale.lines) {
    if (!line.returned || line.returned.origin_line_no === 0) continue
    const list = byOrigin.get(line.returned.origin_sale_id) ?? []
    list.push(line)
    byOrigin.set(line.returned.origin_sale_id, list)
  }
  const origins: Origin[] = []
  for (const [originId, lines] of byOrigin) {
    const orderId = await findOrderId(container, originId)
    if (!orderId) {
      warnings.push(RETURN_ORIGIN_UNKNOWN)
      continue
    }
    const origin = await readOrigin(container, orderId)
    origins.push(origin)
    const wanted = lines.map((line) => {
      const known = origin.lines.find((l) => l.line_no === line.returned!.origin_line_no)
      return {
        origin_sale_id: origin.sale_id,
        origin_line_no: line.returned!.origin_line_no,
        quantity: -line.quantity,
        returnable: origin.handed_over ? known?.returnable ?? 0 : 0,
        item_id: known?.item_id ?? null,
        room: known?.medusa_room ?? 0,
      }
    })
    const claimed = await returns.claim(sale.id, sale.terminal_id || scope.terminal_id, wanted, {
      recorded: true,
      force: true,
    })
    if (claimed.conflicts.length) warnings.push(RETURN_CONFLICT)
    if (done[orderId]) continue
    const existing = await returnOf(container, sale.id, orderId)
    // Medusa's return: only what Medusa itself still lets go back (a conflict's excess,
    // taken back twice at two tills, is recorded here alone, never refused by Medusa).
    const items = wanted
      .filter((w) => w.item_id)
      .map((w) => ({ id: w.item_id!, quantity: Math.min(w.quantity, w.room) }))
      .filter((i) => i.quantity > 0)
    if (!items.length && !existing) continue
    if (!existing) {
      const { result } = await recordTillReturnWorkflow(container).run({
        input: { order_id: orderId, location_id: scope.stock_location_id, return_id: sale.id, items, refunds: [] },
      })
      done[orderId] = result.id
    } else {
      done[orderId] = existing
    }
    await saveProgress({ ...(progress ?? {}), returns: done })
  }

  // The articles back on this store's shelf (once per line, whatever the tries).
  warnings.push(...(await restockReturn(container, scope, op.op_id, sale)))
  warnings.push(...(await refundCards(container, payload, origins)))
  for (const tender of sale.tenders) {
    if (tender.kind !== "credit_note" || tender.amount_cents >= 0) continue
    if (CREDIT_NOTE_CODE.test(tender.reference)) await returns.issue(tender.reference, -tender.amount_cents, sale.id)
    else warnings.push(CREDIT_NOTE_CODE_INVALID) // the ticket stands; no balance without a valid code
  }
  let orderId: string | null = null
  const exchange = exchangeSale(op.payload, payload)
  if (exchange) {
    // The sold lines of an exchange: an order like any till sale's (stock out, tax lines),
    // found later by the ticket's sale id; its payment is what the returned lines were worth.
    // Refused (a figure Medusa cannot take): the ticket stands, said by a warning.
    const answer = await recordSale({ ...context, op: { ...op, payload: exchange } }).catch((error) => {
      if (error instanceof OperationRefused) return { status: "rejected" as const, code: error.code, reason: error.message }
      throw error
    })
    if (answer.status === "retry") return answer
    if (answer.status === "accepted") {
      orderId = String(answer.order_id)
      warnings.push(...(answer.warnings ?? []))
    } else {
      warnings.push(EXCHANGE_NOT_ORDERED)
    }
  } else {
    warnings.push(...(await spendCreditNotes(container, sale)))
  }
  return { status: "accepted", order_id: orderId, medusa_returns: done, warnings: [...new Set(warnings)] }
}

/**
 * Spends the credit notes a ticket was paid with (positive `credit_note` tenders), once
 * per tender (`<sale_id>:t<seq>`, the op id the till's own online debit used). A debit
 * the balance cannot cover (spent offline elsewhere meanwhile) is taken to zero and
 * answered with a warning: the sale happened.
 */
export async function spendCreditNotes(
  container: MedusaContainer,
  sale: { id: string; tenders: { seq: number; kind: string; amount_cents: number; reference: string }[] }
): Promise<string[]> {
  const warnings: string[] = []
  for (const tender of sale.tenders) {
    if (tender.kind !== "credit_note" || tender.amount_cents <= 0) continue
    const debit = { op_id: `${sale.id}:t${tender.seq}`, amount_cents: tender.amount_cents, channel: "store" }
    try {
      const { overspent } = await returnsOf(container).debit(tender.reference, debit, { force: true })
      if (overspent) warnings.push(CREDIT_NOTE_OVERSPENT)
    } catch (error) {
      if (!(error instanceof ReturnRefused)) throw error
      warnings.push(CREDIT_NOTE_UNKNOWN)
    }
  }
  return warnings
}

/**
 * An exchange's sold lines as a plain till sale payload: the returned value pays for
 * them first (an `exchange` tender), then the ticket's own positive tenders; a ticket
 * giving money back has only the exchange tender, worth the sold lines.
 */
function exchangeSale(raw: Record<string, unknown>, payload: ReturnTicketPayload): Record<string, unknown> | null {
  const sale = raw.sale as Record<string, any>
  const sold = (sale.lines as any[]).filter((l) => !l.returned)
  if (!sold.length) return null
  const soldTotal = sold.reduce((s, l) => s + Number(l.total_cents), 0)
  const returned = -payload.sale.lines.filter((l) => l.returned).reduce((s, l) => s + l.total_cents, 0)
  const paid = payload.sale.tenders.filter((t) => t.amount_cents > 0)
  const credit = Math.min(returned, soldTotal)
  const tenders = [
    ...(credit > 0 ? [{ seq: 0, kind: "exchange", amount_cents: credit, reference: sale.id }] : []),
    ...(payload.sale.total_cents > 0 ? paid : []),
  ]
  const vat = ((sale.vat ?? []) as any[]).filter((v) => v.total_cents >= 0 && v.base_cents >= 0 && v.vat_cents >= 0)
  return {
    sale: { ...sale, total_cents: soldTotal, lines: sold, tenders, vat, change_cents: payload.sale.total_cents > 0 ? sale.change_cents : 0 },
    // Witnessed above as the return ticket; this order is its sold part.
    journal: { exchange_of: sale.id },
  }
}

/** The Medusa return an earlier try of this ticket made on that order, if any. */
async function returnOf(container: MedusaContainer, returnId: string, orderId: string): Promise<string | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const row = await knex("return_item")
    .join("return", "return.id", "return_item.return_id")
    .select("return.id")
    .where("return.order_id", orderId)
    .whereNull("return.deleted_at")
    .whereRaw("return_item.metadata->>'comptoir_return_id' = ?", [returnId])
    .first()
  return (row?.id as string | undefined) ?? null
}

/**
 * Each card refund tender to a payment of the original orders: the one its reference
 * names (a web order's payment id), else the first with enough left to refund. A refund
 * carries the ticket's tender as its note, so a resend never refunds twice.
 */
async function refundCards(container: MedusaContainer, payload: ReturnTicketPayload, origins: Origin[]): Promise<string[]> {
  const cards = payload.sale.tenders.filter((t) => t.kind === "card" && t.amount_cents < 0)
  if (!cards.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.created_at",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
      "payment_collections.payments.refunds.note",
    ],
    filters: { id: origins.map((o) => o.order_id) },
  })
  const noted = new Set<string>()
  for (const order of data as any[]) {
    for (const c of order.payment_collections ?? []) {
      for (const p of c.payments ?? []) for (const r of p.refunds ?? []) if (r.note) noted.add(String(r.note))
    }
  }
  const payments = (data as any[]).flatMap((order) => paymentsOf(order))
  const warnings: string[] = []
  for (const tender of cards) {
    const note = `comptoir:${payload.sale.id}:t${tender.seq}`
    if (noted.has(note)) continue
    const cents = -tender.amount_cents
    const payment =
      payments.find((p) => p.id === tender.reference && p.captured - p.refunded >= cents) ??
      payments.find((p) => p.captured - p.refunded >= cents)
    if (!payment) {
      warnings.push(CARD_REFUND_UNMATCHED)
      continue
    }
    await refundTillReturnWorkflow(container).run({
      input: { refunds: [{ payment_id: payment.id, amount: cents / 100, note }] },
    })
    payment.refunded += cents
  }
  return warnings
}
