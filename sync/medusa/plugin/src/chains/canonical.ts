/**
 * JSON with sorted keys and no spaces: Python's `json.dumps(sort_keys=True,
 * separators=(",", ":"), ensure_ascii=False)` for the integers, strings, lists and
 * objects a till record holds, so a body rebuilt here is the one the till signed (and
 * the same payload always hashes the same).
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(",")}}`
  }
  return JSON.stringify(value ?? null)
}
