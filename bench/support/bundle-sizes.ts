/** The built web client's files with their sizes as sent: raw, gzip and brotli (the build's .gz and .br copies). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

export interface BundleFile {
  name: string
  raw: number
  gzip: number
  brotli: number
}

/** Every asset of web/dist/assets but the compressed copies, largest first. Fonts (woff2) are compressed already. */
export function bundleFiles(distDirectory: string): BundleFile[] {
  const assets = join(distDirectory, 'assets')
  return readdirSync(assets)
    .filter((name) => !name.endsWith('.br') && !name.endsWith('.gz') && !name.endsWith('.woff'))
    .map((name) => {
      const path = join(assets, name)
      const raw = statSync(path).size
      const sizeOf = (suffix: string, compress: (content: Buffer) => Buffer) => existsSync(path + suffix) ? statSync(path + suffix).size : name.endsWith('.woff2') ? raw : compress(readFileSync(path)).length
      return { name, raw, gzip: sizeOf('.gz', (content) => gzipSync(content, { level: 9 })), brotli: sizeOf('.br', (content) => brotliCompressSync(content)) }
    })
    .sort((a, b) => b.raw - a.raw)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

/** The files as a Markdown table, with totals. */
export function bundleTable(files: readonly BundleFile[]): string {
  const total = files.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip, brotli: sum.brotli + file.brotli }), { raw: 0, gzip: 0, brotli: 0 })
  return [
    '| file | raw | gzip | brotli |',
    '|---|---:|---:|---:|',
    ...files.map((file) => `| ${file.name.replace(/-[A-Za-z0-9_-]{8}(?=\.)/, '')} | ${kb(file.raw)} | ${kb(file.gzip)} | ${kb(file.brotli)} |`),
    `| **all** | ${kb(total.raw)} | ${kb(total.gzip)} | ${kb(total.brotli)} |`,
  ].join('\n')
}
