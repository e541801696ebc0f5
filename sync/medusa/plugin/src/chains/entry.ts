import { createHash, createPublicKey, verify } from "node:crypto"

/**
 * One entry of a terminal's signed chains, as the till signs it (`pos/domain/chain_entry.py`):
 * ECDSA P-256 over SHA-256, DER, base64, over a plain-text rendering that includes the
 * previous entry's signature. Rebuilt here byte for byte, so the plugin checks what the
 * till signed without trusting the adapter that carried it.
 */
export type ChainEntry = {
  terminal_id: string
  chain: string
  seq: number
  kind: string
  ref: string
  at: string
  key_id: string
  prev: string
  /** Canonical JSON of the record (a sale's body is its sale record). */
  body: string
  sig: string
}

export const FORMAT = "comptoir-chain/1"
export const KEY_FORMAT = "comptoir-key/1"
export const GENESIS = "GENESIS"
export const LEGACY_PREFIX = "sha256:"
export const CHAINS = ["ticket", "duplicate", "closure", "event", "training"] as const

// The witness's warnings: the reference server's strings (sync/contract/operations.py).
export const BAD_SIGNATURE = "bad_signature"
export const UNKNOWN_KEY = "unknown_key"
export const CHAIN_BREAK = "chain_break"
export const CHAIN_REWRITE = "chain_rewrite"

/** The bytes the signature covers; null when a field would make them ambiguous. */
export function signedBytes(entry: ChainEntry): Buffer | null {
  const fields = [
    FORMAT,
    entry.terminal_id,
    entry.chain,
    String(entry.seq),
    entry.kind,
    entry.ref,
    entry.at,
    entry.key_id,
    entry.prev,
    entry.body,
  ]
  if (fields.some((field) => field.includes("\n"))) return null
  if (!(CHAINS as readonly string[]).includes(entry.chain)) return null
  return Buffer.from(fields.join("\n"), "utf8")
}

/** Whether `sig` (base64 DER) signs `data` under the PEM key; never throws. */
export function verifyBytes(publicPem: string, data: Buffer, sig: string): boolean {
  try {
    if (!/^[A-Za-z0-9+/=]+$/.test(sig)) return false
    return verify("sha256", data, publicPem, Buffer.from(sig, "base64"))
  } catch {
    return false
  }
}

export function verifyEntry(publicPem: string, entry: ChainEntry): boolean {
  const data = signedBytes(entry)
  return data !== null && verifyBytes(publicPem, data, entry.sig)
}

/**
 * A key's short name (the first 16 hex digits of SHA-256 over its DER public key), or a
 * sentence saying why the PEM is not a terminal key (an ECDSA P-256 public key).
 */
export function keyIdOf(publicPem: string): { key_id: string } | { error: string } {
  try {
    const key = createPublicKey(publicPem)
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
      return { error: "a terminal key must be an ECDSA P-256 public key" }
    }
    const der = key.export({ type: "spki", format: "der" })
    return { key_id: createHash("sha256").update(der).digest("hex").slice(0, 16) }
  } catch (error) {
    return { error: `not a PEM public key (${error instanceof Error ? error.message : String(error)})` }
  }
}

/** What a terminal's previous key signs to hand the chains over to a new key. */
export function keyIntroductionBytes(keyId: string, publicPem: string): Buffer {
  return Buffer.from(`${KEY_FORMAT}\n${keyId}\n${publicPem.trim()}\n`, "ascii")
}
