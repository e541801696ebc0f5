import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Each terminal's till sessions (opening, Z report) and cash movements, as pushed. */
export class Migration20261206120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "comptoir_till_session" (` +
        `"id" text not null, "terminal_id" text not null, "session_id" text not null, ` +
        `"location_id" text not null, ` +
        `"status" text check ("status" in ('open', 'closed')) not null default 'open', ` +
        `"opened_at" text not null, "opened" jsonb not null, "z_report" jsonb null, "z_op_id" text null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_till_session_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_till_session_recent" ` +
        `on "comptoir_till_session" ("terminal_id", "opened_at") where deleted_at is null;`
    )
    this.addSql(
      `create table if not exists "comptoir_cash_movement" (` +
        `"id" text not null, "terminal_id" text not null, "movement_id" text not null, ` +
        `"session_id" text not null, "location_id" text not null, "at" text not null, ` +
        `"op_id" text not null, "payload" jsonb not null, ` +
        `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
        `"deleted_at" timestamptz null, constraint "comptoir_cash_movement_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_cash_movement_session" ` +
        `on "comptoir_cash_movement" ("terminal_id", "session_id", "at") where deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_cash_movement" cascade;`)
    this.addSql(`drop table if exists "comptoir_till_session" cascade;`)
  }
}
