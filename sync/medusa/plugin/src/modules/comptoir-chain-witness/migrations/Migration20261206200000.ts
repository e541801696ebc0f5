import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** The terminals' registered keys and the chain entries the plugin witnessed. */
export class Migration20261206200000 extends Migration {
  override async up(): Promise<void> {
    const common =
      `"created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), ` +
      `"deleted_at" timestamptz null`
    this.addSql(
      `create table if not exists "comptoir_terminal_key" (` +
        `"id" text not null, "terminal_id" text not null, "key_id" text not null, ` +
        `"public_pem" text not null, "introduced_by" text not null, "introduction" text not null, ` +
        `"replaced_root" boolean not null default false, ${common}, ` +
        `constraint "comptoir_terminal_key_pkey" primary key ("id"));`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_terminal_key_terminal" on "comptoir_terminal_key" ("terminal_id");`
    )
    this.addSql(
      `create table if not exists "comptoir_chain_entry" (` +
        `"id" text not null, "terminal_id" text not null, "chain" text not null, "seq" integer not null, ` +
        `"kind" text not null, "ref" text not null, "at" text not null, ` +
        `"key_id" text not null, "prev" text not null, "sig" text not null, "body" text null, ` +
        `"op_id" text not null, "verdict" text not null, "warnings" jsonb not null, ${common}, ` +
        `constraint "comptoir_chain_entry_pkey" primary key ("id"));`
    )
    // One witnessed entry per seq of a chain: a second one is a rewrite, kept aside.
    this.addSql(
      `create unique index if not exists "IDX_comptoir_chain_entry_witnessed" ` +
        `on "comptoir_chain_entry" ("terminal_id", "chain", "seq") where verdict = 'witnessed';`
    )
    this.addSql(
      `create index if not exists "IDX_comptoir_chain_entry_slot" ` +
        `on "comptoir_chain_entry" ("terminal_id", "chain", "seq");`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "comptoir_chain_entry" cascade;`)
    this.addSql(`drop table if exists "comptoir_terminal_key" cascade;`)
  }
}
