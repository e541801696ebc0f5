import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  deleteReservationsByLineItemsStep,
  deleteReservationsStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  updateOrdersStep,
  updateReservationsStep,
} from "@medusajs/medusa/core-flows"

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
  capture_payment_ids: string[]
  complete: boolean
  cancel: boolean
}

/**
 * Captures the order's authorised payments when the goods are handed over. No
 * compensation: it is the last step but completion, and a retried move finds the
 * payments captured and skips them.
 */
const capturePickupPaymentsStep = createStep(
  "comptoir-capture-pickup-payments",
  async (paymentIds: string[], { container }) => {
    for (const paymentId of paymentIds) {
      await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId } })
    }
    return new StepResponse(paymentIds.length)
  }
)

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
    when({ plan }, ({ plan }) => plan.capture_payment_ids.length > 0).then(() => {
      capturePickupPaymentsStep(plan.capture_payment_ids)
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
