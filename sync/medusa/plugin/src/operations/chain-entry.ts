import { COMPTOIR_CHAIN_WITNESS } from "../modules/comptoir-chain-witness"
import type ComptoirChainWitnessService from "../modules/comptoir-chain-witness/service"
import { ChainEntryPayload, type ChainSeal, saleEntry } from "../chains/wire"
import { OperationRefused, type Handler } from "./types"

/**
 * `chain_entry`: one entry of a terminal's duplicate, closure, event (JET) or training
 * chain, kept whole (its body too) and witnessed: its signature checked against the
 * terminal's registered keys, its place against the entries witnessed before it. The
 * adapter sends one chain's entries in one lane, in order, so a missing one is a
 * `chain_break` at once. Anomalies are warnings: the entry is kept as evidence.
 */
export const chainEntry: Handler = async ({ container, op }) => {
  const parsed = ChainEntryPayload.safeParse(op.payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new OperationRefused("invalid_payload", `${issue.path.join(".")}: ${issue.message}`)
  }
  const { entry } = parsed.data
  const witness = container.resolve<ComptoirChainWitnessService>(COMPTOIR_CHAIN_WITNESS)
  const warnings = await witness.witness(entry, {
    op_id: op.op_id,
    keepBody: true,
    gapIsBreak: entry.chain !== "ticket",
  })
  return { status: "accepted", warnings }
}

/**
 * A sale's seal, witnessed before its order is made (so a sale Medusa refuses is still
 * witnessed as sold at the till). Its body is rebuilt from the record the sale carries:
 * figures edited after signing answer `bad_signature`.
 */
export async function witnessSale(
  container: Parameters<Handler>[0]["container"],
  opId: string,
  rawSale: unknown,
  seal: ChainSeal
): Promise<string[]> {
  const witness = container.resolve<ComptoirChainWitnessService>(COMPTOIR_CHAIN_WITNESS)
  return await witness.witness(saleEntry(rawSale, seal), { op_id: opId, keepBody: false, gapIsBreak: false })
}
