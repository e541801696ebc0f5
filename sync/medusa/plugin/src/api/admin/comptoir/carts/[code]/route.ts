import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPTOIR_CART_CODE } from "../../../../../modules/comptoir-cart-code"
import type ComptoirCartCodeService from "../../../../../modules/comptoir-cart-code/service"
import { codeOf, codeView, convertedMessage, readCart } from "../../../../../web-carts/cart-view"

/**
 * `GET /admin/comptoir/carts/:code`: the web cart at the prices Medusa computed for it.
 * Unknown: 404 `not_found`; already sold: 410 `cart_converted`; expired: 410 `cart_expired`
 * (the reference server's answers, so the till tells the cashier the same sentences).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const code = codeOf(req.params.code)
  const codes = req.scope.resolve<ComptoirCartCodeService>(COMPTOIR_CART_CODE)
  const row = code ? await codes.byCode(code) : null
  const cart = row ? await readCart(req.scope, row.cart_id) : null
  if (!row || !cart) {
    res.status(404).json({ type: "not_found", message: `There is no cart with the code ${req.params.code}.` })
    return
  }
  if (row.sale_id) {
    res.status(410).json({ type: "cart_converted", message: convertedMessage(row) })
    return
  }
  if (new Date(row.expires_at).getTime() <= Date.now()) {
    res.status(410).json({ type: "cart_expired", message: `Cart ${row.id} expired at ${new Date(row.expires_at).toISOString()}.` })
    return
  }
  res.json(codeView(row, cart))
}
