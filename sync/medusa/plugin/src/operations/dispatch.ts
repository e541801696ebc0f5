import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { canonical } from "../chains/canonical"
import { COMPTOIR_LEDGER } from "../modules/comptoir-ledger"
import type ComptoirLedgerService from "../modules/comptoir-ledger/service"
import type { OperationResult } from "../modules/comptoir-ledger/service"
import { registerBatch } from "./batch"
import { HANDLERS } from "./registry"
import { OperationRefused, type Outcome, type TillOperation, type TillScope } from "./types"

/** Lanes applied side by side; each lane in order. Medusa's work is mostly PostgreSQL's. */
export const LANE_WORKERS = 4

export function fingerprint(op: TillOperation): string {
  return createHash("sha256")
    .update(op.kind)
    .update("\u0000")
    .update(canonical(op.payload))
    .digest("hex")
}

/**
 * Kinds whose handler is idempotent by itself, applied without a ledger claim: the
 * witness keys a chain entry by its terminal, chain, seq and signature. A terminal linked
 * again from a fresh data folder reuses op ids (`chain:<terminal>:<chain>:<seq>`) for
 * other entries: the witness must see them (`chain_rewrite`), not the ledger refuse them
 * (`op_id_reused`).
 */
const OWN_IDEMPOTENCE = new Set(["chain_entry"])

async function applyUnclaimed(container: MedusaContainer, scope: TillScope, op: TillOperation): Promise<Outcome> {
  try {
    const answer = await HANDLERS[op.kind]({
      container,
      scope,
      op,
      progress: null,
      firstTry: false,
      saveProgress: async () => {},
    })
    if (answer.status === "retry") return { op_id: op.op_id, status: "retry", reason: answer.reason }
    return { ...answer, op_id: op.op_id } as Outcome
  } catch (error) {
    if (error instanceof OperationRefused) {
      return { op_id: op.op_id, status: "rejected", code: error.code, reason: error.message }
    }
    return { op_id: op.op_id, status: "retry", reason: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Applies a batch: operations of one lane in order, lanes side by side. A lane stops at
 * an operation answered `retry` (a later move must not run on a state the earlier one
 * did not leave); the rest of that lane is answered `retry` too.
 */
export async function applyBatch(
  container: MedusaContainer,
  scope: TillScope,
  operations: TillOperation[]
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(operations.length)
  registerBatch(scope, operations)
  const lanes = new Map<string, number[]>()
  operations.forEach((op, index) => {
    const lane = lanes.get(op.lane) ?? []
    lane.push(index)
    lanes.set(op.lane, lane)
  })
  const queue = [...lanes.values()]
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) {
      let blocked: string | null = null
      for (const index of lane) {
        const op = operations[index]
        outcomes[index] = blocked
          ? { op_id: op.op_id, status: "retry", reason: blocked }
          : await applyOne(container, scope, op)
        if (outcomes[index].status === "retry" && !blocked) {
          blocked = `waits for ${op.op_id}: ${outcomes[index].reason ?? "retry"}`
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(LANE_WORKERS, queue.length) }, worker))
  return outcomes
}

export async function applyOne(
  container: MedusaContainer,
  scope: TillScope,
  op: TillOperation
): Promise<Outcome> {
  const ledger = container.resolve<ComptoirLedgerService>(COMPTOIR_LEDGER)
  const handler = HANDLERS[op.kind]
  if (!handler) {
    return {
      op_id: op.op_id,
      status: "rejected",
      code: "not_supported",
      reason: `This version of the Comptoir plugin does not apply ${op.kind} operations.`,
    }
  }
  if (OWN_IDEMPOTENCE.has(op.kind)) return await applyUnclaimed(container, scope, op)
  const claim = await ledger.claim({
    id: op.op_id,
    kind: op.kind,
    terminal_id: scope.terminal_id,
    fingerprint: fingerprint(op),
  })
  if (!claim.claimed) {
    if (!claim.sameContent) {
      return {
        op_id: op.op_id,
        status: "rejected",
        code: "op_id_reused",
        reason: `Operation ${op.op_id} was already received with other content.`,
      }
    }
    if (claim.status === "in_progress") {
      return { op_id: op.op_id, status: "retry", reason: "being applied by another request" }
    }
    const first = claim.result as OperationResult
    return first.status === "accepted" ? { ...first, op_id: op.op_id, status: "duplicate" } : first
  }
  const token = claim.token
  try {
    const answer = await handler({
      container,
      scope,
      op,
      progress: claim.progress,
      firstTry: claim.first,
      saveProgress: async (progress) => {
        if (!(await ledger.saveProgress(op.op_id, token, progress))) {
          throw new Error(`lost the claim on ${op.op_id}`)
        }
      },
    })
    if (answer.status === "retry") {
      await ledger.release(op.op_id, token)
      return { op_id: op.op_id, status: "retry", reason: answer.reason }
    }
    const result = { ...answer, op_id: op.op_id } as OperationResult
    await ledger.finish(op.op_id, token, result)
    return result as Outcome
  } catch (error) {
    if (error instanceof OperationRefused) {
      const result: OperationResult = {
        op_id: op.op_id,
        status: "rejected",
        code: error.code,
        message: error.message,
        reason: error.message,
      }
      await ledger.finish(op.op_id, token, result)
      return result as Outcome
    }
    await ledger.release(op.op_id, token)
    const reason = error instanceof Error ? error.message : String(error)
    return { op_id: op.op_id, status: "retry", reason }
  }
}
