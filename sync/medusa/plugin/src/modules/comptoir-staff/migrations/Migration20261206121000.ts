import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The stores' till staff (argon2id PIN hashes only), served to the tills as a feed. */
export class Migration20261206121000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "comptoir_staff" (` +
        `"id" text not null, "display_name" text not null, ` +
        `"role" text check ("role" in ('cashier', 'pickup', 'manager', 'admin')) not null, ` +
        `"pin_hash" text not null, "badge" text null, ` +
        `"language" text check ("language" in ('fr', 'en')) not null default 'fr', ` +
        `"active" boolean not null default true, "version" integer not null default 1, ` +
        `"location_id" text null, "user_id" text null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_staff_pkey" primary key ("id"));`
    )
    // A badge scanned at sign-in names one member.
    this.addSql(
      `create unique index if not exists "IDX_comptoir_staff_badge" ` +
        `on "comptoir_staff" ("badge") where deleted_at is null and badge is not null;`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_staff_changed" ` +
        `on "comptoir_staff" ("updated_at", "id");`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_staff" cascade;`)
  }
}
