/** Reads a secret (a password) from standard input: a hidden prompt on a terminal, else the first line piped in. */
import { createInterface } from 'node:readline'

/** Reads one line without echoing it when standard input is a terminal. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
  }
  const output = process.stderr
  output.write(prompt)
  const reader = createInterface({ input: process.stdin, terminal: true })
  // Silence the echo of typed characters.
  ;(reader as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {}
  const line = await new Promise<string>((resolve) => reader.question('', resolve))
  reader.close()
  output.write('\n')
  return line
}
