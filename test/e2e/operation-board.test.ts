// The operation board in a browser: the reference operation Black Earth (planned and approved by
// the Peshmerga and the Iraqi Army through the API) on the screens of both commanders. A log entry
// written by one, with a place picked on the map, appears live at the other; the Peshmerga claims
// recorded in the browser and the army's through the API disagree, and the table marks each
// discrepancy; figures are proposed, both commanders agree in the browser, and both see them
// locked; the after-action report downloads as PDF and HTML. Screenshots in Arabic and English.
/// <reference lib="dom" />
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { createApprovedReferenceOperation, type ReferenceOperation } from '../../src/operations/operation-test-fixture.ts'
import { artifactPath, launchChromium, newUserContext, pixelOf, signIn, startBrowserTestServer, type BrowserTestServer } from './support/browser.ts'

/** A 1×1 PNG, the smallest photo the log accepts. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const logText = 'Kifri axis: lead company reached the edge of Balkana, no contact — وصلت السرية الأولى إلى أطراف بلكانة'

describe('the operation board', () => {
  let server: BrowserTestServer
  let browser: Browser
  let reference: ReferenceOperation
  let peshmerga: Page
  let army: Page

  async function openBoard(page: Page, username: string): Promise<void> {
    await signIn(page, server.baseUrl, username)
    await page.goto(`${server.baseUrl}/rooms/${reference.roomId}`)
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 })
    await page.locator('#tab-operations').click()
    await page.locator(`li[data-operation-id="${reference.operationId}"] button`).click()
    await page.locator(`.operation-board[data-operation-id="${reference.operationId}"]`).waitFor()
  }

  const section = (page: Page, id: 'plan' | 'log' | 'results' | 'documents') => page.locator(`#operation-tab-${id}`).click()

  before(async () => {
    browser = await launchChromium()
    server = await startBrowserTestServer()
    reference = await createApprovedReferenceOperation(server.tansiq, { start: true })
    const [first, second] = await Promise.all([newUserContext(browser), newUserContext(browser)])
    peshmerga = await first.newPage()
    army = await second.newPage()
  })

  after(async () => {
    await browser?.close()
    await server?.tansiq.close()
  })

  test('both commanders see the board: names, status, participants approved, phases in room time', async () => {
    await Promise.all([openBoard(peshmerga, 'pesh.commander'), openBoard(army, 'army.commander')])
    for (const page of [peshmerga, army]) {
      const board = page.locator('.operation-board')
      assert.equal(await page.locator('#operation-title').innerText(), 'Black Earth')
      assert.match(await board.locator('.operation-names').innerText(), /الأرض السوداء[\s\S]*زەویی ڕەش/)
      assert.equal(await board.getAttribute('data-status'), 'active')
      assert.equal(await board.locator('.participant[data-organization="peshmerga"]').getAttribute('data-approval'), 'approved')
      assert.equal(await board.locator('.participant[data-organization="iraqi-army"]').getAttribute('data-approval'), 'approved')
      assert.equal(await board.locator('.participant[data-organization="coalition"]').getAttribute('data-approval'), 'support')
      assert.equal(await board.locator('.phase-list li').count(), 3)
      assert.match(await board.locator('.phase-list li[data-phase="2"] .phase-offsets').innerText(), /H\+4:00.*H\+12:00/)
    }
    // The lead may complete the operation; the army's commander has no lifecycle button.
    assert.equal(await peshmerga.locator('[data-action="complete"]').count(), 1)
    assert.equal(await army.locator('.operation-actions [data-action]').count(), 0)
    // The operations layer counts the operation; back on the tab, the board is where it was.
    await army.locator('#tab-layers').click()
    assert.equal(await army.locator('[data-layer-count="operations"]').innerText(), '1')
    await army.locator('#tab-operations').click()
    await army.locator(`.operation-board[data-operation-id="${reference.operationId}"]`).waitFor()
  })

  test('a log entry with a place picked on the map appears live on the other commander\'s board', async () => {
    await Promise.all([section(peshmerga, 'log'), section(army, 'log')])
    await peshmerga.locator('#log-text').fill(logText)
    await peshmerga.locator('#log-unit').selectOption(reference.units.peshmerga)
    await peshmerga.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 })
    await peshmerga.getByRole('button', { name: 'Pick on the map' }).click()
    const map = (await peshmerga.locator('[data-testid="map"]').boundingBox())!
    await peshmerga.mouse.click(map.x + map.width / 2, map.y + map.height / 2)
    assert.match(await peshmerga.locator('[data-testid="log-location"]').innerText(), /° N, .*° E/)
    await peshmerga.locator('#log-photo').setInputFiles({ name: 'balkana-edge.png', mimeType: 'image/png', buffer: onePixelPng })
    await peshmerga.getByRole('button', { name: 'Add to the log' }).click()
    await peshmerga.locator('.log-form [role="status"]', { hasText: 'Entry added' }).waitFor()
    const arrived = army.locator('.log-entry', { hasText: 'lead company reached the edge of Balkana' })
    await arrived.waitFor({ timeout: 10_000 })
    assert.match(await arrived.innerText(), /pesh\.commander/)
    assert.match(await arrived.innerText(), /Peshmerga Garmiyan brigade/)
    assert.match(await arrived.innerText(), /° N/)
    // The photo travels with the entry: shown on demand from the session's download.
    await arrived.getByRole('button', { name: 'Show the photo' }).click()
    await arrived.locator('img[alt="Photo of the entry"]').waitFor()
    assert.equal(await arrived.locator('img').evaluate((image) => (image as HTMLImageElement).naturalWidth), 1)
  })

  test('conflicting claims are side by side with every discrepancy marked in words, not only colour', async () => {
    await Promise.all([section(peshmerga, 'results'), section(army, 'results')])
    // The Peshmerga commander records its claims in the editor: 12 militants killed, 4 vehicles destroyed.
    const editor = peshmerga.locator('.claims-editor')
    await editor.getByRole('button', { name: 'Add a result' }).click()
    await editor.locator('.result-row').nth(0).locator('select').nth(0).selectOption('militant')
    await editor.locator('.result-row').nth(0).locator('select').nth(1).selectOption('killed')
    await editor.locator('.result-row').nth(0).locator('input.result-count').fill('12')
    await editor.getByRole('button', { name: 'Add a result' }).click()
    await editor.locator('.result-row').nth(1).locator('select').nth(0).selectOption('vehicle')
    await editor.locator('.result-row').nth(1).locator('select').nth(1).selectOption('destroyed')
    await editor.locator('.result-row').nth(1).locator('input.result-count').fill('4')
    await editor.locator('[data-action="save-claims"]').click()
    await editor.locator('[role="status"]', { hasText: 'Claims saved' }).waitFor()
    // The army's claims, through the API: 15 killed, 4 vehicles, and caves destroyed without a number.
    const recorded = await reference.call('army.commander', 'PUT', `/api/operations/${reference.operationId}/results/claims/iraqi-army`, {
      results: [{ item: 'militant', action: 'killed', count: 15 }, { item: 'vehicle', action: 'destroyed', count: 4 }, { item: 'cave', action: 'destroyed', count: 'unspecified' }],
    })
    assert.equal(recorded.status, 200, JSON.stringify(recorded.body))

    for (const page of [peshmerga, army]) {
      const killed = page.locator('tr[data-fact="militant:killed"]')
      await page.locator('tr[data-fact="militant:killed"][data-discrepant="true"]').waitFor({ timeout: 10_000 })
      assert.match(await killed.innerText(), /Discrepancy/)
      assert.match(await killed.innerText(), /Different counts/)
      assert.deepEqual(await killed.locator('td').evaluateAll((cells) => cells.map((cell) => cell.textContent)), ['≠ 12', '≠ 15'])
      assert.equal(await page.locator('tr[data-fact="vehicle:destroyed"]').getAttribute('data-discrepant'), 'false')
      assert.match(await page.locator('tr[data-fact="vehicle:destroyed"]').innerText(), /Same/)
      const caves = page.locator('tr[data-fact="cave:destroyed"]')
      assert.equal(await caves.getAttribute('data-discrepant'), 'true')
      assert.match(await caves.innerText(), /Not claimed by Ministry of Peshmerga Affairs/)
      assert.match(await page.locator('.claims-summary').innerText(), /Discrepancies in 2 of 3 results/)
      assert.match(await page.locator('[data-agreement]').innerText(), /No figures proposed yet/)
    }
  })

  test('figures proposed; both commanders agree in the browser; both see them locked', async () => {
    await peshmerga.locator('[data-action="open-propose"]').click()
    const proposal = peshmerga.locator('.propose-figures')
    // Starts from the claims (the lead's 12); the commanders settled on 14.
    const killedCount = proposal.locator('.result-row', { has: peshmerga.locator('option[value="killed"]:checked') }).locator('input.result-count')
    assert.equal(await killedCount.inputValue(), '12')
    await killedCount.fill('14')
    await proposal.locator('#propose-note').fill('14 confirmed by both liaison officers after the joint sweep of Balkana')
    await proposal.locator('[data-action="propose-figures"]').click()

    for (const page of [peshmerga, army]) {
      await page.locator('[data-agreement="open"]').waitFor({ timeout: 10_000 })
      assert.match(await page.locator('[data-agreement="open"]').innerText(), /not agreed yet — waiting for .*Iraqi Army.*Ministry of Peshmerga Affairs|not agreed yet — waiting for .*Ministry of Peshmerga Affairs.*Iraqi Army/)
    }
    await peshmerga.locator('[data-action="agree"]').click()
    await army.locator('[data-testid="round-waiting"]', { hasText: /waiting for Iraqi Army/ }).waitFor({ timeout: 10_000 })
    assert.doesNotMatch(await army.locator('[data-testid="round-waiting"]').innerText(), /Peshmerga/)
    await army.locator('[data-action="agree"]').click()

    for (const page of [peshmerga, army]) {
      await page.locator('[data-agreement="locked"]').waitFor({ timeout: 10_000 })
      assert.match(await page.locator('[data-agreement="locked"]').innerText(), /Agreed by every participant and locked \(round 1\)/)
      const agreed = page.locator('.figures-locked tr[data-fact="militant:killed"] td')
      assert.equal(await agreed.innerText(), '14')
      // Locked: no claims editor and no new proposal; a commander may reopen with a reason.
      assert.equal(await page.locator('.claims-editor').count(), 0)
      assert.equal(await page.locator('[data-action="open-propose"]').count(), 0)
      assert.equal(await page.locator('.reopen summary').count(), 1)
    }
  })

  test('the after-action report downloads as PDF and HTML, the statement shows; screenshots in English and Arabic', async () => {
    await Promise.all([section(peshmerga, 'documents'), section(army, 'documents')])
    const pdfHref = await peshmerga.locator('a[data-report="pdf-en"]').getAttribute('href')
    const pdf = await peshmerga.context().request.get(`${server.baseUrl}${pdfHref}`)
    assert.equal(pdf.status(), 200)
    assert.equal(pdf.headers()['content-type'], 'application/pdf')
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-')
    const html = await army.context().request.get(`${server.baseUrl}${await army.locator('a[data-report="html-ar"]').getAttribute('href')}`)
    assert.equal(html.status(), 200)
    assert.match(await html.text(), /الأرض السوداء/)

    await peshmerga.locator('[data-statement="en"]').click()
    const statement = peshmerga.locator('[data-testid="joint-statement"]')
    await statement.waitFor()
    assert.match(await statement.innerText(), /Black Earth/)
    assert.match(await statement.innerText(), /14/)

    await section(peshmerga, 'results')
    await peshmerga.waitForTimeout(300)
    await peshmerga.screenshot({ path: artifactPath('operation-board-en.png') })

    await army.locator('.app-header').getByRole('button', { name: 'العربية', exact: true }).click()
    assert.equal(await army.getAttribute('html', 'dir'), 'rtl')
    await army.locator('#operation-tab-results').click()
    await army.locator('[data-agreement="locked"]', { hasText: 'اتفقت عليها كل الجهات المشاركة وقُفلت' }).waitFor()
    // The agreed figure in Arabic-Indic digits.
    assert.equal(await army.locator('.figures-locked tr[data-fact="militant:killed"] td').innerText(), '١٤')
    await army.waitForTimeout(300)
    await army.screenshot({ path: artifactPath('operation-board-ar.png') })
  })

  test('the live feed names the log and results changes; a click on an objective area opens its popup, and the popup the board', async () => {
    const page = peshmerga
    await page.locator('#tab-feed').click()
    const log = page.locator('.feed-entry[data-layer="operation-log"]').first()
    assert.match(await log.locator('.feed-kind').innerText(), /^Operation log · new$/)
    assert.match(await log.locator('.feed-label').innerText(), /Black Earth.*: .*lead company reached the edge of Balkana/)
    const results = page.locator('.feed-entry[data-layer="operation-results"]').first()
    assert.match(await results.locator('.feed-kind').innerText(), /^Operation results/)
    assert.match(await results.locator('.feed-label').innerText(), /Black Earth.*: results agreed by every participant and locked/)
    assert.equal(await page.locator('.feed-entry .feed-label:empty').count(), 0, 'no blank line in the feed')

    // The board's "Show on the map" frames the operation; a click inside its objective area, away from the axes.
    await page.locator('#tab-operations').click()
    await page.getByRole('button', { name: 'Show on the map' }).click()
    await page.waitForTimeout(800) // the map's move to the operation
    await page.locator('#tab-feed').click()
    const inside = await pixelOf(page, 44.85, 34.835)
    await page.mouse.click(inside.x, inside.y)
    const popup = page.locator('.map-popup[data-popup="operation"]')
    await popup.waitFor({ timeout: 5_000 })
    const text = await popup.innerText()
    assert.match(text, /Joint operation/)
    assert.match(text, /Black Earth/)
    assert.match(text, /Objective area: /)
    assert.match(text, /Responsible: [\s\S]*Ministry of Peshmerga Affairs/)
    await popup.getByRole('button', { name: 'Open the operation' }).click()
    assert.equal(await page.locator('#tab-operations').getAttribute('aria-selected'), 'true')
    await page.locator(`.operation-board[data-operation-id="${reference.operationId}"]`).waitFor()
  })
})
