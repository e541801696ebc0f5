import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COMPTOIR_RETURNS } from "../modules/comptoir-returns"
import type ComptoirReturnsService from "../modules/comptoir-returns/service"

/**
 * A sale as a return sees it: a till sale (the order the plugin made, found by the
 * till's sale id) or a web order (by id or display number), its lines numbered, with
 * what is already returned: every return claimed through Comptoir, plus what Medusa's
 * own returns took back outside Comptoir (its item figures less Comptoir's recorded).
 */
export type OriginLine = {
  line_no: number
  item_id: string
  variant_id: string | null
  sku: string
  name: string
  sold_by: string
  quantity: number
  unit_price_cents: number
  vat_bp: number
  gross_cents: number
  line_discount_cents: number
  ticket_discount_cents: number
  total_cents: number
  returnable: number // sold (a till sale) or delivered (a web order), less foreign returns
  returned_quantity: number
  /** What Medusa itself still lets a return take of this item (its own figures). */
  medusa_room: number
}
export type OriginTender = { kind: string; amount_cents: number; reference: string; refunded_cents: number; payment_id: string | null }
export type Origin = {
  order_id: string
  sale_id: string
  channel: "store" | "web"
  label: string
  terminal_id: string
  ticket_no: number
  completed_at: string
  total_cents: number
  handed_over: boolean
  lines: OriginLine[]
  tenders: OriginTender[]
}

const FIELDS = [
  "id", "display_id", "created_at", "metadata", "total",
  "items.id", "items.title", "items.variant_id", "items.variant_sku", "items.quantity", "items.unit_price",
  "items.total", "items.discount_total", "items.created_at", "items.metadata", "items.tax_lines.rate",
  "items.detail.delivered_quantity", "items.detail.return_requested_quantity",
  "items.detail.return_received_quantity", "items.detail.return_dismissed_quantity",
  "payment_collections.created_at", "payment_collections.payments.id", "payment_collections.payments.amount",
  "payment_collections.payments.captures.amount", "payment_collections.payments.refunds.amount",
]

const cents = (value: unknown) => Math.round(Number(String(value ?? 0)) * 100)

/** The order behind a code: a Medusa order id, a display number, or a till sale id. */
export async function findOrderId(container: MedusaContainer, code: string): Promise<string | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const text = code.trim().replace(/^#/, "")
  let query = knex("order").select("id").whereNull("deleted_at")
  if (text.startsWith("order_")) query = query.where({ id: text })
  else if (/^\d{1,9}$/.test(text)) query = query.where({ display_id: Number(text) })
  else query = query.whereRaw("metadata->>'comptoir_sale_id' = ? and metadata->>'comptoir_recorded_by' = 'plugin'", [text])
  const row = await query.first()
  return row?.id ?? null
}

export async function findTicketOrderId(container: MedusaContainer, terminalId: string, ticketNo: number) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const row = await knex("order")
    .select("id")
    .whereNull("deleted_at")
    .whereRaw(
      "metadata->>'comptoir_recorded_by' = 'plugin' and metadata->>'comptoir_terminal_id' = ? and metadata->>'comptoir_ticket_no' = ?",
      [terminalId, String(ticketNo)]
    )
    .first()
  return (row?.id as string | undefined) ?? null
}

export async function readOrigin(container: MedusaContainer, orderId: string): Promise<Origin> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: FIELDS, filters: { id: orderId } })
  const order = data[0] as any
  const meta = (order.metadata ?? {}) as Record<string, any>
  const till = meta.comptoir_recorded_by === "plugin"
  const saleId: string = till ? String(meta.comptoir_sale_id) : order.id
  const items = [...(order.items ?? [])].sort(
    (a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1)
  )
  const returns = container.resolve<ComptoirReturnsService>(COMPTOIR_RETURNS)
  const taken = await returns.takenBack([saleId])
  const lines: OriginLine[] = items.map((item: any, index: number) => {
    const m = (item.metadata ?? {}) as Record<string, any>
    const lineNo = till ? Number(m.comptoir_line_no) : index + 1
    const d = item.detail ?? {}
    const medusaReturned = ["return_requested_quantity", "return_received_quantity", "return_dismissed_quantity"]
      .reduce((sum, f) => sum + Number(String(d[f] ?? 0)), 0)
    const ours = taken.get(`${saleId}|${lineNo}`) ?? { taken: 0, recorded: 0 }
    const foreign = Math.max(0, Math.round(medusaReturned) - ours.recorded)
    const sold = till ? Number(m.comptoir_quantity) : Number(item.quantity)
    const limit = till ? sold : Math.round(Number(String(d.delivered_quantity ?? 0)))
    const total = till ? Number(m.comptoir_total_cents) : cents(item.total)
    const lineDiscount = till ? Number(m.comptoir_line_discount_cents) : cents(item.discount_total)
    const ticketDiscount = till ? Number(m.comptoir_ticket_discount_cents) : 0
    const gross = till ? Number(m.comptoir_gross_cents) : total + lineDiscount
    const rates = (item.tax_lines ?? []).reduce((sum: number, t: any) => sum + Number(t.rate ?? 0), 0)
    return {
      line_no: lineNo,
      item_id: item.id,
      variant_id: item.variant_id ?? null,
      sku: item.variant_sku ?? "",
      name: item.title ?? "",
      sold_by: till ? String(m.comptoir_sold_by ?? "unit") : "unit",
      quantity: sold,
      unit_price_cents: till ? Number(m.comptoir_unit_price_cents) : Math.round(gross / Math.max(1, sold)),
      vat_bp: till ? Number(m.comptoir_vat_bp) : Math.round(rates * 100),
      gross_cents: gross,
      line_discount_cents: lineDiscount,
      ticket_discount_cents: ticketDiscount,
      total_cents: total,
      returnable: Math.max(0, limit - foreign),
      returned_quantity: Math.min(sold, ours.taken + foreign),
      medusa_room: Math.max(0, (till ? Number(item.quantity) : limit) - Math.round(medusaReturned)),
    }
  })
  lines.sort((a, b) => a.line_no - b.line_no)
  return {
    order_id: order.id,
    sale_id: saleId,
    channel: till ? "store" : "web",
    label: till ? `${meta.comptoir_terminal_id}-${meta.comptoir_ticket_no}` : `#${order.display_id}`,
    terminal_id: till ? String(meta.comptoir_terminal_id) : "",
    ticket_no: till ? Number(meta.comptoir_ticket_no) : 0,
    completed_at: till ? String(meta.comptoir_completed_at) : new Date(order.created_at).toISOString(),
    total_cents: till ? Number(meta.comptoir_total_cents) : cents(order.total),
    handed_over: till || lines.some((l) => l.returnable + l.returned_quantity > 0),
    lines,
    tenders: tendersOf(order, till, meta),
  }
}

/** The order's payments in the order they were made, with what was captured and refunded. */
export function paymentsOf(order: any) {
  const collections = [...(order.payment_collections ?? [])].sort(
    (a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  )
  return collections.flatMap((c: any) =>
    (c.payments ?? []).map((p: any) => ({
      id: p.id as string,
      captured: (p.captures ?? []).reduce((s: number, x: any) => s + cents(x.amount), 0),
      refunded: (p.refunds ?? []).reduce((s: number, x: any) => s + cents(x.amount), 0),
    }))
  )
}

/**
 * A web order: one card tender per Medusa payment (its reference is the payment id). A
 * till sale: the till's own tenders; Medusa's refunds on its payments are counted
 * against its card tenders in order (the plugin made one payment per kept tender).
 */
function tendersOf(order: any, till: boolean, meta: Record<string, any>): OriginTender[] {
  const payments = paymentsOf(order)
  if (!till) {
    return payments
      .filter((p) => p.captured > 0)
      .map((p) => ({ kind: "card", amount_cents: p.captured, reference: p.id, refunded_cents: p.refunded, payment_id: p.id }))
  }
  let refunded = payments.reduce((s, p) => s + p.refunded, 0)
  return ((meta.comptoir_tenders ?? []) as any[]).map((t) => {
    const back = t.kind === "card" ? Math.min(refunded, Number(t.amount_cents)) : 0
    refunded -= back
    return { kind: String(t.kind), amount_cents: Number(t.amount_cents), reference: String(t.reference ?? ""), refunded_cents: back, payment_id: null }
  })
}
