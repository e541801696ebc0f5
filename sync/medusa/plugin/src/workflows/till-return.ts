import type { IOrderModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundPaymentsWorkflow } from "@medusajs/medusa/core-flows"

export type TillReturnInput = {
  order_id: string
  /** Where the articles came back (the till's store). Medusa's return receives only:
   * the restocked lines' stock goes back by `../returns/restock` (exactly once, also for
   * lines Medusa's order no longer lets go back); the till's own movement stays local. */
  location_id: string
  return_id: string
  items: { id: string; quantity: number }[]
  /** Card refunds to this order's own payments (major units). */
  refunds: { payment_id: string; amount: number }[]
}

/**
 * Medusa's own return on the order, requested and received at once. Not
 * `createAndCompleteReturnOrderWorkflow`: with `receive_now` it receives every item of
 * the order in full (it maps `order.items`, not the returned ones), and it needs a
 * return shipping option a counter return has not. Each return item carries the till's
 * return id, so a try cut after this step finds its return.
 */
const createTillReturnStep = createStep(
  "comptoir-create-till-return",
  async (input: TillReturnInput, { container }) => {
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    const created = await orders.createReturn({
      order_id: input.order_id,
      location_id: input.location_id,
      requested_at: new Date(),
      no_notification: true,
      items: input.items.map((i) => ({ ...i, metadata: { comptoir_return_id: input.return_id } })),
    })
    return new StepResponse({ id: created.id as string }, input.order_id)
  },
  async (orderId, { container }) => {
    if (!orderId) return
    await container.resolve<IOrderModuleService>(Modules.ORDER).revertLastVersion(orderId)
  }
)

const receiveTillReturnStep = createStep(
  "comptoir-receive-till-return",
  async (input: { return_id: string; order_id: string; items: { id: string; quantity: number }[] }, { container }) => {
    const orders = container.resolve<IOrderModuleService>(Modules.ORDER)
    await orders.receiveReturn({ return_id: input.return_id, items: input.items } as any)
    return new StepResponse(undefined, input.order_id)
  },
  async (orderId, { container }) => {
    if (!orderId) return
    await container.resolve<IOrderModuleService>(Modules.ORDER).revertLastVersion(orderId)
  }
)

export const recordTillReturnWorkflow = createWorkflow("comptoir-record-till-return", function (input: TillReturnInput) {
  const created = createTillReturnStep(input)
  receiveTillReturnStep({ return_id: created.id, order_id: input.order_id, items: input.items })
  when("comptoir-till-return-refunds", { input }, ({ input }) => input.refunds.length > 0).then(() => {
    refundPaymentsWorkflow.runAsStep({ input: input.refunds })
  })
  return new WorkflowResponse(created)
})

/** Card refunds alone (a return whose Medusa return an earlier try already made). */
export const refundTillReturnWorkflow = createWorkflow(
  "comptoir-refund-till-return",
  function (input: { refunds: { payment_id: string; amount: number; note?: string }[] }) {
    refundPaymentsWorkflow.runAsStep({ input: input.refunds })
    return new WorkflowResponse(undefined)
  }
)
