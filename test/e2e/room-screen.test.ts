// The room screen in a browser: officers of two organizations sign in, choose the Kirkuk room and
// see the live map with units; what is released to the Peshmerga only never reaches the army's
// screen, neither in the page nor in the live data it received; the layout turns right-to-left
// in Arabic and Sorani. Screenshots of the room in Arabic and English go to test-artifacts/.
/// <reference lib="dom" />
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { seedDemoPicture } from '../../src/demo/demo-picture.ts'
import { artifactPath, launchChromium, openOfficer, signIn, startBrowserTestServer, type BrowserTestServer, type Officer } from './support/browser.ts'

/**
 * How far apart two pictures of the map are where they overlap when the second is shifted by dx:
 * mean difference per channel. Only the band between the map's controls at the top (panel toggle,
 * zoom) and at the bottom (scale, attribution) is compared: they stay put while the map moves, and
 * the attribution folds away at the first drag.
 */
function shiftedDifference(first: PNG, second: PNG, dx: number): number {
  let sum = 0
  let count = 0
  for (let y = Math.round(first.height * 0.12); y < first.height * 0.9; y += 2) {
    for (let x = Math.max(0, -dx); x < Math.min(first.width, first.width - dx); x += 2) {
      const a = (y * first.width + x + dx) * 4
      const b = (y * second.width + x) * 4
      for (let channel = 0; channel < 3; channel++) sum += Math.abs(first.data[a + channel]! - second.data[b + channel]!)
      count += 3
    }
  }
  return sum / count
}

/** The map's pixels, to count those of a colour (within 3 of each channel). */
async function mapPixels(page: Page): Promise<{ count(colour: readonly [number, number, number]): number }> {
  const png = PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot())
  return {
    count([red, green, blue]) {
      let found = 0
      for (let index = 0; index < png.data.length; index += 4) {
        if (Math.abs(png.data[index]! - red) <= 3 && Math.abs(png.data[index + 1]! - green) <= 3 && Math.abs(png.data[index + 2]! - blue) <= 3) found++
      }
      return found
    },
  }
}

/** Waits until the map is drawn at its full resolution: a software renderer draws it coarser while it moves. */
async function sharpMap(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]')?.getAttribute('data-resolution') !== 'reduced')
  await page.waitForTimeout(200) // the sharp frame drawn
}

/**
 * Every tab of the side panel is on screen whole, inside the panel, its name not cut, and the page
 * does not scroll sideways (the tab bar used to overflow with eight tabs).
 */
async function assertEveryTabShown(page: Page): Promise<void> {
  const layout = await page.evaluate(() => {
    const panel = document.querySelector('#room-panel')!.getBoundingClientRect()
    const tabs = Array.from(document.querySelectorAll('#room-panel [role="tablist"] > [role="tab"]')) as HTMLElement[]
    const cut = tabs.filter((tab) => {
      const box = tab.getBoundingClientRect()
      const label = tab.querySelector('.tab-label') as HTMLElement
      return box.left < panel.left - 0.5 || box.right > panel.right + 0.5 || box.top < 0 || label.scrollWidth > label.clientWidth + 1
    }).map((tab) => tab.id)
    return { tabs: tabs.length, cut, sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth }
  })
  assert.equal(layout.tabs, 8)
  assert.deepEqual(layout.cut, [], 'tabs outside the panel or with their name cut')
  assert.equal(layout.sideways, 0, 'the page scrolls sideways')
}

const secretName = 'Peshmerga special reconnaissance team 7'
const laterSecretName = 'Peshmerga mountain observation post 3'
const sharedLaterName = 'Iraqi Army 4th Battalion liaison cell'

describe('the room screen', () => {
  let server: BrowserTestServer
  let browser: Browser
  let peshmerga: Officer
  let army: Officer
  const secretIds: string[] = []

  /** Creates a unit through the API with a position; returns its id. */
  async function createUnit(username: string, names: { en: string; ar: string; ckb: string }, release: object, position: [number, number]): Promise<string> {
    const { authorization } = await server.tansiq.login(username)
    const created = await server.tansiq.app.inject({
      method: 'POST', url: '/api/units', headers: { authorization },
      payload: { names, echelon: 'platoon', sidc: 'SFGPUCR----D---', homeRoomId: 'kirkuk', release },
    })
    assert.equal(created.statusCode, 201, created.body)
    const id = created.json().id as string
    const reported = await server.tansiq.app.inject({
      method: 'POST', url: `/api/units/${id}/positions`, headers: { authorization },
      payload: { lon: position[0], lat: position[1], reportedAt: new Date().toISOString(), source: 'e2e' },
    })
    assert.ok(reported.statusCode < 300, reported.body)
    return id
  }

  before(async () => {
    // Launch first: a missing Chromium fails at once with how to install it.
    browser = await launchChromium()
    server = await startBrowserTestServer()
    await seedDemoPicture(server.tansiq)
    // Every demo unit of the Kirkuk room reports a position, as the simulator would.
    for (const [username, organizationId] of [['pesh.commander', 'peshmerga'], ['army.commander', 'iraqi-army'], ['cts.commander', 'cts']] as const) {
      const { authorization } = await server.tansiq.login(username)
      const units = (await server.tansiq.units.list({ organizationId }, { limit: 100 })).filter((unit) => unit.homeRoomId === 'kirkuk')
      const batch = await server.tansiq.app.inject({
        method: 'POST', url: '/api/tracks/batch', headers: { authorization },
        payload: { reports: units.map((unit, index) => ({ unitId: unit.id, lon: 44.3 + index * 0.1, lat: 35.0 + index * 0.05, reportedAt: new Date().toISOString(), source: 'e2e' })) },
      })
      assert.equal(batch.statusCode, 200, batch.body)
    }
    secretIds.push(await createUnit('pesh.commander', { en: secretName, ar: 'فريق الاستطلاع الخاص ٧ - البيشمركة', ckb: 'تیمی دیدەوانی تایبەتی ٧ - پێشمەرگە' }, { scope: 'originator' }, [44.85, 34.8]))
    peshmerga = await openOfficer(browser)
    army = await openOfficer(browser)
  })

  after(async () => {
    await browser?.close()
    await server?.tansiq.close()
  })

  test('officers of two organizations sign in, choose the room and see the live map with units', async () => {
    for (const [officer, username] of [[peshmerga, 'pesh.watch'], [army, 'army.watch']] as const) {
      await signIn(officer.page, server.baseUrl, username)
      await officer.page.locator('a.room-card[href="/rooms/kirkuk"]').click()
      await officer.page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 })
      await officer.page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 })
    }
    assert.equal(new URL(army.page.url()).pathname, '/rooms/kirkuk')
    // The map draws the units it received (the count is set after each batched redraw).
    await peshmerga.page.waitForFunction(() => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-unit-count')) >= 6)
    await army.page.waitForFunction(() => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-unit-count')) >= 5)
    const peshmergaUnits = Number(await peshmerga.page.getAttribute('[data-testid="map"]', 'data-unit-count'))
    const armyUnits = Number(await army.page.getAttribute('[data-testid="map"]', 'data-unit-count'))
    assert.equal(peshmergaUnits, armyUnits + 1, 'the Peshmerga see their own unreleased unit as well')
  })

  test('an object released only to the Peshmerga never appears on the army\'s screen, now or live', async () => {
    // Live: one more Peshmerga-only unit, and one the army releases to the room.
    secretIds.push(await createUnit('pesh.commander', { en: laterSecretName, ar: 'نقطة مراقبة جبلية ٣ - البيشمركة', ckb: 'خاڵی چاودێریی شاخاوی ٣ - پێشمەرگە' }, { scope: 'originator' }, [44.9, 34.75]))
    await createUnit('army.commander', { en: sharedLaterName, ar: 'خلية ارتباط الفوج الرابع - الجيش العراقي', ckb: 'شانەی پەیوەندیی هێزی چوارەم - سوپای عێراق' }, { scope: 'room', roomId: 'kirkuk' }, [44.6, 34.9])
    for (const officer of [peshmerga, army]) {
      await officer.page.locator('#tab-units').click()
      await officer.page.locator('.unit-list li', { hasText: sharedLaterName }).waitFor({ timeout: 15_000 })
    }
    await peshmerga.page.locator('.unit-list li', { hasText: laterSecretName }).waitFor()
    assert.equal(await peshmerga.page.locator('.unit-list li', { hasText: secretName }).count(), 1)
    // The live feed tells what arrived.
    await army.page.locator('#tab-feed').click()
    await army.page.locator('.feed-entry', { hasText: sharedLaterName }).waitFor()

    // The army's page: neither in the DOM nor in anything the live socket delivered.
    const armyHtml = await army.page.content()
    const armyFrames = army.frames.join('\n')
    for (const hidden of [secretName, laterSecretName, ...secretIds]) {
      assert.ok(!armyHtml.includes(hidden), `the army's page shows ${hidden}`)
      assert.ok(!armyFrames.includes(hidden), `the army's browser received ${hidden}`)
    }
    assert.ok(armyFrames.includes(sharedLaterName), 'the army received the room-released unit live')
    // The Peshmerga's own socket did carry them: the check above looks at the right data.
    assert.ok(secretIds.every((id) => peshmerga.frames.join('\n').includes(id)))
  })

  test('Arabic and Sorani lay the page out right to left; screenshots in Arabic and English', async () => {
    const { page } = army
    await page.locator('#tab-layers').click()
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr')
    await page.getByRole('button', { name: 'العربية' }).click()
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    assert.equal(await page.getAttribute('html', 'lang'), 'ar')
    await page.getByRole('tab', { name: 'الطبقات' }).waitFor()
    // Arabic-Indic digits in the counts; the panel sits on the left of the map in right-to-left.
    assert.match(await page.locator('[data-layer-count="units"]').innerText(), /^[٠-٩]+$/)
    const panel = await page.locator('#room-panel').boundingBox()
    const map = await page.locator('[data-testid="map"]').boundingBox()
    assert.ok(panel && map && panel.x < map.x, 'the side panel is at the inline end (left) in Arabic')
    // The map's own controls speak Arabic too: the scale in Arabic words and digits, the buttons' names.
    await page.waitForFunction(() => /^[٠-٩]+ (كم|م)$/.test(document.querySelector('.maplibregl-ctrl-scale')?.textContent ?? ''))
    assert.equal(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label'), 'تكبير')
    assert.equal(await page.locator('.maplibregl-ctrl-attrib-button').getAttribute('title'), 'إظهار مصادر الخريطة أو إخفاؤها')
    await page.waitForTimeout(800) // labels re-drawn in the new language
    await sharpMap(page)
    await page.screenshot({ path: artifactPath('room-screen-ar.png') })

    await page.getByRole('button', { name: 'کوردی' }).click()
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    assert.equal(await page.getAttribute('html', 'lang'), 'ckb')
    await page.getByRole('tab', { name: 'چینەکان' }).waitFor()
    assert.match(await page.locator('[data-layer-count="units"]').innerText(), /^[٠-٩]+$/, 'Sorani numbers in Arabic-Indic digits')
    await page.waitForFunction(() => /^[٠-٩]+ (کم|م)$/.test(document.querySelector('.maplibregl-ctrl-scale')?.textContent ?? ''))
    assert.equal(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('aria-label'), 'بچووککردنەوە')
    await page.setViewportSize({ width: 820, height: 1180 })
    await page.waitForTimeout(800)
    await assertEveryTabShown(page)
    await sharpMap(page)
    await page.screenshot({ path: artifactPath('room-screen-ckb-tablet.png') })

    await peshmerga.page.locator('#tab-feed').click()
    await peshmerga.page.waitForTimeout(300)
    await assertEveryTabShown(peshmerga.page)
    await sharpMap(peshmerga.page)
    await peshmerga.page.screenshot({ path: artifactPath('room-screen-en.png') })
    assert.equal(await peshmerga.page.getAttribute('html', 'dir'), 'ltr')
    assert.match(await peshmerga.page.locator('.maplibregl-ctrl-scale').innerText(), /^\d+ k?m$/)
    assert.equal(await peshmerga.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label'), 'Zoom in')
  })

  test('the app is interactive soon after navigation, and the keyboard reaches the layer toggles', async () => {
    const page = await peshmerga.context.newPage()
    const started = Date.now()
    await page.goto(`${server.baseUrl}/rooms/kirkuk`)
    await page.locator('#tab-layers').waitFor()
    const panelReady = Date.now() - started
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 })
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 })
    const mapReady = Date.now() - started
    console.log(`room screen on localhost: panel usable after ${panelReady} ms, map drawn and live after ${mapReady} ms`)
    assert.ok(panelReady < 5_000, `the room's panel took ${panelReady} ms`)
    // Tabs follow the arrow keys, Home and End (the watch officer's order: feed, movements,
    // operations first); a layer toggle is a labelled checkbox reachable with Tab.
    await page.locator('#tab-feed').focus()
    await page.keyboard.press('ArrowRight')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-movements')
    await page.keyboard.press('ArrowRight')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-operations')
    await page.keyboard.press('End')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-statements')
    await page.keyboard.press('ArrowLeft')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-layers')
    await page.keyboard.press('Enter')
    const toggle = page.getByRole('checkbox', { name: 'Reports' })
    await toggle.focus()
    await page.keyboard.press('Space')
    assert.equal(await toggle.isChecked(), false)
    await page.keyboard.press('Space')
    assert.equal(await toggle.isChecked(), true)
    await page.close()
  })

  test('units whose symbols cannot be fetched stay on the map as a plain frame, and get their symbols once the link is back', async () => {
    const officer = await openOfficer(browser)
    try {
      await signIn(officer.page, server.baseUrl, 'army.watch')
      await officer.page.route('**/api/unit-symbols/**', (route) => route.abort('connectionfailed'))
      await officer.page.goto(`${server.baseUrl}/rooms/kirkuk`)
      await officer.page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 })
      await officer.page.waitForFunction(() => performance.getEntriesByName('tansiq:picture-drawn').length > 0, undefined, { timeout: 20_000 })
      await sharpMap(officer.page)
      // The stand-in's grey, and no friendly symbol's light blue (milsymbol's rgb(128, 224, 255)).
      const standIn = [0xe5, 0xe7, 0xeb] as const
      const friendlyBlue = [128, 224, 255] as const
      const before = await mapPixels(officer.page)
      assert.ok(before.count(standIn) > 50, `stand-ins drawn (${before.count(standIn)} px)`)
      assert.equal(before.count(friendlyBlue), 0)
      await officer.page.unroute('**/api/unit-symbols/**')
      await officer.page.waitForResponse((response) => response.url().includes('/api/unit-symbols/') && response.status() === 200, { timeout: 20_000 })
      await officer.page.waitForTimeout(1000)
      await sharpMap(officer.page)
      const after = await mapPixels(officer.page)
      assert.ok(after.count(friendlyBlue) > 50, `symbols drawn once fetched (${after.count(friendlyBlue)} px)`)
      assert.ok(after.count(standIn) < before.count(standIn) / 2, 'the stand-ins replaced')
    } finally {
      await officer.context.close()
    }
  })

  test('the map follows a drag of the mouse (a software renderer drops the resolution as the drag begins, without ending it)', async () => {
    const officer = await openOfficer(browser)
    try {
      await signIn(officer.page, server.baseUrl, 'army.watch')
      await officer.page.goto(`${server.baseUrl}/rooms/kirkuk`)
      await officer.page.waitForFunction(() => performance.getEntriesByName('tansiq:picture-drawn').length > 0, undefined, { timeout: 20_000 })
      await sharpMap(officer.page)
      const canvas = officer.page.locator('[data-testid="map"] canvas')
      const before = PNG.sync.read(await canvas.screenshot())
      const box = (await canvas.boundingBox())!
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
      await officer.page.mouse.move(x, y)
      await officer.page.mouse.down()
      for (let step = 1; step <= 12; step++) await officer.page.mouse.move(x - (200 * step) / 12, y)
      await officer.page.mouse.up()
      await officer.page.waitForTimeout(300)
      await sharpMap(officer.page)
      const after = PNG.sync.read(await canvas.screenshot())
      // The picture moved 200 px left (within a few px of inertia): of every shift from 0 to 400 px, one near
      // 200 px matches it best, and much better than none.
      const shifts = Array.from({ length: 81 }, (_, step) => step * 5)
      const differences = shifts.map((shift) => shiftedDifference(before, after, shift))
      const best = Math.min(...differences)
      const bestShift = shifts[differences.indexOf(best)]!
      assert.ok(bestShift >= 185 && bestShift <= 230, `moved by the drag: best match shifted ${bestShift} px (${best.toFixed(1)}; in place ${differences[0]!.toFixed(1)})`)
      assert.ok(best < differences[0]! / 2, `moved by the drag: ${best.toFixed(1)} shifted against ${differences[0]!.toFixed(1)} in place`)
    } finally {
      await officer.context.close()
    }
  })

})
