import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { capturePaymentWorkflow, markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import { checkFigures, keptTenders, SalePayload, tillTaxLines } from "../workflows/record-sale/plan"
import { payTenderWorkflow, settleSaleWorkflow } from "../workflows/record-sale/workflows"
import { batchVariants, profiled, recordFreshSale, type RecordedSale, shippingOptionFor } from "./sale-record"
import { finishCutFulfilment, saveLevelsBeforeFulfilment, saveLevelsBeforeSale, type Resume } from "./sale-fulfilment"
import { holds, oneSaleAtATime, shortfall, type Variant } from "./sale-stock"

type Stock = Awaited<ReturnType<typeof shortfall>>
import { OperationRefused, type Handler, type TillScope } from "./types"
import { witnessSale } from "./chain-entry"
import { isReturnTicket } from "../returns/ticket"
import { recordReturnTicket, spendCreditNotes } from "./return-ticket"

export const STOCK_CORRECTED = "stock_corrected"
export const TOTAL_DIFFERS = "medusa_total_differs"

/**
 * `sale`: a till sale recorded as one Medusa order exactly as the till sold it. A fresh
 * sale is one workflow (`./sale-record.ts`); a sale an earlier try began is resumed on
 * its order (found by the ledger's progress or by the sale id), each piece skipped when
 * the order already has it (`settle` below).
 */
export const recordSale: Handler = async (context) => {
  try {
    return await profiled("sale", () => record(context))
  } catch (error) {
    if (error instanceof OperationRefused || error instanceof Error) throw error
    // A workflow's failure comes as a plain object: keep its sentence for the till.
    const message = (error as { message?: unknown })?.message
    throw new Error(typeof message === "string" ? message : JSON.stringify(error))
  }
}

const record: Handler = async (context) => {
  // A v3 record taking lines back is a return ticket (`./return-ticket.ts`).
  if (isReturnTicket(context.op.payload)) return await recordReturnTicket(context, recordPlainSale)
  return await recordPlainSale(context)
}

const recordPlainSale: Handler = async ({ container, scope, op, progress, saveProgress, firstTry }) => {
  const resume: Resume = { progress, saveProgress }
  const parsed = SalePayload.safeParse(op.payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new OperationRefused("invalid_payload", `${issue.path.join(".")}: ${issue.message}`)
  }
  const payload = parsed.data
  if (payload.seal && (payload.seal.chain !== "ticket" || payload.seal.ref !== payload.sale.id)) {
    // A training sale (its own chain) or another sale's entry is never an order.
    throw new OperationRefused("invalid_payload", "seal: a sale's seal is its own entry in the ticket chain.")
  }
  checkFigures(payload)
  const sealed = payload.seal ? await witnessSale(container, op.op_id, op.payload.sale, payload.seal) : []
  const variants = await profiled("variants", () => loadVariants(container, scope, payload))
  const items = [...variants.values()].flatMap((v) => (v.inventory_items ?? []).map((i) => i.inventory_item_id))
  const recorded = await oneSaleAtATime(container, items, async (): Promise<RecordedSale> => {
    // A first try cannot have left an order: no look-up by sale id (a scan of the
    // orders' metadata, slower as the store's orders grow).
    const id = firstTry ? null : await existingOrder(container, progress, payload.sale.id)
    if (!id) {
      // Saved first: a cut inside the fresh sale's workflow resumes knowing the levels.
      const before = (stock: Stock) => saveLevelsBeforeSale(container, scope, variants, payload, stock, resume)
      return await recordFreshSale(container, scope, payload, variants, before)
    }
    await settle(container, scope, payload, id, variants, resume)
    return { order_id: id, total: null, stock_corrected: null }
  })
  let { total, stock_corrected: corrected } = recorded
  if (corrected === null || !Number.isFinite(Number(String(total)))) {
    // A resumed order: read what the fresh workflow hands back.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await profiled("read", () =>
      query.graph({ entity: "order", fields: ["id", "total", "metadata"], filters: { id: recorded.order_id } })
    )
    total = data[0]?.total
    corrected = !!data[0]?.metadata?.comptoir_stock_corrected
  }
  const warnings: string[] = [...sealed]
  if (corrected) warnings.push(STOCK_CORRECTED)
  if (!sameAmount(total, payload.sale.total_cents)) warnings.push(TOTAL_DIFFERS)
  warnings.push(...(await spendCreditNotes(container, payload.sale)))
  return { status: "accepted", order_id: recorded.order_id, warnings }
}

/**
 * Whether Medusa's total is `value` to the cent. Medusa splits tax-inclusive amounts at
 * 20 decimals, so an order of exactly 50.16 may read 50.159999999999999999.
 */
function sameAmount(amount: unknown, value: number): boolean {
  const number = Number(String(amount))
  return Number.isFinite(number) && Math.round(number * 100) === value
}

async function loadVariants(
  container: MedusaContainer,
  scope: TillScope,
  payload: SalePayload
): Promise<Map<string, Variant>> {
  const ids = [...new Set(payload.sale.lines.map((l) => l.variant_id))]
  const found = await batchVariants(container, scope, ids)
  const unknown = payload.sale.lines.find((l) => !found.has(l.variant_id))
  if (unknown) {
    throw new OperationRefused(
      "unknown_product",
      `Line ${unknown.line_no}: variant ${unknown.variant_id} (${unknown.sku}) does not exist in Medusa.`
    )
  }
  return found
}

/** The order an earlier try made: from the ledger's progress, else by the sale id (a
 * crash between the order's creation and the progress being saved). */
async function existingOrder(
  container: MedusaContainer,
  progress: Record<string, unknown> | null,
  saleId: string
): Promise<string | null> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const saved = typeof progress?.order_id === "string" ? progress.order_id : null
  const row = saved
    ? await knex("order").select("id").where({ id: saved }).whereNull("deleted_at").first()
    : await knex("order")
        .select("id")
        .whereRaw("metadata->>'comptoir_sale_id' = ? and metadata->>'comptoir_recorded_by' = 'plugin'", [saleId])
        .whereNull("deleted_at")
        .first()
  return row?.id ?? null
}

async function settle(
  container: MedusaContainer,
  scope: TillScope,
  payload: SalePayload,
  orderId: string,
  variants: Map<string, Variant>,
  resume: Resume
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "items.id",
      "items.metadata",
      "payment_collections.id",
      "payment_collections.status",
      "payment_collections.created_at",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.id",
      "payment_collections.payments.captures.amount",
      "transactions.reference_id",
      "fulfillments.id",
      "fulfillments.canceled_at",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as any
  const items = (order.items ?? []) as { id: string; metadata: Record<string, unknown> }[]
  const lines = new Map(payload.sale.lines.map((l) => [l.line_no, l]))
  const lineOf = (item: { metadata: Record<string, unknown> }) => lines.get(Number(item.metadata?.comptoir_line_no))!

  // Payments first: each tender's own captured payment, in the receipt's order.
  const collections = [...(order.payment_collections ?? [])].sort(
    (a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
  )
  const kept = keptTenders(payload)
  for (let i = 0; i < kept.length; i++) {
    const existing = collections[i]
    if (!existing) {
      await payTenderWorkflow(container).run({ input: { order_id: orderId, amount: kept[i].cents / 100 } })
    } else if (existing.status === "not_paid") {
      await markPaymentCollectionAsPaid(container).run({
        input: { order_id: orderId, payment_collection_id: existing.id },
      })
    } else {
      const recorded = new Set((order.transactions ?? []).map((t: any) => t.reference_id))
      for (const payment of existing.payments ?? []) {
        const behind =
          !payment.captured_at ||
          existing.status !== "completed" ||
          (payment.captures ?? []).some((c: any) => !recorded.has(c.id))
        if (behind && !payment.canceled_at) await captureRest(container, payment)
      }
    }
  }

  // A fulfilment a killed Medusa left half-way is finished, never made twice.
  const takes = items.flatMap((item) =>
    holds(scope, lineOf(item), variants).map((h) => ({ ...h, line_item_id: item.id }))
  )
  const wanted = items.map((item) => ({ id: item.id, quantity: lineOf(item).quantity }))
  const linked = (order.fulfillments ?? []).filter((f: any) => !f.canceled_at).map((f: any) => f.id as string)
  const fulfilled = await finishCutFulfilment(container, orderId, wanted, takes, linked, resume.progress)
  let reservations: any[] = []
  let stock: Awaited<ReturnType<typeof shortfall>> = { missing: [], topUps: [], corrected: false }
  if (!fulfilled) {
    // A try cut between the order and its reservations: reserve what is missing.
    const { data: held } = await query.graph({
      entity: "reservation",
      fields: ["id", "line_item_id"],
      filters: { line_item_id: items.map((i) => i.id) },
    })
    const reserved = new Set((held as any[]).map((r) => r.line_item_id))
    const bare = items.filter((item) => !reserved.has(item.id))
    reservations = bare.flatMap((item) =>
      holds(scope, lineOf(item), variants).map((r) => ({ ...r, line_item_id: item.id }))
    )
    if (reservations.length) {
      const lines = bare.map(lineOf)
      stock = await shortfall(container, scope, { ...payload, sale: { ...payload.sale, lines } }, variants)
    }
  }
  if (!fulfilled) {
    await saveLevelsBeforeFulfilment(container, scope, orderId, takes, stock.topUps, stock.missing, resume)
  }
  await settleSaleWorkflow(container).run({
    input: {
      order_id: orderId,
      item_ids: items.map((i) => i.id),
      tax_lines: tillTaxLines(payload, items),
      reservations: reservations as any[],
      missing_levels: stock.missing,
      top_ups: stock.topUps,
      fulfil: fulfilled
        ? null
        : {
            items: wanted,
            location_id: scope.stock_location_id,
            shipping_option_id: (await shippingOptionFor(container, scope, payload, variants)).id,
          },
      complete: order.status !== "completed",
    },
  })
}

/**
 * Finishes a capture a crash cut. Medusa captures in steps, each its own transaction: the
 * capture row; the payment's `captured_at`; the collection's status; the order's
 * transaction. Cut after the first, the payment looks uncaptured while its captures
 * already cover it, and capturing it again is refused ("more than the authorized
 * amount"): mark it captured instead. Medusa's capture workflow on a captured payment
 * captures nothing and brings the collection and the order's transactions up to date
 * (both idempotent by capture id), which finishes a cut after any later step too.
 */
async function captureRest(
  container: MedusaContainer,
  payment: { id: string; amount: unknown; captured_at?: unknown; captures?: { amount: unknown }[] | null }
): Promise<void> {
  const cents = (value: unknown) => Math.round(Number(String(value)) * 100)
  const rest = cents(payment.amount) - (payment.captures ?? []).reduce((sum, c) => sum + cents(c.amount), 0)
  if (!payment.captured_at && rest > 0) {
    await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id, amount: rest / 100 } })
    return
  }
  if (!payment.captured_at) {
    // `captured_at` is a column of the payment; Medusa's DTO type names only the id.
    const payments = container.resolve(Modules.PAYMENT)
    await payments.updatePayment({ id: payment.id, captured_at: new Date() } as { id: string })
  }
  await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
}
