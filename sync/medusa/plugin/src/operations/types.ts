import type { MedusaContainer } from "@medusajs/framework/types"

/** Where a batch's operations happen: the till's terminal, channel, location, region. */
export type TillScope = {
  terminal_id: string
  sales_channel_id: string
  stock_location_id: string
  region_id: string
}

export type TillOperation = {
  op_id: string
  kind: string
  /** Operations sharing a lane are applied one after the other, in batch order. */
  lane: string
  payload: Record<string, unknown>
}

/** What the till reads back for one operation (the reference server's outcome shape). */
export type Outcome = {
  op_id: string
  status: "accepted" | "duplicate" | "rejected" | "retry"
  code?: string
  reason?: string
  warnings?: string[]
  [key: string]: unknown
}

/** The answer of a handler: `retry` leaves the claim for a later try (nothing applied). */
export type HandlerAnswer =
  | { status: "accepted"; warnings?: string[]; [key: string]: unknown }
  | { status: "rejected"; code: string; reason: string }
  | { status: "retry"; reason: string }

export type OperationContext = {
  container: MedusaContainer
  scope: TillScope
  op: TillOperation
  /** What an earlier, interrupted try of this operation recorded (null the first time). */
  progress: Record<string, unknown> | null
  /** True when no earlier try ever held this operation: nothing of it can exist yet. */
  firstTry: boolean
  /** Records a step, so that a crash after it resumes from there. */
  saveProgress: (progress: Record<string, unknown>) => Promise<void>
}

export type Handler = (context: OperationContext) => Promise<HandlerAnswer>

/** A refusal a handler throws: the operation is answered `rejected` with this code. */
export class OperationRefused extends Error {
  constructor(
    public readonly code: string,
    reason: string
  ) {
    super(reason)
  }
}
