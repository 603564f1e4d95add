/**
 * The embedded database may be opened by one process at a time: a second PGlite on the same
 * files would corrupt them. A lock file holding the owner's pid guards the folder; a lock left
 * by a process that no longer runs (killed, crashed) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock of a data folder or throws naming the process that holds it; returns the release. */
export function lockDataDirectory(directory: string): () => void {
  const path = join(directory, 'tansiq.lock')
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' })
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(readFileSync(path, 'utf8').trim())
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new Error(`The embedded database in ${directory} is in use by process ${owner} (a running tansiq). Stop it first, or use PostgreSQL (DATABASE_URL) to run commands beside a running server.`, { cause: error })
      }
      rmSync(path, { force: true })
    }
  }
  throw new Error(`Could not lock ${directory}`)
}
