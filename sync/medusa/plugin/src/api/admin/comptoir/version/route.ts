import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FEEDS } from "../../../../feeds/registry"
import { HANDLERS } from "../../../../operations/registry"

/** Bumped when the till-facing contract changes; the adapter refuses an older one. */
export const API_VERSION = 1
export const PLUGIN_VERSION = "0.1.0"

/** `GET /admin/comptoir/version`: lets `comptoir link-medusa` tell the plugin is there. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    plugin: "comptoir-medusa-plugin",
    version: PLUGIN_VERSION,
    api: API_VERSION,
    operations: Object.keys(HANDLERS).sort(),
    feeds: Object.keys(FEEDS).sort(),
    // Route families the till may call: returns = origins, claims and credit notes.
    features: ["returns"],
  })
}
