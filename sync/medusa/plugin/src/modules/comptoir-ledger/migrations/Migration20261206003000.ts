import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Claims name the Medusa process holding them; processes beat while they live. */
export class Migration20261206003000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "comptoir_till_operation" add column if not exists "instance_id" text null;`
    )
    this.addSql(
      `create table if not exists "comptoir_ledger_instance" (` +
        `"id" text not null, "heartbeat_at" timestamptz not null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_ledger_instance_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_ledger_instance_deleted_at" ` +
        `on "comptoir_ledger_instance" ("deleted_at") where deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_ledger_instance" cascade;`)
    this.addSql(`alter table if exists "comptoir_till_operation" drop column if exists "instance_id";`)
  }
}
