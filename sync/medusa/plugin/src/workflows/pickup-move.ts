import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  deleteReservationsByLineItemsStep,
  deleteReservationsStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  updateOrdersStep,
  updateReservationsStep,
} from "@medusajs/medusa/core-flows"
import { settleHandoverPaymentStep } from "./settle-handover-payment"

/**
 * One pickup move, planned by the caller (`src/pickups/plan.ts`) after its version
 * check: each part optional. The metadata (state, version) is written first, so a
 * failure in a later step restores it with the rest (Medusa compensates the steps).
 */
export type PickupMovePlan = {
  order_id: string
  metadata: Record<string, unknown>
  /** Reservations cut to what was picked (or moved to the pickup location). */
  reservation_updates: { id: string; quantity: number; location_id?: string }[]
  reservation_deletes: string[]
  /** What is handed over, fulfilled at the pickup location (consuming reservations). */
  fulfil: { location_id: string; items: { id: string; quantity: number }[] } | null
  /** Lines whose remaining reservations are released after the handover. */
  release_line_items: string[]
  /**
   * Per line item, what was handed over: the payments are settled to its value
   * (`settle-handover-payment.ts`); null when nothing is handed over.
   */
  handover: Record<string, number> | null
  complete: boolean
  cancel: boolean
}

/** A move that changes only the order's metadata; the planner adds the rest. */
export function metadataOnlyPlan(orderId: string, metadata: Record<string, unknown>): PickupMovePlan {
  return {
    order_id: orderId,
    metadata,
    reservation_updates: [],
    reservation_deletes: [],
    fulfil: null,
    release_line_items: [],
    handover: null,
    complete: false,
    cancel: false,
  }
}

export const applyPickupMoveWorkflow = createWorkflow(
  "comptoir-apply-pickup-move",
  (plan: PickupMovePlan) => {
    updateOrdersStep({
      selector: { id: plan.order_id },
      update: { metadata: plan.metadata },
    } as any)
    when({ plan }, ({ plan }) => plan.reservation_updates.length > 0).then(() => {
      updateReservationsStep(plan.reservation_updates)
    })
    when({ plan }, ({ plan }) => plan.reservation_deletes.length > 0).then(() => {
      deleteReservationsStep(plan.reservation_deletes)
    })
    when({ plan }, ({ plan }) => plan.fulfil !== null).then(() => {
      const input = transform({ plan }, ({ plan }) => ({
        order_id: plan.order_id,
        location_id: plan.fulfil!.location_id,
        items: plan.fulfil!.items,
      }))
      const fulfillment = createOrderFulfillmentWorkflow.runAsStep({ input })
      const delivered = transform({ plan, fulfillment }, ({ plan, fulfillment }) => ({
        orderId: plan.order_id,
        fulfillmentId: fulfillment.id,
      }))
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({ input: delivered })
    })
    when({ plan }, ({ plan }) => plan.release_line_items.length > 0).then(() => {
      deleteReservationsByLineItemsStep(plan.release_line_items)
    })
    when({ plan }, ({ plan }) => plan.handover !== null).then(() => {
      const input = transform({ plan }, ({ plan }) => ({
        order_id: plan.order_id,
        given: plan.handover!,
      }))
      settleHandoverPaymentStep(input)
    })
    when({ plan }, ({ plan }) => plan.complete).then(() => {
      const input = transform({ plan }, ({ plan }) => ({ orderIds: [plan.order_id] }))
      completeOrderWorkflow.runAsStep({ input })
    })
    when({ plan }, ({ plan }) => plan.cancel).then(() => {
      const input = transform({ plan }, ({ plan }) => ({ order_id: plan.order_id }))
      cancelOrderWorkflow.runAsStep({ input })
    })
    return new WorkflowResponse(plan.order_id)
  }
)
