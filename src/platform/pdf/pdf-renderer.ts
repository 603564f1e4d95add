/**
 * HTML → PDF through headless Chromium (driven by playwright-core, the browser installed by the
 * system: Debian's `chromium`). One browser is started on the first request and shared; each
 * document gets its own context and page, JavaScript off, and every network request refused, so
 * a document renders only what it embeds. At most `maxConcurrent` documents render at once (the
 * machine has 2 cores); the browser closes after `idleCloseMs` without work.
 *
 * When Chromium is missing or does not start, render() throws `pdf-renderer-unavailable` (503)
 * telling what to install; HTML documents do not depend on it.
 */
import { accessSync, constants } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { TansiqError } from '../errors.ts'
import { headlessChromiumArguments } from '../chromium-arguments.ts'

/** Flags for a headless Chromium on a server: the shared ones (no sandbox, no calls home), and no GPU. */
export const pdfChromiumArguments: readonly string[] = [
  ...headlessChromiumArguments, '--disable-gpu', '--disable-dev-shm-usage', '--disable-extensions', '--no-first-run', '--disable-quic',
]

export interface PdfRendererOptions {
  /** The Chromium (or Chrome) executable. */
  executablePath: string
  /** Documents rendered at the same time; others wait. */
  maxConcurrent?: number
  /** The browser is closed after this long without a document (ms); 0 keeps it open until close(). */
  idleCloseMs?: number
  /** Longest time one document may take (ms). */
  timeoutMs?: number
}

export interface PdfRenderer {
  /** Renders a self-contained HTML document as an A4 PDF (backgrounds printed, margins from its CSS @page). */
  render(html: string): Promise<Buffer>
  /** Whether the executable is there; does not start it. */
  available(): boolean
  /** Throws `pdf-renderer-unavailable` when the executable is not there (before any work is done for a PDF). */
  assertAvailable(): void
  /** Closes the browser, if started; later renders start it again. */
  close(): Promise<void>
}

function unavailable(executablePath: string, reason: string): TansiqError {
  return new TansiqError('pdf-renderer-unavailable',
    `PDF rendering needs Chromium at ${executablePath} (${reason}). Install it (Debian: apt-get install chromium) or set TANSIQ_CHROMIUM_PATH to a Chromium or Chrome executable. The HTML version of the document works without it.`,
    { executablePath })
}

/** Creates a renderer; nothing starts until the first render. */
export function createPdfRenderer(options: PdfRendererOptions): PdfRenderer {
  const { executablePath } = options
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 2)
  const idleCloseMs = options.idleCloseMs ?? 120_000
  const timeoutMs = options.timeoutMs ?? 30_000
  let browser: Promise<Browser> | null = null
  let running = 0
  const waiting: Array<() => void> = []
  let idleTimer: ReturnType<typeof setTimeout> | null = null

  const available = () => {
    try {
      accessSync(executablePath, constants.X_OK)
      return true
    } catch {
      return false
    }
  }

  function browserOf(): Promise<Browser> {
    if (browser) return browser
    assertAvailable()
    const starting = chromium.launch({ executablePath, args: [...pdfChromiumArguments], timeout: timeoutMs }).then((started) => {
      started.on('disconnected', () => {
        if (browser === starting) browser = null
      })
      return started
    }, (error: unknown) => {
      browser = null
      throw unavailable(executablePath, `it did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    })
    browser = starting
    return starting
  }

  async function slot(): Promise<void> {
    if (running < maxConcurrent) {
      running++
      return
    }
    await new Promise<void>((resolve) => waiting.push(resolve))
  }

  function release(): void {
    const next = waiting.shift()
    if (next) {
      next()
      return
    }
    running--
    if (running === 0 && idleCloseMs > 0) {
      if (idleTimer) clearTimeout(idleTimer)
      idleTimer = setTimeout(() => void close(), idleCloseMs)
      idleTimer.unref()
    }
  }

  async function render(html: string): Promise<Buffer> {
    await slot()
    if (idleTimer) {
      clearTimeout(idleTimer)
      idleTimer = null
    }
    try {
      const context = await (await browserOf()).newContext({ javaScriptEnabled: false, offline: true })
      try {
        const page = await context.newPage()
        page.setDefaultTimeout(timeoutMs)
        await page.route(/^(?!data:)/, (route) => route.abort())
        await page.setContent(html, { waitUntil: 'load' })
        // Web fonts are data: URLs; make sure every face used is loaded before printing.
        await page.evaluate('document.fonts.ready.then(() => true)')
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
      } finally {
        await context.close().catch(() => {})
      }
    } finally {
      release()
    }
  }

  async function close(): Promise<void> {
    if (idleTimer) {
      clearTimeout(idleTimer)
      idleTimer = null
    }
    const current = browser
    browser = null
    if (current) await current.then((started) => started.close(), () => {})
  }

  const assertAvailable = () => {
    if (!available()) throw unavailable(executablePath, 'not found or not executable')
  }

  return { render, available, assertAvailable, close }
}
