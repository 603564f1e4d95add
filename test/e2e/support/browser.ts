/**
 * Browser tests' shared setup: Debian's Chromium driven by playwright-core (no browser download),
 * headless with software WebGL for the map, and a Tansiq server in this process on a free port
 * over a fresh test database. Browser tests run on the embedded database (PGlite) only: what they
 * test is the screen, and every read path they use is tested on both backends by the API tests.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { headlessChromiumArguments } from '../../../src/platform/chromium-arguments.ts'
import { startTestTansiq, testPassword, type TestTansiq } from '../../../src/server/test-harness.ts'
import { webDistDirectory } from '../../../src/web-client/web-client-routes.ts'
import { repositoryRoot } from '../../support/server-process.ts'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const artifactsDirectory = join(repositoryRoot, 'test-artifacts')

/**
 * The flags a headless CI machine needs (platform/chromium-arguments.ts), with WebGL in software
 * (SwiftShader) for MapLibre. Compositing is in software too (`--disable-gpu`) unless
 * `gpuCompositing`: then SwiftShader also composites and WebGL frames are not read back into the
 * page (bench/web-room.bench.ts measures both).
 */
export function browserTestArguments(options: { gpuCompositing?: boolean } = {}): string[] {
  return [...headlessChromiumArguments, ...(options.gpuCompositing ? [] : ['--disable-gpu']), '--enable-unsafe-swiftshader', '--use-angle=swiftshader']
}

/** Chromium with the flags of `browserTestArguments`. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: install it with \`apt-get install chromium\` (Debian), or set CHROMIUM_PATH. The browser tests drive the system's Chromium; they never download one.`)
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: browserTestArguments(),
  })
}

export interface BrowserTestServer {
  tansiq: TestTansiq
  baseUrl: string
}

/** A Tansiq server on 127.0.0.1 and a free port, on the embedded database, with the demo accounts. */
export async function startBrowserTestServer(): Promise<BrowserTestServer> {
  if (!existsSync(join(webDistDirectory, 'index.html'))) {
    throw new Error('The web client is not built (web/dist is missing): run `npm run build:web`, or run the tests with `npm test`, which builds it first.')
  }
  const tansiq = await startTestTansiq('pglite', { MOVEMENT_CHECK_SECONDS: '0', COVERAGE_CHECK_SECONDS: '0' })
  const address = await tansiq.app.listen({ port: 0, host: '127.0.0.1' })
  return { tansiq, baseUrl: address }
}

/** A browser context of one user at a laptop's size, in the room's time zone. */
export async function newUserContext(browser: Browser, options: { width?: number; height?: number; timezoneId?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: options.width ?? 1366, height: options.height ?? 768 }, locale: 'en-GB', timezoneId: options.timezoneId ?? 'Asia/Baghdad' })
}

/** An officer at a browser: their own context and page, and every WebSocket frame the page received. */
export interface Officer {
  context: BrowserContext
  page: Page
  /** Every WebSocket frame the page received, as text. */
  frames: string[]
}

/** Opens an officer's browser context (laptop size, the room's zone unless another is given) recording the page's WebSocket frames. */
export async function openOfficer(browser: Browser, options: { timezoneId?: string } = {}): Promise<Officer> {
  const context = await newUserContext(browser, options)
  const page = await context.newPage()
  const frames: string[] = []
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))))
  return { context, page, frames }
}

/** Signs in through the sign-in screen with the test password. */
export async function signIn(page: Page, baseUrl: string, username: string, language: 'ar' | 'ckb' | 'en' = 'en'): Promise<void> {
  await page.addInitScript((chosen) => localStorage.getItem('tansiq.language') ?? localStorage.setItem('tansiq.language', chosen), language)
  await page.goto(`${baseUrl}/`)
  await page.locator('#login-username').fill(username)
  await page.locator('#login-password').fill(testPassword)
  await page.locator('form button[type=submit]').click()
  await page.locator('.room-list').waitFor()
}

export function artifactPath(name: string): string {
  mkdirSync(artifactsDirectory, { recursive: true })
  return join(artifactsDirectory, name)
}

/** Where a [longitude, latitude] is on the page: the map publishes its view's bounds (Web Mercator, no rotation). */
export async function pixelOf(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const map = page.locator('[data-testid="map"]')
  const box = (await map.boundingBox())!
  const [west, south, east, north] = (await map.getAttribute('data-view'))!.split(',').map(Number) as [number, number, number, number]
  const mercatorX = (longitude: number) => (longitude + 180) / 360
  const mercatorY = (latitude: number) => {
    const radians = (latitude * Math.PI) / 180
    return (1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2
  }
  return {
    x: box.x + ((mercatorX(lon) - mercatorX(west)) / (mercatorX(east) - mercatorX(west))) * box.width,
    y: box.y + ((mercatorY(lat) - mercatorY(north)) / (mercatorY(south) - mercatorY(north))) * box.height,
  }
}
