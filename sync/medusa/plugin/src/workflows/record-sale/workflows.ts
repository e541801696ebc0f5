import type { InventoryTypes, ItemTaxLineDTO, OrderDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  adjustInventoryLevelsStep,
  completeOrderWorkflow,
  createInventoryLevelsStep,
  createOrderFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createReservationsStep,
  markPaymentCollectionAsPaid,
  setOrderTaxLinesForItemsStep,
} from "@medusajs/medusa/core-flows"

/*
 * The pieces of a till sale's order, each made of Medusa's own steps and workflows (so
 * each compensates what it did when a later step fails). A fresh sale is recorded
 * whole by `comptoir-record-sale` (`lean.ts`); these finish an order a try cut by a
 * crash left behind (`operations/sale.ts`, `settle`), each run only for what the order
 * lacks:
 *
 * - `comptoir-pay-tender`, once per missing tender: a payment collection of what the
 *   tender left in the till, marked paid (authorised and captured by the system
 *   provider).
 * - `comptoir-settle-sale`: the till's VAT rates as tax lines, the fulfilment at our
 *   location (which consumes the reservations made with the order: stock goes down
 *   there only), and completion; reservations a cut try left missing are made first.
 */

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
