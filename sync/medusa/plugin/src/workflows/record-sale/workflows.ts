import type { InventoryTypes, ItemTaxLineDTO, OrderDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  adjustInventoryLevelsStep,
  completeOrderWorkflow,
  createInventoryLevelsStep,
  createOrderFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createReservationsStep,
  markPaymentCollectionAsPaid,
  setOrderTaxLinesForItemsStep,
  useQueryGraphStep,
  type CreateOrderWorkflowInput,
} from "@medusajs/medusa/core-flows"

/*
 * A till sale becomes a Medusa order in three kinds of workflow, each made of Medusa's
 * own steps and workflows (so each compensates what it did when a later step fails):
 *
 * 1. `comptoir-record-sale-order`: raise our location's stock where Medusa believes it
 *    short (the goods left the shop anyway), create the order at the till's prices,
 *    reserve its goods at our location (never "the first location with stock").
 *    The handler saves the order id in the ledger as soon as this returns.
 * 2. `comptoir-pay-tender`, once per tender: a payment collection of what the tender
 *    left in the till, marked paid (authorised and captured by the system provider).
 * 3. `comptoir-settle-sale`: the till's VAT rates as tax lines, the fulfilment at our
 *    location (which consumes the reservations made with the order: stock goes down
 *    there only), and completion; reservations a cut try left missing are made first.
 *
 * Every piece after the first is skipped when the order already has it, so a try cut by
 * a crash resumes on the same order.
 */

export type RecordSaleOrderInput = {
  order: Record<string, unknown>
  missing_levels: InventoryTypes.CreateInventoryLevelInput[]
  top_ups: InventoryTypes.BulkAdjustInventoryLevelInput[]
  /** What each till line holds at our location, by line number. */
  reserve: Record<string, { inventory_item_id: string; location_id: string; quantity: number }[]>
}

export const recordSaleOrderWorkflow = createWorkflow(
  "comptoir-record-sale-order",
  function (input: RecordSaleOrderInput) {
    when("comptoir-sale-missing-levels", { input }, ({ input }) => input.missing_levels.length > 0).then(
      () => {
        createInventoryLevelsStep(input.missing_levels)
      }
    )
    when("comptoir-sale-top-ups", { input }, ({ input }) => input.top_ups.length > 0).then(() => {
      adjustInventoryLevelsStep(input.top_ups)
    })
    const orderInput = transform({ input }, ({ input }) => input.order as unknown as CreateOrderWorkflowInput)
    const order = createOrderWorkflow.runAsStep({ input: orderInput })
    const id = transform({ order }, ({ order }) => order.id as string)
    // Reserved in the same run as the top-up, so another lane cannot take that stock
    // in between (it would fail here, undo this run, and be tried again).
    const { data: created } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "items.id", "items.metadata"],
      filters: { id },
    }).config({ name: "comptoir-sale-items" })
    const reservations = transform({ input, created }, ({ input, created }) =>
      ((created[0]?.items ?? []) as { id: string; metadata?: Record<string, unknown> | null }[]).flatMap(
        (item) =>
          (input.reserve[String(item.metadata?.comptoir_line_no)] ?? []).map((r) => ({
            ...r,
            line_item_id: item.id,
          }))
      )
    )
    when("comptoir-sale-reserve-new", { reservations }, ({ reservations }) => reservations.length > 0).then(
      () => {
        createReservationsStep(reservations).config({ name: "comptoir-sale-reservations" })
      }
    )
    return new WorkflowResponse({ order_id: id })
  }
)

export const payTenderWorkflow = createWorkflow(
  "comptoir-pay-tender",
  function (input: { order_id: string; amount: number }) {
    const collections = createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ order_id: input.order_id, amount: input.amount })),
    })
    const paid = transform({ input, collections }, ({ input, collections }) => ({
      order_id: input.order_id,
      payment_collection_id: collections[0].id,
    }))
    markPaymentCollectionAsPaid.runAsStep({ input: paid })
    return new WorkflowResponse({ payment_collection_id: paid.payment_collection_id })
  }
)

export type SettleSaleInput = {
  order_id: string
  item_ids: string[]
  tax_lines: { line_item_id: string; rate: number; code: string; name: string }[]
  reservations: InventoryTypes.CreateReservationItemInput[]
  missing_levels: InventoryTypes.CreateInventoryLevelInput[]
  top_ups: InventoryTypes.BulkAdjustInventoryLevelInput[]
  fulfil: { items: { id: string; quantity: number }[]; location_id: string; shipping_option_id: string } | null
  complete: boolean
}

export const settleSaleWorkflow = createWorkflow("comptoir-settle-sale", function (input: SettleSaleInput) {
  const taxes = transform({ input }, ({ input }) => ({
    order: { id: input.order_id, items: input.item_ids.map((id) => ({ id })) } as unknown as OrderDTO,
    item_tax_lines: input.tax_lines as unknown as ItemTaxLineDTO[],
    shipping_tax_lines: [],
    is_full_replacement: true,
  }))
  setOrderTaxLinesForItemsStep(taxes)
  when("comptoir-settle-missing-levels", { input }, ({ input }) => input.missing_levels.length > 0).then(
    () => {
      createInventoryLevelsStep(input.missing_levels)
    }
  )
  when("comptoir-settle-top-ups", { input }, ({ input }) => input.top_ups.length > 0).then(() => {
    adjustInventoryLevelsStep(input.top_ups)
  })
  when("comptoir-sale-reserve", { input }, ({ input }) => input.reservations.length > 0).then(() => {
    createReservationsStep(input.reservations)
  })
  when("comptoir-sale-fulfil", { input }, ({ input }) => input.fulfil !== null).then(() => {
    const fulfilment = transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      items: input.fulfil!.items,
      location_id: input.fulfil!.location_id,
      shipping_option_id: input.fulfil!.shipping_option_id,
      no_notification: true,
    }))
    createOrderFulfillmentWorkflow.runAsStep({ input: fulfilment })
  })
  when("comptoir-sale-complete", { input }, ({ input }) => input.complete).then(() => {
    completeOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ orderIds: [input.order_id] })),
    })
  })
  return new WorkflowResponse({ order_id: input.order_id })
})
