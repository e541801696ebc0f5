import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205233000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "comptoir_cart_code" (` +
        `"id" text not null, "cart_id" text not null, "expires_at" timestamptz not null, ` +
        `"sale_id" text null, "converted_at" timestamptz null, ` +
        `"converted_terminal_id" text null, "converted_store_id" text null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_cart_code_pkey" primary key ("id"));`
    )
    this.addSql(
      `create unique index if not exists "IDX_comptoir_cart_code_cart_id_unique" ` +
        `on "comptoir_cart_code" ("cart_id") where deleted_at is null;`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_cart_code_deleted_at" ` +
        `on "comptoir_cart_code" ("deleted_at") where deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_cart_code" cascade;`)
  }
}
