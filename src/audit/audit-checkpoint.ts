/** Checkpoints of the stored audit log and the installation's signing key on disk. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Queryable } from '../platform/database/database.ts'
import { checkCheckpointSignature, signCheckpoint, type Checkpoint } from './core/checkpoint.ts'
import { getAuditEntry, verifyAuditLog } from './audit-log.ts'

const keyFileName = 'audit-signing-key.pem'

/** Loads the installation's Ed25519 signing key from the data folder, creating it on first use. */
export function loadSigningKey(dataDirectory: string): KeyObject {
  const path = join(dataDirectory, keyFileName)
  if (!existsSync(path)) {
    mkdirSync(dataDirectory, { recursive: true })
    const { privateKey } = generateKeyPairSync('ed25519')
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
  }
  return createPrivateKey(readFileSync(path, 'utf8'))
}

/** The installation's public key, SPKI PEM, for partners to keep beside their checkpoints. */
export function publicKeyPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
}

/** Verifies the chain, then signs a checkpoint of its head. Refuses to sign a broken chain. */
export async function createCheckpoint(database: Queryable, privateKey: KeyObject, now = new Date()): Promise<Checkpoint> {
  const result = await verifyAuditLog(database)
  if (!result.ok) throw new Error(`The audit log is broken at entry ${result.firstBreak.sequence} (${result.firstBreak.message}); no checkpoint signed`)
  return signCheckpoint(privateKey, { count: result.count, headHash: result.headHash }, now)
}

/** Proves the stored log still extends a checkpoint: valid signature, intact chain, same entry at its head. */
export async function verifyCheckpoint(database: Queryable, checkpoint: Checkpoint, installationPublicKey: string): Promise<{ ok: true; count: number } | { ok: false; message: string }> {
  const signature = checkCheckpointSignature(checkpoint, installationPublicKey)
  if (!signature.ok) return signature
  const chain = await verifyAuditLog(database)
  if (!chain.ok) return { ok: false, message: `entry ${chain.firstBreak.sequence}: ${chain.firstBreak.message}` }
  if (chain.count < checkpoint.count) return { ok: false, message: `the log has ${chain.count} entries but the checkpoint covers ${checkpoint.count}: entries were removed` }
  if (checkpoint.count > 0) {
    const entry = await getAuditEntry(database, checkpoint.count)
    if (!entry || entry.hash !== checkpoint.headHash) return { ok: false, message: `entry ${checkpoint.count} differs from the one the checkpoint signed: the log was rewritten` }
  }
  return { ok: true, count: chain.count }
}
