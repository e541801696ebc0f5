import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Return claims (what each return ticket took back) and the credit note ledger. */
export class Migration20261206230000 extends Migration {
  override async up(): Promise<void> {
    const stamps =
      `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
      `"deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "comptoir_return_claim" (` +
        `"id" text not null, "return_id" text not null, "terminal_id" text not null, ` +
        `"origin_sale_id" text not null, "origin_line_no" integer not null, "quantity" integer not null, ` +
        `"status" text not null, "conflict" boolean not null default false, ${stamps}, ` +
        `constraint "comptoir_return_claim_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_return_claim_origin" ` +
        `on "comptoir_return_claim" ("origin_sale_id", "origin_line_no");`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_return_claim_return" on "comptoir_return_claim" ("return_id");`
    )
    this.addSql(
      `create table if not exists "comptoir_credit_note" (` +
        `"id" text not null, "issued_cents" integer not null, "balance_cents" integer not null, ` +
        `"issued_at" timestamptz not null, "expires_at" timestamptz not null, "issued_by" text not null, ` +
        `${stamps}, constraint "comptoir_credit_note_pkey" primary key ("id"), ` +
        `constraint "comptoir_credit_note_balance" check ("balance_cents" >= 0 and "balance_cents" <= "issued_cents"));`
    )
    this.addSql(
      `create table if not exists "comptoir_credit_note_debit" (` +
        `"id" text not null, "code" text not null, "op_id" text not null, "amount_cents" integer not null, ` +
        `"channel" text not null, "reversed_at" timestamptz null, ${stamps}, ` +
        `constraint "comptoir_credit_note_debit_pkey" primary key ("id"));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_credit_note_debit" cascade;`)
    this.addSql(`drop table if exists "comptoir_credit_note" cascade;`)
    this.addSql(`drop table if exists "comptoir_return_claim" cascade;`)
  }
}
