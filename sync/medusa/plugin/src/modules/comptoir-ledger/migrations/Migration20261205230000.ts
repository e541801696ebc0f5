import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261205230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "comptoir_till_operation" (` +
        `"id" text not null, "kind" text not null, "terminal_id" text not null, ` +
        `"fingerprint" text not null, "claim_token" text not null, ` +
        `"status" text check ("status" in ('in_progress', 'applied', 'rejected')) not null default 'in_progress', ` +
        `"result" jsonb null, "progress" jsonb null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_till_operation_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_till_operation_deleted_at" ` +
        `on "comptoir_till_operation" ("deleted_at") where deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_till_operation" cascade;`)
  }
}
