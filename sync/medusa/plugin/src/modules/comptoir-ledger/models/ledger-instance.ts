import { model } from "@medusajs/framework/utils"

/**
 * One running Medusa process that has claimed till operations, and when it last said it
 * was alive. A claim held by an instance whose heartbeat stopped belongs to a process
 * that died (a crash, a kill): it is taken over at once instead of after the lease, while
 * a live instance's claims (another Medusa behind the same load balancer) are left be.
 */
export const LedgerInstance = model.define("comptoir_ledger_instance", {
  id: model.text().primaryKey(),
  heartbeat_at: model.dateTime(),
})
