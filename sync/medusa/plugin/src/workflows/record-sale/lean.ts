import type { IOrderModuleService, IPaymentModuleService, InventoryTypes } from "@medusajs/framework/types"
import {
  InventoryLevelWorkflowEvents,
  Modules,
  OrderWorkflowEvents,
  PaymentEvents,
  ReservationItemWorkflowEvents,
} from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  addOrderTransactionStep,
  adjustInventoryLevelsStep,
  completeOrdersStep,
  createFulfillmentStep,
  createInventoryLevelsStep,
  createPaymentCollectionsStep,
  createRemoteLinkStep,
  createReservationsStep,
  deleteReservationsStep,
  emitEventStep,
  registerOrderFulfillmentStep,
} from "@medusajs/medusa/core-flows"
import type { LineFulfilment } from "./lean-order"

/*
 * `comptoir-record-sale`: a fresh till sale in ONE workflow made of Medusa's own steps
 * (each compensated by Medusa when a later one fails), with every id and figure given
 * by the handler. It leaves the order `createOrderWorkflow` + one `payTenderWorkflow`
 * per tender + `settleSaleWorkflow` left (`workflows.ts`), without their look-ups:
 * the region, channel, customer and variants re-read, the inventory confirmation
 * (our stock is topped up and reserved here, under the item locks), the tax provider
 * and promotion refresh whose results we replaced, the order re-read by each payment
 * and by the fulfilment. A drain is CPU-bound in Medusa's ORM calls: fewer calls per
 * order is what makes it fast.
 *
 * Steps, in the order a crash may cut them (the handler's resume, `sale.ts`, finishes
 * any cut order piece by piece): stock top-ups; the order (items, till tax lines and
 * discounts inline); its reservations at our location; each tender's payment
 * collection paid (session, authorisation, capture) with its order transaction; the
 * fulfilment at our location consuming those reservations; completion.
 */

export type RecordSaleInput = {
  order: Record<string, unknown>
  missing_levels: InventoryTypes.CreateInventoryLevelInput[]
  top_ups: InventoryTypes.BulkAdjustInventoryLevelInput[]
  /** Till lines by line number: what each holds at our location and how it is fulfilled. */
  lines: Record<string, LineFulfilment>
  /** What each kept tender left in the till, in euros, in the receipt's order. */
  tenders: number[]
  location: { id: string } & Record<string, unknown>
  shipping_option: { id: string; provider_id: string }
}

const SYSTEM_PROVIDER = "pp_system_default"

/**
 * Pays each tender's collection as `markPaymentCollectionAsPaid` pays one: a session
 * with the system provider, authorised, captured for the whole amount. Undone by
 * cancelling the payments (a capture by the system provider moves no money); the
 * collections themselves are undone by `createPaymentCollectionsStep`.
 */
const payTendersStep = createStep(
  "comptoir-pay-tenders",
  async (input: { currency_code: string; collections: { id: string; amount: number }[] }, { container }) => {
    const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    const done: { payment_id: string; amount: number; capture_ids: string[] }[] = []
    const paid: string[] = []
    try {
      for (const collection of input.collections) {
        const session = await payments.createPaymentSession(collection.id, {
          provider_id: SYSTEM_PROVIDER,
          currency_code: input.currency_code,
          amount: collection.amount,
          data: {},
          context: {},
        })
        const authorised = await payments.authorizePaymentSession(session.id, {})
        // The system provider authorises at once; anything else is not a till tender.
        if (!authorised) throw new Error(`payment session ${session.id} was not authorised`)
        paid.push(authorised.id)
        const captured = await payments.capturePayment({ payment_id: authorised.id, amount: collection.amount })
        done.push({
          payment_id: authorised.id,
          amount: collection.amount,
          capture_ids: (captured.captures ?? []).map((c) => c.id),
        })
      }
    } catch (error) {
      await cancelPayments(payments, paid)
      throw error
    }
    return new StepResponse(done, paid)
  },
  async (paid, { container }) => {
    if (paid?.length) await cancelPayments(container.resolve<IPaymentModuleService>(Modules.PAYMENT), paid)
  }
)

async function cancelPayments(payments: IPaymentModuleService, ids: string[]): Promise<void> {
  for (const id of ids) await payments.cancelPayment(id).catch(() => undefined)
}

type CreatedOrder = {
  id: string
  currency_code: string
  /** Medusa's total of the order, from the summary the order module computed. */
  total: unknown
  items: { id: string; quantity: number; line: LineFulfilment }[]
}

/**
 * The order, by the order module in one call (what `createOrdersStep` does), handing
 * the later steps only what they use: each item with its till line. The module's
 * whole order (items, tax lines, adjustments, summary...) would be copied into every
 * later step's checkpoint.
 */
const createSaleOrderStep = createStep(
  "comptoir-create-sale-order",
  async (input: RecordSaleInput, { container }) => {
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const [created] = await orders.createOrders([input.order as any])
    const items = (created.items ?? []).map((item) => {
      const line = input.lines[String(item.metadata?.comptoir_line_no)]
      if (!line) throw new Error(`order item ${item.id} is not a line of this sale`)
      return { id: item.id, quantity: Number(item.metadata?.comptoir_quantity), line }
    })
    // The module formats the summary as its totals (older ones as rows holding them).
    const raw = (created as { summary?: unknown }).summary as any
    const summary = Array.isArray(raw) ? raw[0] : raw
    const order: CreatedOrder = {
      id: created.id,
      currency_code: created.currency_code,
      total: (summary?.totals ?? summary)?.current_order_total ?? null,
      items,
    }
    return new StepResponse(order, created.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<IOrderModuleService>(Modules.ORDER).deleteOrders([id])
  }
)

export const recordSaleWorkflow = createWorkflow("comptoir-record-sale", function (input: RecordSaleInput) {
  when("comptoir-record-missing-levels", { input }, ({ input }) => input.missing_levels.length > 0).then(() => {
    createInventoryLevelsStep(input.missing_levels)
  })
  when("comptoir-record-top-ups", { input }, ({ input }) => input.top_ups.length > 0).then(() => {
    adjustInventoryLevelsStep(input.top_ups).config({ name: "comptoir-record-top-up" })
  })
  const order = createSaleOrderStep(input)
  // Reserved in the same run as the top-up, under the item locks: another lane
  // cannot take that stock in between (it would fail here and undo this run).
  const holds = transform({ order, input }, ({ order, input }) =>
    order.items.flatMap((item) =>
      item.line.inventory.map((i) => ({
        line_item_id: item.id,
        inventory_item_id: i.inventory_item_id,
        location_id: input.location.id,
        quantity: i.quantity,
      }))
    )
  )
  const reservations = when("comptoir-record-reserve", { holds }, ({ holds }) => holds.length > 0).then(() =>
    createReservationsStep(holds).config({ name: "comptoir-record-reservations" })
  )

  // Each kept tender: its collection, linked to the order before it is paid (as
  // Medusa's own flow does: a cut try finds it and only pays it), then paid.
  const collections = createPaymentCollectionsStep(
    transform({ order, input }, ({ order, input }) =>
      input.tenders.map((amount) => ({ currency_code: order.currency_code, amount }))
    )
  )
  createRemoteLinkStep(
    transform({ order, collections }, ({ order, collections }) =>
      collections.map((c) => ({
        [Modules.ORDER]: { order_id: order.id },
        [Modules.PAYMENT]: { payment_collection_id: c.id },
      }))
    )
  ).config({ name: "comptoir-record-payment-links" })
  const paid = payTendersStep(
    transform({ order, input, collections }, ({ order, input, collections }) => ({
      currency_code: order.currency_code,
      collections: collections.map((c, i) => ({ id: c.id, amount: input.tenders[i] })),
    }))
  )
  const payment = transform({ order, paid }, ({ order, paid }) => ({
    transactions: paid.flatMap((p) =>
      p.capture_ids.map((capture) => ({
        order_id: order.id,
        amount: p.amount,
        currency_code: order.currency_code,
        reference_id: capture,
        reference: "capture",
      }))
    ),
    captured: paid.map((p) => ({ id: p.payment_id })),
  }))
  addOrderTransactionStep(payment.transactions as any)
  emitEventStep({ eventName: PaymentEvents.CAPTURED, data: payment.captured }).config({
    name: "comptoir-record-payment-captured",
  })

  // The fulfilment at our location, consuming the reservations made above, as
  // createOrderFulfillmentWorkflow makes it. The `fulfil` branch of `settle` in
  // `operations/sale.ts` makes the same fulfilment for an order a cut try left
  // unfulfilled: a change to one (e.g. its crash window) belongs in both.
  const fulfilmentInput = transform({ order, input, reservations }, ({ order, input, reservations }) => {
    const byItem = new Map<string, { id: string; inventory_item_id: string }[]>()
    for (const r of (reservations ?? []) as { id: string; line_item_id: string; inventory_item_id: string }[]) {
      byItem.set(r.line_item_id, [...(byItem.get(r.line_item_id) ?? []), r])
    }
    const items = order.items.flatMap((item) => {
      const held = byItem.get(item.id) ?? []
      if (!held.length) {
        return [{ line_item_id: item.id, quantity: item.quantity, title: item.line.title, sku: item.line.sku, barcode: item.line.barcode }]
      }
      return held.map((r) => {
        const inventory = item.line.inventory.find((i) => i.inventory_item_id === r.inventory_item_id)!
        return {
          line_item_id: item.id,
          inventory_item_id: r.inventory_item_id,
          quantity: inventory.quantity,
          title: inventory.title,
          sku: inventory.sku,
          barcode: item.line.barcode,
        }
      })
    })
    return {
      location_id: input.location.id,
      provider_id: input.shipping_option.provider_id,
      shipping_option_id: input.shipping_option.id,
      order: { id: order.id },
      items,
      requires_shipping: order.items.some((item) => item.line.requires_shipping),
      labels: [],
      delivery_address: {},
      packed_at: new Date(),
      location: input.location,
    }
  })
  const fulfilment = createFulfillmentStep(fulfilmentInput as any)
  const consumed = transform({ order, input, reservations, fulfilment }, ({ order, input, reservations, fulfilment }) => {
    const held = (reservations ?? []) as { id: string; inventory_item_id: string; quantity: unknown }[]
    return {
      register: {
        order_id: order.id,
        reference: Modules.FULFILLMENT,
        reference_id: fulfilment.id,
        items: order.items.map((item) => ({ id: item.id, quantity: item.quantity })),
      },
      link: [{ [Modules.ORDER]: { order_id: order.id }, [Modules.FULFILLMENT]: { fulfillment_id: fulfilment.id } }],
      adjustments: held.map((r) => ({
        inventory_item_id: r.inventory_item_id,
        location_id: input.location.id,
        adjustment: -Number(r.quantity),
      })),
      reservation_ids: held.map((r) => r.id),
    }
  })
  registerOrderFulfillmentStep(consumed.register as any)
  createRemoteLinkStep(consumed.link).config({ name: "comptoir-record-fulfilment-link" })
  const levels = adjustInventoryLevelsStep(consumed.adjustments).config({ name: "comptoir-record-consume" })
  deleteReservationsStep(consumed.reservation_ids)
  const events = transform({ order, fulfilment, levels, consumed }, ({ order, fulfilment, levels, consumed }) => ({
    fulfilment: { order_id: order.id, fulfillment_id: fulfilment.id, no_notification: true },
    levels: (levels ?? []).map((level: { id: string }) => ({ id: level.id, order_id: order.id })),
    reservations: consumed.reservation_ids.map((id) => ({ id, order_id: order.id })),
  }))
  emitEventStep({ eventName: OrderWorkflowEvents.FULFILLMENT_CREATED, data: events.fulfilment }).config({
    name: "comptoir-record-fulfilment-created",
  })
  emitEventStep({ eventName: InventoryLevelWorkflowEvents.UPDATED, data: events.levels }).config({
    name: "comptoir-record-levels-updated",
  })
  emitEventStep({ eventName: ReservationItemWorkflowEvents.DELETED, data: events.reservations }).config({
    name: "comptoir-record-reservations-deleted",
  })

  const ids = transform({ order }, ({ order }) => ({ orderIds: [order.id] }))
  completeOrdersStep(ids)
  emitEventStep({
    eventName: OrderWorkflowEvents.COMPLETED,
    data: transform({ order }, ({ order }) => [{ id: order.id }]),
  }).config({ name: "comptoir-record-order-completed" })
  return new WorkflowResponse(
    transform({ order }, ({ order }) => ({ order_id: order.id, total: order.total }))
  )
})
