import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The till's stock movements applied to Medusa's levels, one row per op id. */
export class Migration20261206020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "comptoir_stock_movement" (` +
        `"id" text not null, "terminal_id" text not null, "variant_id" text not null, ` +
        `"sku" text not null, "reason" text not null, "delta" integer not null, ` +
        `"ref" text null, "location_id" text not null, "levels" jsonb not null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_stock_movement_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_stock_movement_deleted_at" ` +
        `on "comptoir_stock_movement" ("deleted_at") where deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_stock_movement" cascade;`)
  }
}
