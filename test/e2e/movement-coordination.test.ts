// Movement coordination in the browser: a Peshmerga watch officer draws a route on the map with
// the mouse, checks its deconfliction findings (it crosses the Iraqi Army's area of
// responsibility) and submits it; the army's watch officer sees it arrive live in the movement
// inbox and acknowledges; the Peshmerga screen shows the movement cleared without a reload. A
// second movement, in Arabic, is objected to with a reason (which is required). Objects not
// released to the army (a Peshmerga-only area, a Peshmerga draft movement) never reach its
// screen; an army analyst sees the movement but no button to answer it. A new area typed with the
// keyboard changes the room's gaps live, and dragging one of its corners changes it again.
// Screenshots of the form and the inbox in Arabic and English go to test-artifacts/.
/// <reference lib="dom" />
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { seedDemoPicture } from '../../src/demo/demo-picture.ts'
import { commandLineActor } from '../../src/platform/auth/principal.ts'
import { testPassword } from '../../src/server/test-harness.ts'
import { addVertex, escape, finish, geometryOf, insertVertex, midpoints, removeVertex, verticesOf, type DrawingShape } from '../../web/src/features/map/drawing/drawing-store.ts'
import { inboxOf } from '../../web/src/features/movements/movement-rules.ts'
import { fromZonedInput, toZonedInput } from '../../web/src/features/movements/zoned-time.ts'
import type { Movement } from '../../src/movements/movement-schemas.ts'
import { artifactPath, launchChromium, openOfficer, pixelOf, signIn, startBrowserTestServer, type BrowserTestServer, type Officer } from './support/browser.ts'

/** Zooms the map out with its keyboard (−) until every point is in view, as a user would. */
async function bringIntoView(page: Page, points: ReadonlyArray<[number, number]>): Promise<void> {
  const map = page.locator('[data-testid="map"]')
  for (let attempt = 0; attempt < 6; attempt++) {
    const view = (await map.getAttribute('data-view'))!
    const [west, south, east, north] = view.split(',').map(Number) as [number, number, number, number]
    const margin = Math.min(east - west, north - south) * 0.05
    if (points.every(([lon, lat]) => lon > west + margin && lon < east - margin && lat > south + margin && lat < north - margin)) return
    await map.locator('canvas').focus()
    await page.keyboard.press('-')
    await page.waitForFunction((before) => document.querySelector('[data-testid="map"]')?.getAttribute('data-view') !== before, view)
  }
  throw new Error('the points never came into view')
}

/** Draws a route with real mouse clicks on the map canvas, then finishes it with the Finish button. */
async function drawRoute(page: Page, points: ReadonlyArray<[number, number]>, finishLabel: string): Promise<void> {
  const map = (state: string) => page.locator(`[data-testid="map"]${state}`)
  await map('[data-drawing-mode="draw"]').waitFor()
  await bringIntoView(page, points)
  for (const [index, [lon, lat]] of points.entries()) {
    const { x, y } = await pixelOf(page, lon, lat)
    await page.mouse.click(x, y)
    await map(`[data-drawing-vertices="${index + 1}"]`).waitFor()
  }
  await page.getByRole('button', { name: finishLabel, exact: true }).click()
  await map('[data-drawing-mode="edit"]').waitFor()
}

/**
 * Types the planned window into the form, in the room's time (Baghdad, UTC+3 all year): clear of
 * the demo movements' windows, so the only findings are the areas of responsibility crossed.
 */
async function setWindow(page: Page, startsInHours: number, hours: number): Promise<Date> {
  const quarter = 15 * 60_000
  const start = Math.ceil((Date.now() + startsInHours * 3_600_000) / quarter) * quarter
  const baghdad = (time: number) => new Date(time + 3 * 3_600_000).toISOString().slice(0, 16)
  await page.locator('input[name=plannedStart]').fill(baghdad(start))
  await page.locator('input[name=plannedEnd]').fill(baghdad(start + hours * 3_600_000))
  return new Date(start)
}

const userZone = 'Europe/Berlin'
const secretAreaName = 'Peshmerga reserve assembly area (restricted)'
/** Drawn by a watch officer: kept to the Peshmerga (only a commander shares beyond the organization), yet it closes gaps. */
const newAreaName = 'Peshmerga Kifri bridging AOR'
const secretDraftPurpose = 'Restricted: night resupply of observation post 9'
const firstPurpose = 'Resupply convoy from Kifri towards Tuz Khurmatu on the southern road'
const secondPurpose = 'قافلة إسناد هندسي نحو طوزخورماتو لإصلاح الجسر'
const objection = 'يتزامن المرور مع عملية تفتيش للجيش على الطريق نفسه؛ نقترح التأجيل ساعتين.'

describe('movement coordination between two organizations', () => {
  let server: BrowserTestServer
  let browser: Browser
  let peshmerga: Officer
  let army: Officer
  const secretIds: string[] = []

  before(async () => {
    browser = await launchChromium()
    server = await startBrowserTestServer()
    await seedDemoPicture(server.tansiq)
    // Released to the Peshmerga only: an area, and a draft movement (drafts stay with their author).
    const { authorization } = await server.tansiq.login('pesh.commander')
    const area = await server.tansiq.app.inject({
      method: 'POST', url: '/api/areas', headers: { authorization },
      payload: {
        kind: 'aor', names: { en: secretAreaName, ar: 'منطقة تجمع احتياط البيشمركة (مقيّدة)', ckb: 'ناوچەی کۆبوونەوەی یەدەگی پێشمەرگە (سنووردار)' },
        geometry: { type: 'Polygon', coordinates: [[[45.2, 35.45], [45.4, 35.45], [45.4, 35.6], [45.2, 35.6], [45.2, 35.45]]] }, roomId: 'kirkuk', release: { scope: 'originator' },
      },
    })
    assert.equal(area.statusCode, 201, area.body)
    secretIds.push(area.json().id as string)
    const units = (await server.tansiq.units.list({ organizationId: 'peshmerga' }, { limit: 100 })).filter((unit) => unit.organizationId === 'peshmerga' && unit.homeRoomId === 'kirkuk')
    const start = new Date(Date.now() + 30 * 3_600_000)
    const draft = await server.tansiq.app.inject({
      method: 'POST', url: '/api/movements', headers: { authorization },
      payload: {
        roomId: 'kirkuk', unitIds: [units[0]!.id], route: { type: 'LineString', coordinates: [[45.25, 35.5], [45.35, 35.55]] },
        plannedStart: start.toISOString(), plannedEnd: new Date(start.getTime() + 3_600_000).toISOString(), size: { vehicles: 2, personnel: 8 },
        purpose: secretDraftPurpose, liaison: { name: 'Kak Rebwar', radio: 'Garmiyan net 3' }, precedence: 'routine',
      },
    })
    assert.equal(draft.statusCode, 201, draft.body)
    secretIds.push(draft.json().id as string)
    // An analyst of the army: may read the movements told to the army, may not answer them.
    await server.tansiq.accounts.createUser(commandLineActor('e2e'), { username: 'army.analyst', displayName: 'Iraqi Army analyst', organizationId: 'iraqi-army', role: 'analyst', password: testPassword })
    // The Peshmerga officer's browser is in another zone than the room's: the form shows both clocks.
    peshmerga = await openOfficer(browser, { timezoneId: userZone })
    army = await openOfficer(browser)
  })

  after(async () => {
    await browser?.close()
    await server?.tansiq.close()
  })

  test('a route drawn and checked by one organization arrives live for the other, whose acknowledgement clears it live', async () => {
    await Promise.all(([[peshmerga, 'pesh.watch'], [army, 'army.watch']] as const).map(async ([officer, username]) => {
      await signIn(officer.page, server.baseUrl, username)
      await officer.page.locator('a.room-card[href="/rooms/kirkuk"]').click()
      await officer.page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 })
      await officer.page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 })
      await officer.page.locator('#tab-movements').click()
    }))
    await army.page.getByRole('heading', { name: 'Movements concerning us' }).waitFor()

    // The Peshmerga notify a movement: a unit, a route drawn with the mouse across the army's Tuz Khurmatu area.
    const { page } = peshmerga
    await page.getByRole('button', { name: 'Notify a movement' }).click()
    await page.locator('.movement-units input[type=checkbox]').first().check()
    const start = await setWindow(page, 50, 3)
    // The planned start is typed in the room's time; the form tells it in the officer's own zone too.
    const inBerlin = new Intl.DateTimeFormat('en-GB', { timeZone: userZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start)
    assert.match(await page.locator('label', { has: page.locator('input[name=plannedStart]') }).innerText(), new RegExp(`Your time: ${inBerlin}`))
    // Escape drops a drawing just begun.
    await page.getByRole('button', { name: 'Draw a route' }).click()
    await bringIntoView(page, [[45.15, 34.575], [44.55, 34.58]])
    const stray = await pixelOf(page, 45.3, 35.2)
    await page.mouse.click(stray.x, stray.y)
    await page.locator('[data-testid="map"][data-drawing-vertices="1"]').waitFor()
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="map"][data-drawing-mode="none"]').waitFor()
    await page.getByRole('button', { name: 'Draw a route' }).click()
    await drawRoute(page, [[45.15, 34.575], [44.85, 34.57], [44.55, 34.58]], 'Finish')
    assert.match(await page.getByTestId('drawing-status').innerText(), /^Route of 3 points, \d+(\.\d)? km\.$/)
    // The keyboard's view of the same route: the coordinates as typed values.
    await page.getByText('Coordinates (keyboard entry)').click()
    const firstLongitude = Number(await page.locator('.drawing-point').first().getByLabel('Longitude').inputValue())
    assert.ok(Math.abs(firstLongitude - 45.15) < 0.01, `the first point was clicked at longitude ${firstLongitude}`)

    // Check before filling everything: the form says what is missing and asks nothing of the server.
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    await page.getByText('Say what the movement is for.').waitFor()
    assert.equal(await page.getByRole('button', { name: 'Submit the notification' }).isDisabled(), true)
    await page.locator('input[name=vehicles]').fill('6')
    await page.locator('input[name=personnel]').fill('40')
    await page.locator('textarea[name=purpose]').fill(firstPurpose)
    await page.locator('input[name=liaisonPhone]').fill('+964 750 123 4567')
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    const result = page.locator('.movement-check-result[data-checked="true"]')
    await result.waitFor()
    await result.locator('.finding[data-counterpart-type="area"][data-counterpart-organization="iraqi-army"]').waitFor()
    assert.match(await result.innerText(), /Iraqi Army Tuz Khurmatu AOR/)
    assert.match(await result.innerText(), /The movement crosses it\./)
    await result.scrollIntoViewIfNeeded()
    await page.waitForTimeout(400) // the findings drawn on the map
    await page.screenshot({ path: artifactPath('movement-form-en.png') })

    await page.getByRole('button', { name: 'Submit the notification' }).click()
    const detail = page.locator('.movement-detail[data-movement-status="submitted"]')
    await detail.waitFor()
    const movementId = (await detail.getAttribute('data-movement-id'))!
    await page.locator('.party[data-organization="iraqi-army"][data-answer="none"]').waitFor()

    // The army: it arrives live, first in the inbox, awaiting an answer.
    const row = army.page.locator(`.movement-section-awaiting .movement-row[data-movement-id="${movementId}"]`)
    await row.waitFor({ timeout: 10_000 })
    assert.match(await row.innerText(), /Routine/)
    assert.match(await row.innerText(), new RegExp(firstPurpose))
    await army.page.screenshot({ path: artifactPath('movement-inbox-en.png') })
    await row.getByRole('button').click()
    await army.page.locator(`.movement-detail[data-movement-id="${movementId}"]`).waitFor()
    await army.page.getByRole('button', { name: 'Acknowledge' }).click()
    await army.page.locator('.movement-detail[data-movement-status="cleared"]').waitFor()

    // The Peshmerga's screen follows live, without a reload.
    const navigations: string[] = []
    page.on('framenavigated', (frame) => navigations.push(frame.url()))
    await page.locator('.movement-detail[data-movement-status="cleared"]').waitFor({ timeout: 10_000 })
    await page.locator('.party[data-organization="iraqi-army"][data-answer="acknowledged"]').waitFor()
    await page.locator('.movement-timeline li[data-kind="acknowledged"]').waitFor()
    assert.deepEqual(navigations, [], 'no reload')
  })

  test('an objection needs its reason, in Arabic too, and turns the movement conflicted for both', async () => {
    const { page } = peshmerga
    await page.getByRole('button', { name: 'العربية' }).click()
    await page.getByRole('button', { name: 'عودة إلى الحركات' }).click()
    await page.getByRole('button', { name: 'أبلغ عن حركة' }).click()
    await page.locator('.movement-units input[type=checkbox]').first().check()
    await setWindow(page, 56, 2)
    await page.getByRole('button', { name: 'ارسم مسار الحركة' }).click()
    await drawRoute(page, [[45.0, 34.9], [44.65, 34.92]], 'إنهاء')
    await page.locator('input[name=vehicles]').fill('3')
    await page.locator('input[name=personnel]').fill('15')
    await page.locator('textarea[name=purpose]').fill(secondPurpose)
    await page.locator('select[name=precedence]').selectOption('immediate')
    await page.locator('input[name=liaisonPhone]').fill('+964 770 987 6543')
    await page.getByRole('button', { name: 'تحقّق', exact: true }).click()
    await page.locator('.movement-check-result[data-checked="true"] .finding[data-counterpart-organization="iraqi-army"]').waitFor()
    await page.locator('.movement-check-result').scrollIntoViewIfNeeded()
    await page.waitForTimeout(400)
    await page.screenshot({ path: artifactPath('movement-form-ar.png') })
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    await page.getByRole('button', { name: 'قدّم الإبلاغ' }).click()
    const detail = page.locator('.movement-detail[data-movement-status="submitted"]')
    await detail.waitFor()
    const movementId = (await detail.getAttribute('data-movement-id'))!

    // The army, in Arabic: the immediate movement comes first among those awaiting an answer.
    await army.page.getByRole('button', { name: 'العربية' }).click()
    await army.page.getByRole('button', { name: 'عودة إلى الحركات' }).click()
    const first = army.page.locator('.movement-section-awaiting .movement-row').first()
    await army.page.locator(`.movement-section-awaiting .movement-row[data-movement-id="${movementId}"]`).waitFor({ timeout: 10_000 })
    assert.equal(await first.getAttribute('data-movement-id'), movementId)
    assert.match(await first.innerText(), /فورية/)
    assert.match(await army.page.locator('.movement-awaiting-count').innerText(), /[٠-٩]/, 'Arabic-Indic digits')
    await army.page.screenshot({ path: artifactPath('movement-inbox-ar.png') })
    await first.getByRole('button').click()
    await army.page.getByRole('button', { name: 'اعتراض…' }).click()
    await army.page.getByRole('button', { name: 'أرسل الاعتراض' }).click()
    await army.page.getByText('اذكر سبب الاعتراض.').waitFor()
    assert.equal(await army.page.locator('.movement-detail').getAttribute('data-movement-status'), 'submitted', 'nothing sent without a reason')
    await army.page.getByLabel('سبب الاعتراض (مطلوب)').fill(objection)
    await army.page.getByRole('button', { name: 'أرسل الاعتراض' }).click()
    await army.page.locator('.movement-detail[data-movement-status="conflicted"]').waitFor()

    await page.locator('.movement-detail[data-movement-status="conflicted"]').waitFor({ timeout: 10_000 })
    assert.match(await page.locator('.party[data-organization="iraqi-army"]').innerText(), new RegExp(objection.slice(0, 20)))
  })

  test('an analyst of an affected organization reads the movement but is offered no answer', async () => {
    const analyst = await openOfficer(browser)
    await signIn(analyst.page, server.baseUrl, 'army.analyst')
    await analyst.page.locator('a.room-card[href="/rooms/kirkuk"]').click()
    await analyst.page.locator('#tab-movements').click()
    const row = analyst.page.locator('.movement-row', { hasText: firstPurpose })
    await row.waitFor({ timeout: 15_000 })
    assert.equal(await analyst.page.getByRole('button', { name: 'Notify a movement' }).count(), 0)
    await row.getByRole('button').click()
    await analyst.page.locator('.movement-detail .party[data-organization="iraqi-army"]').waitFor()
    for (const name of ['Acknowledge', 'Object…', 'Cancel the movement']) {
      assert.equal(await analyst.page.getByRole('button', { name }).count(), 0, `an analyst is offered ${name}`)
    }
    await analyst.context.close()
  })

  test('an area typed with the keyboard changes the room\'s gaps live', async () => {
    const { page } = peshmerga
    await page.getByRole('button', { name: 'English' }).click()
    await page.locator('#tab-areas').click()
    const gaps = page.locator('[data-gap-count]')
    await gaps.waitFor()
    const gapsBefore = await gaps.innerText()
    await page.getByRole('button', { name: 'New area' }).click()
    await page.locator('input[name=name-en]').fill(newAreaName)
    await page.locator('input[name=name-ar]').fill('قاطع مسؤولية البيشمركة - جسر كفري')
    // Every corner typed, without the mouse: Enter in a coordinate adds the point.
    await page.getByText('Coordinates (keyboard entry)').click()
    for (const [lon, lat] of [[44.7, 34.58], [44.92, 34.58], [44.92, 35.06], [44.7, 35.06]] as const) {
      await page.locator('.drawing-new-point').getByLabel('Latitude').fill(String(lat))
      await page.locator('.drawing-new-point').getByLabel('Longitude').fill(String(lon))
      await page.locator('.drawing-new-point').getByLabel('Longitude').press('Enter')
    }
    await page.getByRole('button', { name: 'Finish' }).click()
    assert.match(await page.getByTestId('drawing-status').innerText(), /^Area of 4 corners, [\d,]+(\.\d)? km²\.$/)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('.area-list li', { hasText: newAreaName }).waitFor()
    await page.waitForFunction((before) => document.querySelector('[data-gap-count]')?.textContent !== before, gapsBefore, { timeout: 15_000 })
    const gapsAfter = await gaps.innerText()
    console.log(`coverage before: ${gapsBefore}; after: ${gapsAfter}`)

    // Edit its vertices: drag the north-east corner further east with the mouse, and save.
    const item = page.locator('.area-list li', { hasText: newAreaName })
    const sizeBefore = await item.locator('.area-meta').innerText()
    await item.getByRole('button', { name: `Edit ${newAreaName}` }).click()
    await page.locator('[data-testid="map"][data-drawing-mode="edit"][data-drawing-vertices="4"]').waitFor()
    await bringIntoView(page, [[44.7, 34.58], [45.0, 35.1]])
    const from = await pixelOf(page, 44.92, 35.06)
    const to = await pixelOf(page, 45.0, 35.06)
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move((from.x + to.x) / 2, to.y, { steps: 4 })
    await page.mouse.move(to.x, to.y, { steps: 4 })
    await page.mouse.up()
    await page.getByText('Coordinates (keyboard entry)').click()
    const moved = Number(await page.locator('.drawing-point').nth(2).getByLabel('Longitude').inputValue())
    assert.ok(Math.abs(moved - 45.0) < 0.01, `the corner was dragged to longitude ${moved}`)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.waitForFunction(([name, before]) => Array.from(document.querySelectorAll('.area-list li')).some((li) => li.textContent?.includes(name!) && !li.textContent.includes(before!)), [newAreaName, sizeBefore] as const, { timeout: 10_000 })
    console.log(`area before: ${sizeBefore}; after: ${await item.locator('.area-meta').innerText()}`)
  })

  test('what is released to the Peshmerga only never reaches the army\'s screen', async () => {
    const armyHtml = await army.page.content()
    const armyFrames = army.frames.join('\n')
    for (const hidden of [secretAreaName, secretDraftPurpose, newAreaName, ...secretIds]) {
      assert.ok(!armyHtml.includes(hidden), `the army's page shows ${hidden}`)
      assert.ok(!armyFrames.includes(hidden), `the army's browser received ${hidden}`)
    }
    // The Peshmerga's own socket did carry them: the check above looks at the right data.
    const peshmergaFrames = peshmerga.frames.join('\n')
    assert.ok(secretIds.every((id) => peshmergaFrames.includes(id)))
  })
})

// The screens' pure rules, without a browser: the drawing's transitions, the room-zone clock, the inbox's order.
describe('the pure rules behind the movement screens', () => {
  const empty: DrawingShape = { owner: 'test', kind: 'route', mode: 'draw', vertices: [], selected: null, before: [] }

  test('a route needs two distinct points; finishing, Escape and editing follow the drawing rules', () => {
    let shape = addVertex(empty, [44.5, 34.5])
    assert.equal(geometryOf(shape), null)
    shape = addVertex(shape, [44.5, 34.5])
    assert.equal(finish(shape).mode, 'draw', 'the same point twice is not a route')
    shape = addVertex(shape, [44.61234567, 34.6])
    assert.deepEqual(geometryOf(shape), { type: 'LineString', coordinates: [[44.5, 34.5], [44.5, 34.5], [44.612346, 34.6]] })
    assert.equal(escape(shape), null, 'Escape drops a drawing begun from nothing')
    const edited = insertVertex(finish(shape), 1, [44.55, 34.55])
    assert.equal(edited.mode, 'edit')
    assert.equal(edited.vertices.length, 4)
    assert.equal(edited.selected, 2)
    assert.equal(escape(edited)?.selected, null, 'Escape deselects while editing')
    assert.equal(removeVertex(edited, 0).vertices.length, 3)
    // Drawing again and pressing Escape returns to the shape before.
    const redrawn: DrawingShape = { ...edited, mode: 'draw', vertices: [[45, 35]], before: edited.vertices }
    assert.deepEqual(escape(redrawn)?.vertices, edited.vertices)
  })

  test('a polygon is closed in GeoJSON and has a midpoint on its closing side', () => {
    const ring = verticesOf([[44, 34], [45, 34], [45, 35], [44, 34]], 'polygon')
    assert.deepEqual(ring, [[44, 34], [45, 34], [45, 35]])
    const polygon: DrawingShape = { ...empty, kind: 'polygon', mode: 'edit', vertices: ring }
    assert.deepEqual(geometryOf(polygon), { type: 'Polygon', coordinates: [[[44, 34], [45, 34], [45, 35], [44, 34]]] })
    assert.deepEqual(midpoints(polygon).map((midpoint) => midpoint.after), [0, 1, 2])
  })

  test('the form\'s times are the room\'s wall clock, across a change of summer time too', () => {
    assert.equal(fromZonedInput('2030-03-01T09:00', 'Asia/Baghdad')?.toISOString(), '2030-03-01T06:00:00.000Z')
    assert.equal(toZonedInput(new Date('2030-03-01T06:00:00Z'), 'Asia/Baghdad'), '2030-03-01T09:00')
    assert.equal(fromZonedInput('2030-03-31T03:30', 'Europe/Berlin')?.toISOString(), '2030-03-31T01:30:00.000Z')
    assert.equal(fromZonedInput('2030-03-30T03:30', 'Europe/Berlin')?.toISOString(), '2030-03-30T02:30:00.000Z')
    assert.equal(fromZonedInput('not a time', 'Asia/Baghdad'), null)
  })

  test('the inbox puts what awaits the organization\'s answer first, flash before routine', () => {
    const movement = (id: string, precedence: Movement['precedence'], startsIn: number, organizationId: string, answer: 'acknowledged' | null = null, status: Movement['status'] = 'submitted') => ({
      id, precedence, status, organizationId, plannedStart: new Date(Date.now() + startsIn * 3_600_000).toISOString(),
      parties: organizationId === 'iraqi-army' ? [] : [{ organizationId: 'iraqi-army', affected: true, answer }],
    }) as unknown as Movement
    const inbox = inboxOf([
      movement('routine-soon', 'routine', 2, 'peshmerga'), movement('flash-later', 'flash', 9, 'peshmerga'), movement('ours', 'priority', 1, 'iraqi-army'),
      movement('answered', 'routine', 3, 'cts', 'acknowledged'), movement('ended', 'routine', -3, 'cts', null, 'completed'),
    ], 'iraqi-army')
    assert.deepEqual(inbox.awaiting.map((item) => item.id), ['flash-later', 'routine-soon'])
    assert.deepEqual(inbox.ours.map((item) => item.id), ['ours'])
    assert.deepEqual(inbox.answered.map((item) => item.id), ['answered'])
    assert.deepEqual(inbox.ended.map((item) => item.id), ['ended'])
  })
})
