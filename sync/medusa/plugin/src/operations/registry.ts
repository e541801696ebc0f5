import { approval } from "./approval"
import { chainEntry } from "./chain-entry"
import { pickupTransition } from "./pickup-transition"
import { recordSale } from "./sale"
import { stockMovement } from "./stock-movement"
import { drawerOpened, saleCancelled } from "./till-acts"
import { cashMovement, tillSessionClosed, tillSessionOpened } from "./till-day"
import type { Handler } from "./types"

/**
 * The operation kinds this plugin applies, by the till's kind name. A kind missing here
 * is answered `rejected` / `not_supported` with a sentence, never dropped.
 */
export const HANDLERS: Record<string, Handler> = {
  approval,
  chain_entry: chainEntry,
  pickup_transition: pickupTransition,
  sale: recordSale,
  stock_movement: stockMovement,
  till_session_opened: tillSessionOpened,
  cash_movement: cashMovement,
  till_session_closed: tillSessionClosed,
  sale_cancelled: saleCancelled,
  drawer_opened: drawerOpened,
}
