import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Managers' approvals as the tills pushed them; append-only, enforced by PostgreSQL. */
export class Migration20261206150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "comptoir_approval" (` +
        `"id" text not null, "terminal_id" text not null, "approval_id" text not null, ` +
        `"location_id" text not null, "right" text not null, "asked_by" text not null, ` +
        `"approved_by" text not null, "at" text not null, "op_id" text not null, "payload" jsonb not null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_approval_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_approval_terminal" ` +
        `on "comptoir_approval" ("terminal_id", "at") where deleted_at is null;`
    )
    // The audit must hold even against the service's own generated update/delete methods.
    this.addSql(
      `create or replace function "comptoir_approval_append_only"() returns trigger ` +
        `language plpgsql as $$ begin ` +
        `raise exception 'comptoir_approval is append-only: an approval is never changed nor deleted'; ` +
        `end $$;`
    )
    this.addSql(`drop trigger if exists "comptoir_approval_append_only" on "comptoir_approval";`)
    this.addSql(
      `create trigger "comptoir_approval_append_only" before update or delete on "comptoir_approval" ` +
        `for each row execute function "comptoir_approval_append_only"();`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_approval" cascade;`)
    this.addSql(`drop function if exists "comptoir_approval_append_only"();`)
  }
}
