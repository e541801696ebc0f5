import { performance } from "node:perf_hooks"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { keptTenders, type SalePayload } from "../workflows/record-sale/plan"
import { leanOrderInput, lineFulfilments, SALE_VARIANT_FIELDS } from "../workflows/record-sale/lean-order"
import { recordSaleWorkflow } from "../workflows/record-sale/lean"
import { shortfall, type Variant } from "./sale-stock"
import { batchSaleVariantIds } from "./batch"
import type { TillScope } from "./types"

/*
 * A fresh sale (no earlier try ever held it) in one workflow (`record-sale/lean.ts`),
 * with what does not change within a batch looked up once per batch: the dispatcher
 * hands every operation of a batch the same scope object, so the look-ups are cached
 * by it and forgotten with it.
 */

type Place = {
  location: { id: string } & Record<string, unknown>
  options: { id: string; provider_id: string; shipping_profile_id: string }[]
}

const places = new WeakMap<TillScope, Promise<Place>>()

/** Our location (as createFulfillmentWorkflow reads it) and its shipping options. */
function placeOf(container: MedusaContainer, scope: TillScope): Promise<Place> {
  let place = places.get(scope)
  if (!place) {
    place = readPlace(container, scope)
    place.catch(() => places.delete(scope))
    places.set(scope, place)
  }
  return place
}

async function readPlace(container: MedusaContainer, scope: TillScope): Promise<Place> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: locations }, { data: options }] = await Promise.all([
    query.graph({
      entity: "stock_location",
      fields: [
        "id",
        "name",
        "metadata",
        "created_at",
        "updated_at",
        "address.id",
        "address.address_1",
        "address.address_2",
        "address.city",
        "address.country_code",
        "address.phone",
        "address.province",
        "address.postal_code",
        "address.metadata",
      ],
      filters: { id: scope.stock_location_id },
    }),
    query.graph({
      entity: "shipping_option",
      fields: ["id", "provider_id", "shipping_profile_id", "service_zone.fulfillment_set.location.id"],
    }),
  ])
  if (!locations[0]) throw new Error(`stock location ${scope.stock_location_id} does not exist`)
  const here = (options as any[]).filter(
    (o) => o.service_zone?.fulfillment_set?.location?.id === scope.stock_location_id
  )
  return { location: locations[0] as Place["location"], options: here }
}

const variantsByBatch = new WeakMap<TillScope, Map<string, Promise<Variant | null>>>()

/**
 * The variants a sale sells, with those of every other sale of its batch read in the
 * same query the first time (a drain's batch of sales shares one look-up). Unknown
 * ids are not in the map.
 */
export async function batchVariants(
  container: MedusaContainer,
  scope: TillScope,
  ids: string[]
): Promise<Map<string, Variant>> {
  let known = variantsByBatch.get(scope)
  if (!known) variantsByBatch.set(scope, (known = new Map()))
  const wanted = ids.filter((id) => !known!.has(id))
  if (wanted.length) {
    const batch = new Set([...wanted, ...batchSaleVariantIds(scope)].filter((id) => !known!.has(id)))
    const read = readVariants(container, [...batch])
    read.catch(() => batch.forEach((id) => known!.delete(id)))
    for (const id of batch) known.set(id, read.then((found) => found.get(id) ?? null))
  }
  const found = await Promise.all(ids.map((id) => known!.get(id)!))
  return new Map(found.filter((v): v is Variant => v !== null).map((v) => [v.id, v]))
}

async function readVariants(container: MedusaContainer, ids: string[]): Promise<Map<string, Variant>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: SALE_VARIANT_FIELDS, filters: { id: ids } })
  return new Map((data as Variant[]).map((v) => [v.id, v]))
}

/** Our location's shipping option (the pickup one) for the sale's shipping profile: a
 * fulfilment names one, and Medusa checks its profile against the products'. */
export async function shippingOptionFor(
  container: MedusaContainer,
  scope: TillScope,
  payload: SalePayload,
  variants: Map<string, Variant>
): Promise<{ id: string; provider_id: string }> {
  const { options } = await placeOf(container, scope)
  const profiles = new Set(
    payload.sale.lines.map((l) => variants.get(l.variant_id)?.product?.shipping_profile?.id).filter(Boolean)
  )
  const option = options.find((o) => profiles.size === 0 || profiles.has(o.shipping_profile_id)) ?? options[0]
  if (!option) {
    throw new Error(`stock location ${scope.stock_location_id} has no shipping option to fulfil the sale at`)
  }
  return option
}

/** A recorded sale: its order, Medusa's total of it and whether our stock was raised
 * (unknown, null, for an order an earlier try began). */
export type RecordedSale = { order_id: string; total: unknown; stock_corrected: boolean | null }

/**
 * The whole sale, once the stock Medusa sees covers it. A web order or another Medusa
 * instance may take that stock between our look and the reservation ("Some variant
 * does not have the required inventory"): the workflow then compensates (our top-up
 * undone, the order deleted) and we look again.
 */
export async function recordFreshSale(
  container: MedusaContainer,
  scope: TillScope,
  payload: SalePayload,
  variants: Map<string, Variant>,
  beforeRun: (stock: Awaited<ReturnType<typeof shortfall>>) => Promise<void> = async () => {}
): Promise<RecordedSale> {
  const [place, option] = await Promise.all([
    placeOf(container, scope),
    shippingOptionFor(container, scope, payload, variants),
  ])
  const lines = lineFulfilments(payload, variants)
  const tenders = keptTenders(payload).map((t) => t.cents / 100)
  for (let attempt = 1; ; attempt++) {
    const stock = await profiled("shortfall", () => shortfall(container, scope, payload, variants))
    await profiled("before", () => beforeRun(stock))
    try {
      const { result } = await profiled("workflow", () =>
        recordSaleWorkflow(container).run({
          input: {
            order: leanOrderInput(payload, scope, stock.corrected, variants) as Record<string, unknown>,
            missing_levels: stock.missing,
            top_ups: stock.topUps,
            lines,
            tenders,
            location: place.location,
            shipping_option: { id: option.id, provider_id: option.provider_id },
          },
        })
      )
      return { order_id: result.order_id as string, total: result.total, stock_corrected: stock.corrected }
    } catch (error) {
      const message = String((error as { message?: unknown })?.message ?? "")
      if (attempt >= 4 || !/inventory|stock/i.test(message)) throw error
    }
  }
}

const PROFILE = !!process.env.COMPTOIR_PLUGIN_PROFILE
const totals = new Map<string, { n: number; ms: number }>()

/**
 * `COMPTOIR_PLUGIN_PROFILE=1`: each piece of a sale timed, the running mean of each
 * logged every 50 sales (where a sale's time goes is what the drain's speed is about).
 */
export async function profiled<T>(label: string, job: () => Promise<T>): Promise<T> {
  if (!PROFILE) return await job()
  const started = performance.now()
  try {
    return await job()
  } finally {
    const entry = totals.get(label) ?? { n: 0, ms: 0 }
    entry.n += 1
    entry.ms += performance.now() - started
    totals.set(label, entry)
    if (label === "sale" && entry.n % 50 === 0) {
      const means = [...totals].map(([name, t]) => `${name} ${(t.ms / t.n).toFixed(1)} ms`).join(", ")
      console.log(`comptoir profile over ${entry.n} sales: ${means}`)
    }
  }
}
