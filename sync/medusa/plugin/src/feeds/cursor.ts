/**
 * A feed cursor: the (change stamp, row id) of the last row handed out. Rows are read in
 * (stamp, id) order and resumed strictly after that pair, so rows sharing one stamp (a
 * batch import stamps thousands alike) are neither skipped nor repeated across pages.
 * The stamp keeps PostgreSQL's microseconds: a JS Date (milliseconds) would repeat or
 * skip rows written within one millisecond. Opaque to the till (URL-safe base64 JSON,
 * tagged with its feed); anything else is a `BadCursor` and the till pulls from scratch.
 */
export type FeedCursor = { t: string; id: string }

export class BadCursor extends Error {}

/** A feed asked without what it needs (the catalog's channel and region). */
export class FeedRefused extends Error {}

/** Where a pull without a cursor starts: before every row. */
export const EPOCH = "1970-01-01T00:00:00.000000Z"

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

export function encodeCursor(feed: string, cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify({ f: feed, t: cursor.t, id: cursor.id })).toString("base64url")
}

/** The position inside `text`, null for no cursor (from the beginning). */
export function decodeCursor(feed: string, text: string | undefined): FeedCursor | null {
  if (text === undefined || text === "") {
    return null
  }
  let found: unknown
  try {
    found = JSON.parse(Buffer.from(text, "base64url").toString("utf8"))
  } catch {
    throw new BadCursor(`The ${feed} cursor was not made by the Comptoir plugin.`)
  }
  const { f, t, id } = (found ?? {}) as Record<string, unknown>
  if (f !== feed) {
    throw new BadCursor(`The cursor given for ${feed} belongs to another feed.`)
  }
  if (typeof t !== "string" || !STAMP.test(t) || typeof id !== "string" || id.length === 0) {
    throw new BadCursor(`The ${feed} cursor is damaged.`)
  }
  return { t, id }
}
