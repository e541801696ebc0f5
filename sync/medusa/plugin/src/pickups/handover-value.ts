import { MathBN } from "@medusajs/framework/utils"

/**
 * What a hand-over is worth, in cents, from the order as Medusa totals it.
 *
 * A line handed over in full costs its `total` (unit price × quantity after its
 * adjustments, order-level promotions included: Medusa spreads those over the lines as
 * item adjustments). A line handed over in part costs `total × given / quantity`,
 * rounded down to the cent (the customer's favour, and the rule of the till's feed for
 * `collected_total_cents`). Shipping (a pickup option, normally 0) is owed in full as
 * soon as anything is handed over: the service was given.
 */
export type ValuedItem = { id: string; quantity: number; total_cents: number }

export function handoverCents(
  items: ValuedItem[],
  given: Record<string, number>,
  shippingCents: number
): number {
  let cents = 0
  for (const item of items) {
    const qty = Math.min(given[item.id] ?? 0, item.quantity)
    if (qty <= 0 || item.quantity <= 0) continue
    cents +=
      qty === item.quantity ? item.total_cents : Math.floor((item.total_cents * qty) / item.quantity)
  }
  return cents > 0 ? cents + shippingCents : 0
}

/** Whether every line was handed over whole: then the order's payments are captured as authorised. */
export function handedOverWhole(items: { id: string; quantity: number }[], given: Record<string, number>) {
  return items.every((item) => (given[item.id] ?? 0) >= item.quantity)
}

/**
 * A Medusa amount (euros, number or BigNumber, up to 20 decimals: 50.16 may read
 * 50.159999999999999999) as whole cents, rounded half up.
 */
export function toCents(value: unknown): number {
  if (value === null || value === undefined) return 0
  const raw = MathBN.convert(value as any)
  return Math.round(MathBN.mult(raw, 100).toNumber())
}

/** Cents as the euros Medusa's payment module takes (exact: two decimals). */
export function toAmount(cents: number): number {
  return cents / 100
}
