import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { COMPTOIR_RETURNS } from "../modules/comptoir-returns"
import type ComptoirReturnsService from "../modules/comptoir-returns/service"
import { type ClaimInput, type CreditNoteRow, ReturnRefused } from "../modules/comptoir-returns/service"
import { findOrderId, type Origin, readOrigin } from "./origin"

/** What the till's return screens and the return ticket's push share: origins by code,
 * claims checked against Medusa's figures, the credit note's wire form. */

export function returnsOf(container: MedusaContainer): ComptoirReturnsService {
  return container.resolve<ComptoirReturnsService>(COMPTOIR_RETURNS)
}

export async function originByCode(container: MedusaContainer, code: string): Promise<Origin> {
  const id = await findOrderId(container, code)
  if (!id) throw new ReturnRefused("not_found", `There is no sale or web order ${code} in this store's Medusa.`, 404)
  return await readOrigin(container, id)
}

export type WantedLine = { origin_sale_id: string; origin_line_no: number; quantity: number }

/** Each wanted line with what Medusa lets go back at all; an unknown line is `not_found`,
 * a web order not delivered `not_handed_over`. */
export async function withLimits(container: MedusaContainer, wanted: WantedLine[]): Promise<ClaimInput[]> {
  const origins = new Map<string, Origin>()
  for (const id of new Set(wanted.map((w) => w.origin_sale_id))) origins.set(id, await originByCode(container, id))
  return wanted.map((w) => {
    const origin = origins.get(w.origin_sale_id)!
    if (!origin.handed_over) {
      throw new ReturnRefused("not_handed_over", `Web order ${origin.label} is not handed over yet: nothing of it can be returned.`)
    }
    const line = origin.lines.find((l) => l.line_no === w.origin_line_no)
    if (!line) throw new ReturnRefused("not_found", `${origin.label} has no line ${w.origin_line_no}.`, 404)
    return { ...w, origin_sale_id: origin.sale_id, returnable: line.returnable }
  })
}

export function creditNoteView(note: CreditNoteRow) {
  // A workflow's result comes back serialised: its dates as text.
  const expires = new Date(note.expires_at)
  const expired = expires.getTime() <= Date.now()
  return {
    code: note.code,
    issued_cents: note.issued_cents,
    balance_cents: note.balance_cents,
    status: note.balance_cents === 0 ? "spent" : expired ? "expired" : "active",
    issued_at: new Date(note.issued_at).toISOString(),
    expires_at: expires.toISOString(),
    issued_by: note.issued_by,
  }
}

/** A refusal as the till reads it ({type, message}); anything else goes on up. */
export async function answer(res: MedusaResponse, work: () => Promise<unknown>, status = 200): Promise<void> {
  try {
    res.status(status).json(await work())
  } catch (error) {
    if (!(error instanceof ReturnRefused)) throw error
    res.status(error.status).json({ type: error.code, message: error.message })
  }
}
