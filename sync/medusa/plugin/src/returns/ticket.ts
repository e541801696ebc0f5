import { z } from "@medusajs/framework/zod"
import { ChainSeal } from "../chains/wire"
import { OperationRefused } from "../operations/types"

/**
 * A return ticket (sale record v3): returned lines have a negative quantity and
 * amounts and name the line they take back; refund tenders are negative. An exchange
 * carries sold lines too.
 */
const Signed = z.number().int().min(-100_000_000).max(100_000_000)
const Returned = z.object({
  origin_sale_id: z.string().min(1).max(128),
  origin_line_no: z.number().int().min(0).max(1000),
  origin_label: z.string(),
  channel: z.enum(["store", "web"]),
  reason: z.string(),
  restock: z.boolean(),
  approval_id: z.string().nullable().optional(),
})
const Line = z.object({
  line_no: z.number().int().min(1),
  variant_id: z.string().min(1),
  sku: z.string(),
  name: z.string(),
  sold_by: z.enum(["unit", "weight"]),
  quantity: z.number().int(),
  unit_price_cents: z.number().int().min(0),
  vat_bp: z.number().int().min(0).max(10_000),
  gross_cents: Signed,
  line_discount_cents: Signed,
  ticket_discount_cents: Signed,
  total_cents: Signed,
  returned: Returned.nullable().optional(),
})
export const ReturnTicketPayload = z
  .object({
    sale: z.object({
      id: z.string().min(1),
      terminal_id: z.string(),
      ticket_no: z.number().int(),
      completed_at: z.string(),
      total_cents: Signed,
      change_cents: z.number().int().min(0),
      lines: z.array(Line).min(1),
      tenders: z.array(z.object({ seq: z.number().int(), kind: z.string(), amount_cents: Signed, reference: z.string() })),
    }),
    seal: ChainSeal.optional(),
    journal: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((p) => (p.seal === undefined) !== (p.journal === undefined), {
    message: "a sale carries exactly one of seal and journal",
    path: ["seal"],
  })
export type ReturnTicketPayload = z.infer<typeof ReturnTicketPayload>
export type ReturnTicketLine = z.infer<typeof Line>

/** Whether a `sale` payload is a return ticket (any line naming what it takes back). */
export function isReturnTicket(payload: Record<string, unknown>): boolean {
  const lines = (payload?.sale as { lines?: unknown } | undefined)?.lines
  return Array.isArray(lines) && lines.some((line) => !!(line as { returned?: unknown })?.returned)
}

export function parseReturnTicket(raw: Record<string, unknown>): ReturnTicketPayload {
  const parsed = ReturnTicketPayload.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new OperationRefused("invalid_payload", `${issue.path.join(".")}: ${issue.message}`)
  }
  const sale = parsed.data.sale
  for (const line of sale.lines) {
    const signs = line.returned ? line.quantity < 0 && line.total_cents <= 0 : line.quantity > 0 && line.total_cents >= 0
    if (!signs) throw new OperationRefused("invalid_payload", `Line ${line.line_no}: its signs do not match a ${line.returned ? "returned" : "sold"} line.`)
    if (line.gross_cents - line.line_discount_cents - line.ticket_discount_cents !== line.total_cents) {
      throw new OperationRefused("invalid_payload", `Line ${line.line_no}: gross minus discounts is not its total.`)
    }
  }
  const sum = sale.lines.reduce((s, l) => s + l.total_cents, 0)
  const tendered = sale.tenders.reduce((s, t) => s + t.amount_cents, 0)
  if (sum !== sale.total_cents || tendered - sale.change_cents !== sale.total_cents) {
    throw new OperationRefused(
      "invalid_payload",
      `Lines (${sum}) and tenders less change (${tendered - sale.change_cents}) must both be the total (${sale.total_cents}).`
    )
  }
  if (parsed.data.seal && (parsed.data.seal.chain !== "ticket" || parsed.data.seal.ref !== sale.id)) {
    throw new OperationRefused("invalid_payload", "seal: a sale's seal is its own entry in the ticket chain.")
  }
  return parsed.data
}
