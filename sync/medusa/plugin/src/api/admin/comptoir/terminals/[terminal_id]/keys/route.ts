import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPTOIR_CHAIN_WITNESS } from "../../../../../../modules/comptoir-chain-witness"
import type ComptoirChainWitnessService from "../../../../../../modules/comptoir-chain-witness/service"
import { KeyRefused } from "../../../../../../modules/comptoir-chain-witness/service"
import type { PostTerminalKeysBody } from "./validators"

/**
 * `POST /admin/comptoir/terminals/{terminal_id}/keys`: `comptoir link-medusa` registers
 * the terminal's public keys (each after the first introduced by the one before), so
 * the plugin checks every entry the till pushes. Answers the last key's id as
 * acknowledged; a key whose introduction does not verify is refused (400), nothing kept.
 */
export const POST = async (req: MedusaRequest<PostTerminalKeysBody>, res: MedusaResponse) => {
  const witness = req.scope.resolve<ComptoirChainWitnessService>(COMPTOIR_CHAIN_WITNESS)
  const terminalId = req.params.terminal_id
  const keys = req.validatedBody.keys
  try {
    const done = await witness.registerKeys(terminalId, keys)
    res.json({ terminal_id: terminalId, key_id: keys[keys.length - 1].key_id, ...done })
  } catch (error) {
    if (error instanceof KeyRefused) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    throw error
  }
}
