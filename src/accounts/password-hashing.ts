/** Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes). */
import { hash, verify, type Algorithm } from '@node-rs/argon2'

const argon2id = 2 as Algorithm
const parameters = { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }

/** Hashes a password into a PHC string ($argon2id$…). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, parameters)
}

/** Whether a password matches a stored PHC hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

let decoy: Promise<string> | undefined
/** Spends the time of a real verification, so unknown usernames cannot be told apart by timing. */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that matches nobody')
  await verifyPassword(await decoy, password)
}
