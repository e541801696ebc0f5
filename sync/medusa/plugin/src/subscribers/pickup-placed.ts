import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { placePickup } from "../pickups/place"

/** A web order to collect at a store: give it its pickup code, reserve at that store. */
export default async function pickupPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await placePickup(container, event.data.id)
}

export const config: SubscriberConfig = { event: "order.placed" }
