import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import { CART_QR_PREFIX, readCart } from "../../../../../../web-carts/cart-view"
import { giveCartCodeWorkflow } from "../../../../../../workflows/web-cart-code"

/**
 * `POST /store/comptoir/carts/:id/code`: the web shop asks for the short code (and QR
 * text) its customer shows at a till. Only a cart of the publishable key's channels,
 * not yet an order; asking again gives the same code.
 */
export const POST = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const cart = await readCart(req.scope, req.params.id)
  const channels = req.publishable_key_context?.sales_channel_ids ?? []
  if (!cart || !channels.includes(String(cart.sales_channel_id))) {
    res.status(404).json({ type: "not_found", message: `There is no cart ${req.params.id}.` })
    return
  }
  if (cart.completed_at) {
    res.status(409).json({
      type: "cart_completed",
      message: `Cart ${req.params.id} is already an order: it cannot be paid at a till.`,
    })
    return
  }
  const { result } = await giveCartCodeWorkflow(req.scope).run({ input: { cart_id: String(cart.id) } })
  res.json({
    cart_id: result.cart_id,
    code: result.id,
    qr_text: `${CART_QR_PREFIX}${result.id}`,
    expires_at: result.expires_at,
    state: result.sale_id ? "converted" : "open",
  })
}
