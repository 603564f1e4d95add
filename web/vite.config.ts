/**
 * Builds the web client (web/dist), served by the Tansiq server at /. The client imports the
 * server's zod schemas and types from ../src directly (relative imports ending in .ts), so the
 * build records which server files it read: scripts/build-web.mjs rebuilds when one changes.
 * `npx vite web` serves it with hot reload, the API proxied to a Tansiq server on :8080.
 */
import { fileURLToPath } from 'node:url'
import { relative } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

const webDirectory = fileURLToPath(new URL('.', import.meta.url))
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))

/** Writes dist/build-inputs.json: the source files of the repository the bundle was made from. */
function recordBuildInputs(): Plugin {
  return {
    name: 'tansiq-record-build-inputs',
    apply: 'build',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => id.startsWith(repositoryRoot) && !id.includes('/node_modules/') && !id.includes('\0'))
        .map((id) => relative(repositoryRoot, id.split('?')[0]!))
      this.emitFile({ type: 'asset', fileName: 'build-inputs.json', source: JSON.stringify([...new Set(files)].sort(), null, 1) })
    },
  }
}

export default defineConfig({
  root: webDirectory,
  base: '/',
  plugins: [react(), recordBuildInputs()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // The room chunk holds MapLibre (~1.2 MB minified, ~0.3 MB gzip), loaded after sign-in.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repositoryRoot] },
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', ws: true },
      '/basemap': 'http://127.0.0.1:8080',
    },
  },
})
