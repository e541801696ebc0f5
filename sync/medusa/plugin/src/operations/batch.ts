import type { TillOperation, TillScope } from "./types"

/*
 * The batch each scope object came with: the dispatcher hands every operation of one
 * request the same scope, so what a handler looks up for the whole batch is keyed by
 * it and forgotten with it.
 */
const batches = new WeakMap<TillScope, TillOperation[]>()

/** The variant ids every sale of the batch `scope` belongs to sells (a batch's sales
 * share their look-ups, `sale-record.ts`). */
export function batchSaleVariantIds(scope: TillScope): string[] {
  const ids = new Set<string>()
  for (const op of batches.get(scope) ?? []) {
    if (op.kind !== "sale") continue
    const lines = (op.payload as { sale?: { lines?: unknown } })?.sale?.lines
    if (!Array.isArray(lines)) continue
    for (const line of lines) {
      const id = (line as { variant_id?: unknown })?.variant_id
      if (typeof id === "string" && id) ids.add(id)
    }
  }
  return [...ids]
}

export function registerBatch(scope: TillScope, operations: TillOperation[]): void {
  batches.set(scope, operations)
}
