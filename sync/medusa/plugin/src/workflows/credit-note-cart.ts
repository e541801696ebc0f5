import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartCreditLinesWorkflow } from "@medusajs/medusa/core-flows"
import { COMPTOIR_RETURNS } from "../modules/comptoir-returns"
import type ComptoirReturnsService from "../modules/comptoir-returns/service"

export type CartCreditInput = { cart_id: string; code: string; amount_cents: number }

/** The debit, idempotent by the cart (`web:<cart id>`); given back if the credit line fails. */
const debitForCartStep = createStep(
  "comptoir-debit-credit-note-for-cart",
  async (input: CartCreditInput, { container }) => {
    const returns = container.resolve<ComptoirReturnsService>(COMPTOIR_RETURNS)
    const op_id = `web:${input.cart_id}`
    const { note } = await returns.debit(input.code, { op_id, amount_cents: input.amount_cents, channel: "web" }, { force: false })
    return new StepResponse(note, { code: input.code, op_id })
  },
  async (debit, { container }) => {
    if (!debit) return
    await container.resolve<ComptoirReturnsService>(COMPTOIR_RETURNS).reverse(debit.code, debit.op_id)
  }
)

/**
 * A credit note spent on a web cart: Medusa 2.21 has no open-source gift card or store
 * credit module, but carts carry credit lines (`createCartCreditLinesWorkflow`), which
 * lower the cart's total and become the order's credit lines when it completes. The
 * credit note is debited first, then the credit line made (the debit reversed if not).
 */
export const spendCreditNoteOnCartWorkflow = createWorkflow(
  "comptoir-spend-credit-note-on-cart",
  function (input: CartCreditInput) {
    const note = debitForCartStep(input)
    const lines = transform({ input }, ({ input }) => [
      {
        cart_id: input.cart_id,
        amount: input.amount_cents / 100, // Medusa's major units
        reference: "comptoir_credit_note",
        reference_id: input.code,
        metadata: { comptoir_debit: `web:${input.cart_id}` },
      },
    ])
    createCartCreditLinesWorkflow.runAsStep({ input: lines })
    return new WorkflowResponse(note)
  }
)
