/**
 * Signed checkpoints of the audit log: (entry count, head hash, time) signed with the
 * installation's Ed25519 key. A partner who keeps a checkpoint can later prove that the log
 * still extends it: no entry up to that point was changed, removed or reordered.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from './hash-chain.ts'

export const checkpointSchema = z.object({
  format: z.literal('tansiq-audit-checkpoint/1'),
  count: z.number().int().min(0),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime(),
  publicKey: z.string().min(1).describe('Ed25519 public key of the installation, SPKI PEM'),
  signature: z.string().min(1).describe('Ed25519 signature, base64, over the canonical JSON of the other fields'),
}).strict()

export type Checkpoint = z.infer<typeof checkpointSchema>

function signedBytes(checkpoint: Omit<Checkpoint, 'signature'>): Buffer {
  const { format, count, headHash, at, publicKey } = checkpoint
  return Buffer.from(canonicalJson({ format, count, headHash, at, publicKey }), 'utf8')
}

/** Signs a checkpoint of a chain head with the installation's private key. */
export function signCheckpoint(privateKey: KeyObject, head: { count: number; headHash: string }, at: Date): Checkpoint {
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
  const unsigned = { format: 'tansiq-audit-checkpoint/1' as const, count: head.count, headHash: head.headHash, at: at.toISOString(), publicKey }
  const signature = sign(null, signedBytes(unsigned), privateKey).toString('base64')
  return { ...unsigned, signature }
}

/** Whether the checkpoint's signature is valid and made by the expected installation key. */
export function checkCheckpointSignature(checkpoint: Checkpoint, installationPublicKeyPem: string): { ok: true } | { ok: false; message: string } {
  const normalise = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64')
  let signer: string
  try {
    signer = normalise(checkpoint.publicKey)
  } catch {
    return { ok: false, message: 'the checkpoint public key is not a valid key' }
  }
  if (signer !== normalise(installationPublicKeyPem)) return { ok: false, message: 'the checkpoint was signed by another key than this installation\'s' }
  const valid = verify(null, signedBytes(checkpoint), createPublicKey(checkpoint.publicKey), Buffer.from(checkpoint.signature, 'base64'))
  return valid ? { ok: true } : { ok: false, message: 'the checkpoint signature does not match its content' }
}
