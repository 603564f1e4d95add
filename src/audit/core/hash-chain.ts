/**
 * The audit log's hash chain, as pure functions: how an entry is serialised and hashed, and how
 * a sequence of stored entries is checked. No storage here; the audit store feeds rows in.
 */
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/** The hash that precedes the first entry. */
export const genesisHash = '0'.repeat(64)

/** What an audit entry says; the hash covers all of it. */
export interface AuditEntryContent {
  sequence: number
  at: string
  actorUserId: string | null
  actorUsername: string
  actorOrganizationId: string | null
  action: string
  objectType: string
  objectId: string
  requestId: string | null
  visibleTo: string[]
  changeDigest: string
}

/** An entry as stored: its content, the change itself and the chain links. */
export interface StoredAuditEntry extends AuditEntryContent {
  change: unknown
  previousHash: string
  hash: string
}

/** RFC 8785 canonical JSON of a value: the same bytes for the same data, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('Value cannot be serialised canonically')
  return text
}

/** SHA-256, hex-encoded. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The digest of a change recorded in an entry. */
export function digestChange(change: unknown): string {
  return sha256Hex(canonicalJson(change ?? null))
}

/** The hash of an entry: SHA-256 over the previous hash and the entry's canonical serialisation. */
export function hashEntry(previousHash: string, content: AuditEntryContent): string {
  const { sequence, at, actorUserId, actorUsername, actorOrganizationId, action, objectType, objectId, requestId, visibleTo, changeDigest } = content
  const serialised = canonicalJson({ sequence, at, actorUserId, actorUsername, actorOrganizationId, action, objectType, objectId, requestId, visibleTo, changeDigest })
  return sha256Hex(`${previousHash}\n${serialised}`)
}

/** Why a chain check failed, naming the first entry that does not hold. */
export interface ChainBreak {
  sequence: number
  reason: 'sequence-gap' | 'previous-hash-mismatch' | 'hash-mismatch' | 'change-digest-mismatch'
  message: string
}

/** Checks entries in order, one at a time, so a log of any length verifies in constant memory. */
export class ChainVerifier {
  private expectedSequence = 1
  private previousHash = genesisHash
  private broken: ChainBreak | null = null

  /** Feeds the next stored entry; returns the break if this entry breaks the chain. */
  next(entry: StoredAuditEntry): ChainBreak | null {
    if (this.broken) return this.broken
    const fail = (reason: ChainBreak['reason'], message: string): ChainBreak => (this.broken = { sequence: entry.sequence, reason, message })
    if (entry.sequence !== this.expectedSequence) {
      return fail('sequence-gap', `expected entry ${this.expectedSequence}, found ${entry.sequence}: entries are missing`)
    }
    if (entry.previousHash !== this.previousHash) {
      return fail('previous-hash-mismatch', `entry ${entry.sequence} does not link to the entry before it`)
    }
    if (digestChange(entry.change) !== entry.changeDigest) {
      return fail('change-digest-mismatch', `the change recorded in entry ${entry.sequence} was altered`)
    }
    if (hashEntry(entry.previousHash, entry) !== entry.hash) {
      return fail('hash-mismatch', `entry ${entry.sequence} was altered after it was written`)
    }
    this.previousHash = entry.hash
    this.expectedSequence += 1
    return null
  }

  /** Entries verified so far and the hash of the last one. */
  get head(): { count: number; hash: string } {
    return { count: this.expectedSequence - 1, hash: this.previousHash }
  }

  get firstBreak(): ChainBreak | null {
    return this.broken
  }
}
