import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { codeOf, codeView, convertedMessage, readCart } from "../../../../../../web-carts/cart-view"
import { convertWebCartWorkflow } from "../../../../../../workflows/web-cart-code"

const Id = z.string().min(1).max(128)
const PostConvert = z
  .object({ sale_id: Id, terminal_id: Id.nullish(), store_id: Id.nullish() })
  .strict()

/**
 * `POST /admin/comptoir/carts/:code/convert {sale_id}`: till sale `sale_id` charged the
 * cart. Once: the same sale again gets the same answer (a retry after a lost reply);
 * another sale is 409 `cart_converted`, with a sentence naming the sale that has it.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = PostConvert.safeParse(req.body)
  if (!body.success) {
    const fields = body.error.issues.map((issue) => issue.path.join(".") || issue.message)
    res.status(400).json({ type: "invalid_data", message: `Invalid request: ${fields.join(", ")}.` })
    return
  }
  const code = codeOf(req.params.code)
  const { result } = code
    ? await convertWebCartWorkflow(req.scope).run({
        input: {
          code,
          sale_id: body.data.sale_id,
          terminal_id: body.data.terminal_id ?? null,
          store_id: body.data.store_id ?? null,
        },
      })
    : { result: { status: "not_found" as const } }
  if (result.status === "converted") {
    const cart = await readCart(req.scope, result.row.cart_id)
    res.json(codeView(result.row, cart ?? { id: result.row.cart_id }))
  } else if (result.status === "not_found") {
    res.status(404).json({ type: "not_found", message: `There is no cart with the code ${req.params.code}.` })
  } else if (result.status === "expired") {
    res.status(410).json({ type: "cart_expired", message: `Cart ${code} has expired.` })
  } else if (result.status === "other_sale") {
    res.status(409).json({ type: "cart_converted", message: convertedMessage(result.row) })
  }
}
