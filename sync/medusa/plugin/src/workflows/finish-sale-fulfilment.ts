import type { InventoryTypes, LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  adjustInventoryLevelsStep,
  createRemoteLinkStep,
  deleteReservationsStep,
  registerOrderFulfillmentStep,
} from "@medusajs/medusa/core-flows"

/*
 * What Medusa's `createOrderFulfillmentWorkflow` does after it created the fulfilment,
 * done by hand for a fulfilment a killed Medusa left half-way (the in-memory workflow
 * engine forgets the run, so nothing compensates it). Its own order is: the fulfilment,
 * then the stock adjustment at the location, then side by side the order's fulfilment
 * registration, the order↔fulfilment link and the reservations' deletion. The caller
 * (`operations/sale-fulfilment.ts`) says which of these are still missing; each is
 * Medusa's own step. The reservations go last: "no reservation left" then still means
 * "stock already taken" for a cut inside this workflow too.
 */

export type FinishSaleFulfilmentInput = {
  order_id: string
  fulfillment_id: string
  /** The stock the fulfilment did not take yet at our location (negative adjustments). */
  adjust: InventoryTypes.BulkAdjustInventoryLevelInput[]
  link: boolean
  /** The order's items and quantities to register as fulfilled, if not registered yet. */
  register: { id: string; quantity: number }[] | null
  reservation_ids: string[]
}

export const finishSaleFulfilmentWorkflow = createWorkflow(
  "comptoir-finish-sale-fulfilment",
  function (input: FinishSaleFulfilmentInput) {
    when("comptoir-finish-adjust", { input }, ({ input }) => input.adjust.length > 0).then(() => {
      adjustInventoryLevelsStep(input.adjust)
    })
    when("comptoir-finish-link", { input }, ({ input }) => input.link).then(() => {
      const link = transform({ input }, ({ input }): LinkDefinition[] => [
        {
          [Modules.ORDER]: { order_id: input.order_id },
          [Modules.FULFILLMENT]: { fulfillment_id: input.fulfillment_id },
        },
      ])
      createRemoteLinkStep(link)
    })
    when("comptoir-finish-register", { input }, ({ input }) => input.register !== null).then(() => {
      const registration = transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        reference: Modules.FULFILLMENT,
        reference_id: input.fulfillment_id,
        items: input.register!,
      }))
      registerOrderFulfillmentStep(registration)
    })
    when("comptoir-finish-reservations", { input }, ({ input }) => input.reservation_ids.length > 0).then(
      () => {
        deleteReservationsStep(input.reservation_ids)
      }
    )
    return new WorkflowResponse({ fulfillment_id: input.fulfillment_id })
  }
)
