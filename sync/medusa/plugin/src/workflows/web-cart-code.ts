import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { COMPTOIR_CART_CODE } from "../modules/comptoir-cart-code"
import type ComptoirCartCodeService from "../modules/comptoir-cart-code/service"
import type { CartCodeRow, Conversion } from "../modules/comptoir-cart-code/service"

const giveCartCodeStep = createStep(
  "comptoir-give-cart-code",
  async (input: { cart_id: string }, { container }) => {
    const codes = container.resolve<ComptoirCartCodeService>(COMPTOIR_CART_CODE)
    const { row, created } = await codes.codeFor(input.cart_id)
    return new StepResponse(row, created ? row.id : null)
  },
  // Only a code this run made is forgotten: an older one may already be on a receipt.
  async (code, { container }) => {
    if (!code) return
    await container.resolve<ComptoirCartCodeService>(COMPTOIR_CART_CODE).forget(code)
  }
)

/** A web cart's short code for the till (the same code every time it is asked). */
export const giveCartCodeWorkflow = createWorkflow(
  "comptoir-give-cart-code",
  (input: { cart_id: string }) => new WorkflowResponse<CartCodeRow>(giveCartCodeStep(input))
)

export type ConvertInput = {
  code: string
  sale_id: string
  terminal_id: string | null
  store_id: string | null
}

const convertCartStep = createStep(
  "comptoir-convert-web-cart",
  async (input: ConvertInput, { container }) => {
    const codes = container.resolve<ComptoirCartCodeService>(COMPTOIR_CART_CODE)
    const conversion = await codes.convert(input)
    const made = conversion.status === "converted" && conversion.now
    return new StepResponse(conversion, made ? { code: input.code, sale_id: input.sale_id } : null)
  },
  // Undo only what this run did: a retry of the same sale must not free the cart.
  async (undo, { container }) => {
    if (!undo) return
    await container
      .resolve<ComptoirCartCodeService>(COMPTOIR_CART_CODE)
      .unconvert(undo.code, undo.sale_id)
  }
)

/** Records that a till sale charged the web cart: once, for that sale only. */
export const convertWebCartWorkflow = createWorkflow(
  "comptoir-convert-web-cart",
  (input: ConvertInput) => new WorkflowResponse<Conversion>(convertCartStep(input))
)
