// Medusa v2 configuration for Comptoir's integration tests: no admin dashboard, no
// telemetry, no Redis (in-memory event bus, cache and workflow engine), PostgreSQL from
// DATABASE_URL (tests/support/medusa_peer.py starts a throw-away cluster and sets it).
const { defineConfig } = require("@medusajs/framework/utils")

process.env.MEDUSA_DISABLE_TELEMETRY = "true"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    // Shared locks are transaction-scoped advisory locks, each holding a connection while
    // its step runs: room for them beside the work they guard.
    ...(process.env.COMPTOIR_MEDUSA_LOCKING === "postgres" ? { databaseDriverOptions: { pool: { max: 24 } } } : {}),
    http: {
      storeCors: process.env.STORE_CORS || "http://127.0.0.1",
      adminCors: process.env.ADMIN_CORS || "http://127.0.0.1",
      authCors: process.env.AUTH_CORS || "http://127.0.0.1",
      jwtSecret: process.env.JWT_SECRET || "comptoir-test-only",
      cookieSecret: process.env.COOKIE_SECRET || "comptoir-test-only",
    },
  },
  admin: {
    disable: true,
  },
  // Comptoir's plugin (sync/medusa/plugin), copied into node_modules by
  // tests/support/medusa_plugin.py; COMPTOIR_MEDUSA_PLUGIN=0 runs a store without it.
  // Several Medusa processes (`medusa start --cluster N`, tests/support/medusa_peer.py)
  // must share their locks: Medusa's own steps and the plugin's sales lock inventory
  // items through the locking module, whose default provider is in-process.
  modules:
    process.env.COMPTOIR_MEDUSA_LOCKING === "postgres"
      ? [
          {
            resolve: "@medusajs/medusa/locking",
            options: {
              providers: [
                { resolve: "@medusajs/medusa/locking-postgres", id: "locking-postgres", is_default: true },
              ],
            },
          },
        ]
      : [],
  plugins:
    process.env.COMPTOIR_MEDUSA_PLUGIN === "0"
      ? []
      : [{ resolve: "comptoir-medusa-plugin", options: {} }],
})
