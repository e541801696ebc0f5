import { readFileSync, writeFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createReservationsWorkflow,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"
import { holds, type Variant } from "../operations/sale-stock"
import type { TillScope } from "../operations/types"
import { keptTenders, orderInput, type SalePayload } from "../workflows/record-sale/plan"

/**
 * The benchmark's floor: Medusa's own order creation for the same sales the plugin
 * records, with none of the plugin's work (no HTTP, no ledger, no look-ups, no locks).
 * Per sale, in the plugin's order: `createOrderWorkflow` with the input `plan.ts` builds,
 * its reservations at our location (Medusa's fulfilment needs them), one payment
 * collection marked paid per kept tender, the fulfilment there, completion.
 *
 * Run by Medusa itself, from the Medusa project (`tests/medusa`):
 *   node node_modules/@medusajs/cli/cli.js exec \
 *     node_modules/comptoir-medusa-plugin/.medusa/server/src/scripts/order-floor.js IN OUT
 * IN: {scope, sales: [sale payloads]}; OUT receives {times_ms: [...], orders: [...],
 * wall_ms}. An optional third argument runs that many sales side by side (as the
 * plugin's lanes do): the floor of a drain's throughput, `wall_ms` for all of them.
 * The look-ups each sale needs (variants, the shipping option) are made once, before
 * the clock starts: they are the plugin's work, not Medusa's.
 */
export default async function orderFloor({ container, args }: ExecArgs) {
  const [inputPath, outputPath, side] = args
  if (!inputPath || !outputPath) throw new Error("usage: order-floor.js INPUT.json OUTPUT.json [SIDE_BY_SIDE]")
  const { scope, sales } = JSON.parse(readFileSync(inputPath, "utf8")) as {
    scope: TillScope
    sales: SalePayload[]
  }
  const variants = await variantsOf(container, sales)
  const shippingOptionId = await shippingOptionAt(container, scope.stock_location_id)

  const times: number[] = []
  const orders: string[] = []
  const queue = [...sales]
  const begun = performance.now()
  const worker = async () => {
    for (let payload = queue.shift(); payload; payload = queue.shift()) {
      await one(payload)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Number(side ?? 1)) }, worker))
  writeFileSync(outputPath, JSON.stringify({ times_ms: times, orders, wall_ms: performance.now() - begun }))

  async function one(payload: SalePayload): Promise<void> {
    const started = performance.now()
    const { result: order } = await createOrderWorkflow(container).run({
      input: orderInput(payload, scope, false) as any,
    })
    const lines = new Map(payload.sale.lines.map((line) => [line.line_no, line]))
    const items = ((order as any).items ?? []) as { id: string; metadata: Record<string, unknown> }[]
    const lineOf = (item: { metadata: Record<string, unknown> }) => lines.get(Number(item.metadata?.comptoir_line_no))!
    const reservations = items.flatMap((item) =>
      holds(scope, lineOf(item), variants).map((hold) => ({ ...hold, line_item_id: item.id }))
    )
    if (reservations.length) {
      await createReservationsWorkflow(container).run({ input: { reservations } })
    }
    for (const tender of keptTenders(payload)) {
      const { result: collections } = await createOrderPaymentCollectionWorkflow(container).run({
        input: { order_id: order.id, amount: tender.cents / 100 },
      })
      await markPaymentCollectionAsPaid(container).run({
        input: { order_id: order.id, payment_collection_id: collections[0].id },
      })
    }
    await createOrderFulfillmentWorkflow(container).run({
      input: {
        order_id: order.id,
        items: items.map((item) => ({ id: item.id, quantity: lineOf(item).quantity })),
        location_id: scope.stock_location_id,
        shipping_option_id: shippingOptionId,
        no_notification: true,
      },
    })
    await completeOrderWorkflow(container).run({ input: { orderIds: [order.id] } })
    times.push(performance.now() - started)
    orders.push(order.id)
  }
}

async function variantsOf(container: ExecArgs["container"], sales: SalePayload[]): Promise<Map<string, Variant>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(sales.flatMap((payload) => payload.sale.lines.map((line) => line.variant_id)))]
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: ids },
  })
  return new Map((data as Variant[]).map((variant) => [variant.id, variant]))
}

async function shippingOptionAt(container: ExecArgs["container"], locationId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "service_zone.fulfillment_set.location.id"],
  })
  const option = (data as any[]).find((o) => o.service_zone?.fulfillment_set?.location?.id === locationId)
  if (!option) throw new Error(`stock location ${locationId} has no shipping option`)
  return option.id
}
