import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ChainVerifier, canonicalJson, digestChange, genesisHash, hashEntry, type StoredAuditEntry } from './hash-chain.ts'

function buildChain(length: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = []
  let previousHash = genesisHash
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const change = { field: 'status', to: `state-${sequence}` }
    const content = {
      sequence, at: new Date(Date.UTC(2021, 5, 6, 0, sequence)).toISOString(), actorUserId: null, actorUsername: 'cli:test',
      actorOrganizationId: 'peshmerga', action: 'unit.updated', objectType: 'unit', objectId: `u${sequence}`, requestId: null,
      visibleTo: ['peshmerga'], changeDigest: digestChange(change),
    }
    const hash = hashEntry(previousHash, content)
    entries.push({ ...content, change, previousHash, hash })
    previousHash = hash
  }
  return entries
}

function verify(entries: StoredAuditEntry[]) {
  const verifier = new ChainVerifier()
  for (const entry of entries) if (verifier.next(entry)) break
  return verifier
}

test('canonical JSON does not depend on key order', () => {
  assert.equal(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }), canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }))
})

test('an intact chain verifies and reports its head', () => {
  const entries = buildChain(5)
  const verifier = verify(entries)
  assert.equal(verifier.firstBreak, null)
  assert.deepEqual(verifier.head, { count: 5, hash: entries[4]!.hash })
})

test('an edited field is named as the first broken entry', () => {
  const entries = buildChain(5)
  entries[2] = { ...entries[2]!, actorUsername: 'someone-else' }
  assert.deepEqual([verify(entries).firstBreak?.sequence, verify(entries).firstBreak?.reason], [3, 'hash-mismatch'])
})

test('an edited change payload is caught by its digest', () => {
  const entries = buildChain(4)
  entries[1] = { ...entries[1]!, change: { field: 'status', to: 'forged' } }
  assert.equal(verify(entries).firstBreak?.reason, 'change-digest-mismatch')
  assert.equal(verify(entries).firstBreak?.sequence, 2)
})

test('a deleted entry in the middle is a gap at its place', () => {
  const entries = buildChain(5)
  entries.splice(1, 1)
  const broken = verify(entries).firstBreak
  assert.equal(broken?.reason, 'sequence-gap')
  assert.equal(broken?.sequence, 3)
})

test('a recomputed forged entry still breaks the link of the next one', () => {
  const entries = buildChain(4)
  const forged = { ...entries[1]!, objectId: 'forged' }
  forged.hash = hashEntry(forged.previousHash, forged)
  entries[1] = forged
  const broken = verify(entries).firstBreak
  assert.equal(broken?.sequence, 3)
  assert.equal(broken?.reason, 'previous-hash-mismatch')
})
