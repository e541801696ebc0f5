import { z } from "@medusajs/framework/zod"
import { ChainSeal } from "../../chains/wire"
import { OperationRefused } from "../../operations/types"

/**
 * A till sale as the adapter sends it: the sealed sale record (integer cents, grams for
 * goods sold by weight) with each line's Medusa variant, and its seal: the signed ticket
 * entry (`seal`), or the hash journal entry of an older till's outbox (`journal`).
 */
const Cents = z.number().int().min(0).max(100_000_000)
const Line = z.object({
  line_no: z.number().int().min(1),
  variant_id: z.string().min(1),
  sku: z.string(),
  name: z.string(),
  sold_by: z.enum(["unit", "weight"]),
  quantity: z.number().int().min(1),
  unit_price_cents: Cents,
  vat_bp: z.number().int().min(0).max(10_000),
  gross_cents: Cents,
  line_discount_cents: Cents,
  ticket_discount_cents: Cents,
  total_cents: Cents,
})
export const SalePayload = z.object({
  sale: z.object({
    id: z.string().min(1),
    terminal_id: z.string(),
    ticket_no: z.number().int(),
    cashier: z.string(),
    started_at: z.string(),
    completed_at: z.string(),
    total_cents: Cents,
    change_cents: Cents,
    lines: z.array(Line).min(1),
    tenders: z.array(
      z.object({ seq: z.number().int(), kind: z.string(), amount_cents: Cents, reference: z.string() })
    ),
    vat: z.array(
      z.object({ vat_bp: z.number().int(), base_cents: Cents, vat_cents: Cents, total_cents: Cents })
    ),
  }),
  seal: ChainSeal.optional(),
  journal: z.record(z.string(), z.unknown()).optional(),
}).refine((p) => (p.seal === undefined) !== (p.journal === undefined), {
  message: "a sale carries exactly one of seal and journal",
  path: ["seal"],
})
export type SalePayload = z.infer<typeof SalePayload>
export type SaleLine = z.infer<typeof Line>

/** `n / 10^scale` as exact decimal text (Medusa reads amounts and quantities as BigNumber). */
export function decimal(n: bigint, scale: number): string {
  const negative = n < 0n
  const digits = (negative ? -n : n).toString().padStart(scale + 1, "0")
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits
  return negative ? `-${text}` : text
}

export const cents = (value: number) => decimal(BigInt(value), 2)

/**
 * One order line, exact. Goods sold by weight go in grams at a price per gram: Medusa
 * refuses to fulfil a quantity below 1 (so not 0.452 kg), and the till counts their
 * stock in grams too. Medusa multiplies unit price by quantity without rounding, the till
 * rounds a weighed line half up to the cent; amounts are counted here in 1e-7 EUR so a
 * price per gram is exact. When the till rounded up, Medusa's line would be short and an
 * adjustment can only lower it, so the unit price is raised to the smallest 1e-7 EUR/g
 * that covers the till's line; the sub-cent excess becomes a "rounding" adjustment.
 */
export function exactLine(line: SaleLine) {
  const quantity = BigInt(line.quantity)
  const gross = BigInt(line.gross_cents) * 100_000n
  const listed = BigInt(line.unit_price_cents) * (line.sold_by === "weight" ? 100n : 100_000n)
  const unit = listed * quantity < gross ? (gross + quantity - 1n) / quantity : listed
  const rounding = unit * quantity - gross
  return {
    quantity: line.quantity,
    unit_price: decimal(unit, 7),
    rounding: rounding > 0n ? decimal(rounding, 7) : null,
  }
}

/** Checks the receipt adds up before anything is written in Medusa. */
export function checkFigures(payload: SalePayload): void {
  const sale = payload.sale
  let sum = 0
  for (const line of sale.lines) {
    const net = line.gross_cents - line.line_discount_cents - line.ticket_discount_cents
    if (net !== line.total_cents) {
      throw new OperationRefused(
        "invalid_payload",
        `Line ${line.line_no}: gross minus discounts (${net}) is not its total (${line.total_cents}).`
      )
    }
    sum += line.total_cents
  }
  if (sum !== sale.total_cents) {
    throw new OperationRefused(
      "invalid_payload",
      `The lines add up to ${sum} cents, not the sale's total of ${sale.total_cents}.`
    )
  }
  const tendered = sale.tenders.reduce((acc, t) => acc + t.amount_cents, 0)
  if (tendered - sale.change_cents !== sale.total_cents) {
    throw new OperationRefused(
      "invalid_payload",
      `Tenders (${tendered}) minus change (${sale.change_cents}) are not the total (${sale.total_cents}).`
    )
  }
}

/**
 * What each tender leaves in the till, in cents: the change goes back out of the cash
 * tenders (last first), so the captured payments add up to the sale's total exactly.
 */
export function keptTenders(payload: SalePayload): { kind: string; cents: number }[] {
  const kept = payload.sale.tenders.map((t) => ({ kind: t.kind, cents: t.amount_cents }))
  let change = payload.sale.change_cents
  for (let i = kept.length - 1; i >= 0 && change > 0; i--) {
    if (kept[i].kind !== "cash") continue
    const back = Math.min(change, kept[i].cents)
    kept[i].cents -= back
    change -= back
  }
  for (let i = kept.length - 1; i >= 0 && change > 0; i--) {
    const back = Math.min(change, kept[i].cents)
    kept[i].cents -= back
    change -= back
  }
  return kept.filter((t) => t.cents > 0)
}

export function vatLabel(bp: number): string {
  return `TVA ${decimal(BigInt(bp), 2).replace(/\.?0+$/, "").replace(".", ",")} %`
}

/** The order as createOrderWorkflow takes it: the till's prices, tax-inclusive. */
export function orderInput(
  payload: SalePayload,
  scope: { sales_channel_id: string; region_id: string },
  stockCorrected: boolean
) {
  const sale = payload.sale
  const items = sale.lines.map((line) => {
    const exact = exactLine(line)
    // No adjustment code: createOrderWorkflow's promotion refresh drops coded ones.
    const adjustments: { amount: string; description: string; is_tax_inclusive: boolean }[] = []
    if (line.line_discount_cents > 0) {
      adjustments.push({ amount: cents(line.line_discount_cents), description: "Remise ligne", is_tax_inclusive: true })
    }
    if (line.ticket_discount_cents > 0) {
      adjustments.push({ amount: cents(line.ticket_discount_cents), description: "Remise ticket", is_tax_inclusive: true })
    }
    if (exact.rounding) {
      adjustments.push({ amount: exact.rounding, description: "Arrondi au centime", is_tax_inclusive: true })
    }
    return {
      variant_id: line.variant_id,
      title: line.name,
      quantity: exact.quantity,
      unit_price: exact.unit_price,
      is_tax_inclusive: true,
      adjustments,
      metadata: {
        comptoir_line_no: line.line_no,
        comptoir_sold_by: line.sold_by,
        comptoir_quantity: line.quantity,
        comptoir_unit_price_cents: line.unit_price_cents,
        comptoir_gross_cents: line.gross_cents,
        comptoir_line_discount_cents: line.line_discount_cents,
        comptoir_ticket_discount_cents: line.ticket_discount_cents,
        comptoir_total_cents: line.total_cents,
        comptoir_vat_bp: line.vat_bp,
      },
    }
  })
  return {
    region_id: scope.region_id,
    sales_channel_id: scope.sales_channel_id,
    currency_code: "eur",
    status: "pending",
    no_notification: true,
    items,
    metadata: {
      comptoir_sale_id: sale.id,
      comptoir_recorded_by: "plugin",
      comptoir_terminal_id: sale.terminal_id,
      comptoir_ticket_no: sale.ticket_no,
      comptoir_cashier: sale.cashier,
      comptoir_started_at: sale.started_at,
      comptoir_completed_at: sale.completed_at,
      comptoir_total_cents: sale.total_cents,
      comptoir_change_cents: sale.change_cents,
      comptoir_tenders: sale.tenders,
      comptoir_vat: sale.vat,
      // The fiscal record's link: the signed ticket entry (its body is this sale).
      ...(payload.seal ? { comptoir_seal: payload.seal } : { comptoir_journal: payload.journal }),
      ...(stockCorrected ? { comptoir_stock_corrected: true } : {}),
    },
  }
}

/** Each Medusa item's tax line: the till's rate for that line (percent, e.g. 5.5). */
export function tillTaxLines(
  payload: SalePayload,
  items: { id: string; metadata?: Record<string, unknown> | null }[]
) {
  const byLine = new Map(payload.sale.lines.map((l) => [l.line_no, l]))
  return items.map((item) => {
    const line = byLine.get(Number(item.metadata?.comptoir_line_no))
    if (!line) throw new Error(`order item ${item.id} is not a line of this sale`)
    return {
      line_item_id: item.id,
      rate: line.vat_bp / 100,
      code: `FR${String(line.vat_bp).padStart(4, "0")}`,
      name: vatLabel(line.vat_bp),
    }
  })
}
