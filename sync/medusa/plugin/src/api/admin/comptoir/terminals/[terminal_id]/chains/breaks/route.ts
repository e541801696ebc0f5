import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COMPTOIR_CHAIN_WITNESS } from "../../../../../../../modules/comptoir-chain-witness"
import type ComptoirChainWitnessService from "../../../../../../../modules/comptoir-chain-witness/service"
import type { PostChainBreaksBody } from "./validators"

/**
 * `POST /admin/comptoir/terminals/{terminal_id}/chains/breaks` `{chain, seqs}`: once a
 * push is applied, which of its entries follow a gap (their predecessor never came):
 * `{breaks: [seq, …]}`, each flagged `chain_break` in the witness.
 */
export const POST = async (req: MedusaRequest<PostChainBreaksBody>, res: MedusaResponse) => {
  const witness = req.scope.resolve<ComptoirChainWitnessService>(COMPTOIR_CHAIN_WITNESS)
  const { chain, seqs } = req.validatedBody
  const breaks = await witness.breaksAmong(req.params.terminal_id, chain, seqs)
  res.json({ terminal_id: req.params.terminal_id, chain, breaks })
}
