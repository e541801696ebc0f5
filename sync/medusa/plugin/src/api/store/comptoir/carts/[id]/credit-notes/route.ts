import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ReturnRefused } from "../../../../../../modules/comptoir-returns/service"
import { answer, creditNoteView, returnsOf } from "../../../../../../returns/desk"
import { spendCreditNoteOnCartWorkflow } from "../../../../../../workflows/credit-note-cart"

/**
 * `POST /store/comptoir/carts/:id/credit-notes` {code}: the web shop spends a store
 * credit note on its cart, up to the cart's total, as a cart credit line. Once per cart
 * (asking again answers the credit note as it is). Unknown: 404; spent or expired: 409.
 */
export const POST = async (req: MedusaStoreRequest<{ code?: unknown }>, res: MedusaResponse) => {
  await answer(res, async () => {
    const code = String((req.body as { code?: unknown })?.code ?? "").trim().toUpperCase()
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "sales_channel_id", "completed_at", "total", "credit_lines.reference_id"],
      filters: { id: req.params.id },
    })
    const cart = data[0] as any
    const channels = req.publishable_key_context?.sales_channel_ids ?? []
    if (!cart || !channels.includes(String(cart.sales_channel_id))) {
      throw new ReturnRefused("not_found", `There is no cart ${req.params.id}.`, 404)
    }
    const note = await returnsOf(req.scope).creditNote(code)
    if (!note) throw new ReturnRefused("not_found", `There is no credit note ${code}.`, 404)
    if ((cart.credit_lines ?? []).some((l: any) => l?.reference_id === code)) return { credit_note: creditNoteView(note) }
    if (cart.completed_at) throw new ReturnRefused("cart_completed", `Cart ${cart.id} is already an order.`)
    const total = Math.round(Number(String(cart.total ?? 0)) * 100)
    const amount = Math.min(note.balance_cents, total)
    if (amount <= 0) {
      throw new ReturnRefused("credit_note_spent", `Credit note ${code} has nothing left to spend on this cart.`)
    }
    const { result } = await spendCreditNoteOnCartWorkflow(req.scope).run({
      input: { cart_id: cart.id, code, amount_cents: amount },
    })
    return { credit_note: creditNoteView(result), spent_cents: amount }
  })
}
