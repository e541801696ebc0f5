import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPTOIR_CHAIN_WITNESS } from "../../../../../../modules/comptoir-chain-witness"
import type ComptoirChainWitnessService from "../../../../../../modules/comptoir-chain-witness/service"

/**
 * `GET /admin/comptoir/terminals/{terminal_id}/chains`: what Medusa witnessed of this
 * terminal's signed chains: its registered keys, each chain's last entry and gaps, and
 * every flagged entry (`bad_signature`, `unknown_key`, `chain_break`, `chain_rewrite`).
 * With `?chain=event` (and `from_seq`, `limit` ≤ 1000): that chain's entries as kept.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const witness = req.scope.resolve<ComptoirChainWitnessService>(COMPTOIR_CHAIN_WITNESS)
  const terminalId = req.params.terminal_id
  const view = await witness.terminalView(terminalId)
  const chain = typeof req.query.chain === "string" ? req.query.chain : null
  if (!chain) {
    res.json({ terminal_id: terminalId, ...view })
    return
  }
  const fromSeq = Math.max(1, Number(req.query.from_seq) || 1)
  const limit = Math.min(1000, Math.max(1, Number(req.query.limit) || 100))
  const entries = await witness.entriesOf(terminalId, chain, fromSeq, limit)
  res.json({ terminal_id: terminalId, ...view, entries })
}
