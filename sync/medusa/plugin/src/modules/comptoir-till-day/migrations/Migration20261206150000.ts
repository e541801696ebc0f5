import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const APPEND_ONLY = ["comptoir_approval", "comptoir_cancelled_sale", "comptoir_drawer_opening"]

/**
 * Managers' approvals, cancelled sales and drawer openings without a sale, as the tills
 * pushed them; append-only, enforced by PostgreSQL.
 */
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
    for (const table of ["comptoir_cancelled_sale", "comptoir_drawer_opening"]) {
      this.addSql(
        `create table if not exists "${table}" (` +
          `"id" text not null, "terminal_id" text not null, "act_id" text not null, ` +
          `"location_id" text not null, "at" text not null, "op_id" text not null, ` +
          `"approval_id" text null, "payload" jsonb not null, ` +
          `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
          `"deleted_at" timestamptz null, constraint "${table}_pkey" primary key ("id"));`
      )
      this.addSql(
        `create index if not exists "IDX_${table}_terminal" on "${table}" ("terminal_id", "at") where deleted_at is null;`
      )
    }
    // An approval's `used_by` looks its users up by approval id (readApprovals).
    for (const table of ["comptoir_cancelled_sale", "comptoir_drawer_opening"]) {
      this.addSql(
        `create index if not exists "IDX_${table}_approval" on "${table}" ("terminal_id", "approval_id") ` +
          `where approval_id is not null;`
      )
    }
    this.addSql(
      `create index if not exists "IDX_comptoir_cash_movement_approval" on "comptoir_cash_movement" ` +
        `("terminal_id", ("payload"->>'approval_id')) where "payload"->>'approval_id' is not null;`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_till_session_approval" on "comptoir_till_session" ` +
        `("terminal_id", ("z_report"->>'approval_id')) where "z_report"->>'approval_id' is not null;`
    )
    // The audit must hold even against the services' own generated update/delete methods.
    this.addSql(
      `create or replace function "comptoir_append_only"() returns trigger ` +
        `language plpgsql as $$ begin ` +
        `raise exception '% is append-only: a till record is never changed nor deleted', TG_TABLE_NAME; ` +
        `end $$;`
    )
    for (const table of APPEND_ONLY) {
      this.addSql(`drop trigger if exists "${table}_append_only" on "${table}";`)
      this.addSql(
        `create trigger "${table}_append_only" before update or delete on "${table}" ` +
          `for each row execute function "comptoir_append_only"();`
      )
    }
  }

  override async down(): Promise<void> {
    for (const table of APPEND_ONLY) this.addSql(`drop table if exists "${table}" cascade;`)
    this.addSql(`drop function if exists "comptoir_append_only"();`)
  }
}
