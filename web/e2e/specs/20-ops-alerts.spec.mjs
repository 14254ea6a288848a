// 预警督办: the department answers an alert with the keyboard alone, the bureau
// accepts it; the bureau escalates another and records accountability
// findings; another department can neither list nor open it.
import assert from 'node:assert/strict'
import { settled, box, apiAs } from '../support.mjs'

// Open yellow or red cards of the caller's scope, newest first.
async function openCards(api, dept) {
  const out = []
  for (const level of ['red', 'yellow']) {
    const r = await api.get(`/api/v1/alerts?state=open&level=${level}&limit=200${dept ? `&dept=${dept}` : ''}`)
    assert.equal(r.status, 200)
    out.push(...r.json.items)
  }
  return out.sort((a, b) => b.id - a.id)
}

// Presses Tab until the focus is inside the element marked `test` (a bounded walk).
async function tabTo(page, test) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab')
    const at = await page.evaluate(() => document.activeElement?.closest('[data-test]')?.getAttribute('data-test') ?? '')
    if (at === test) return
  }
  throw new Error(`Tab never reached ${test}`)
}

async function waitState(page, state) {
  await page.locator(`h1 [data-test="alert-state"][data-state="${state}"]`).waitFor()
}

// The alert escalated in the second test, for the third.
let escalated = null

export default function (test) {
  test('ops alerts: officer_a answers an alert by keyboard, the supervisor accepts it', async ({ signedIn, base, city, PASSWORD, shot }) => {
    const officerApi = await apiAs(base, 'officer_a', PASSWORD)
    const [card] = await openCards(officerApi)
    assert.ok(card, 'officer_a has an open yellow or red card')
    assert.equal(card.dept_code, city.deptA)

    const page = await signedIn('officer_a')
    await page.goto(`${base}/alerts`)
    await page.getByTestId('alert-table').locator('[data-dept]').first().waitFor()
    // Only their own department's alerts, in the table and in the counts.
    const depts = await page.getByTestId('alert-table').locator('[data-dept]').evaluateAll((els) => els.map((e) => e.dataset.dept))
    assert.ok(depts.length > 0)
    assert.deepEqual([...new Set(depts)], [city.deptA])

    // Find it by its number and open it.
    await box(page, 'alert-search').fill(String(card.id))
    await page.getByTestId('alert-search-submit').click()
    await page.getByTestId(`alert-link-${card.id}`).click()
    await page.waitForURL(new RegExp(`/alerts/${card.id}$`))
    await page.getByTestId('respond-form').waitFor()
    await waitState(page, 'open')
    await page.getByTestId('alert-legal-basis').waitFor()

    // Keyboard only: Space picks 说明情况, typing fills the text, Enter submits and confirms.
    await tabTo(page, 'respond-explained')
    await page.keyboard.press('Space')
    await tabTo(page, 'respond-text')
    await page.keyboard.type('该件因申请人补正材料延误，已于次日受理并告知申请人。')
    await tabTo(page, 'respond-attachments')
    await page.keyboard.type('补正告知书 揭市监补〔2026〕18号')
    await tabTo(page, 'respond-submit')
    await page.keyboard.press('Enter')
    await page.getByTestId('action-confirm').waitFor()
    await page.waitForFunction(() => document.activeElement?.closest('[data-test]')?.getAttribute('data-test') === 'action-confirm')
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/v1/alerts/${card.id}/actions`))
    await page.keyboard.press('Enter')
    assert.equal((await answered).status(), 200)
    await waitState(page, 'responded')
    await page.getByTestId('step-respond').getByText('说明情况').waitFor()
    await page.getByTestId('alert-no-actions').waitFor()

    // The bureau accepts the response.
    const sup = await signedIn('supervisor')
    await sup.goto(`${base}/alerts/${card.id}`)
    await waitState(sup, 'responded')
    await sup.getByTestId('action-accept').click()
    await sup.getByTestId('action-confirm').click()
    await waitState(sup, 'accepted')
    const thread = sup.getByTestId('alert-thread')
    await thread.getByTestId('step-respond').waitFor()
    await thread.getByTestId('step-accept').waitFor()
    assert.match(await thread.getByTestId('step-respond').textContent(), /officer_a/)
    assert.match(await thread.getByTestId('step-accept').textContent(), /supervisor/)
    // What the server holds agrees with the page.
    const after = await officerApi.get(`/api/v1/alerts/${card.id}`)
    assert.equal(after.json.alert.state, 'accepted')
    assert.deepEqual(after.json.thread.map((s) => s.action), ['respond', 'accept'])
    assert.equal(after.json.thread[0].response_kind, 'explained')
    // The alert as anyone opening it now sees it.
    await sup.reload()
    await waitState(sup, 'accepted')
    await sup.getByTestId('alert-thread').getByTestId('step-accept').waitFor()
    await settled(sup)
    await shot(sup, 'alert')
  })

  test('ops alerts: the supervisor escalates an alert and records accountability findings', async ({ signedIn, base, city, PASSWORD, shot }) => {
    const supApi = await apiAs(base, 'supervisor', PASSWORD)
    const [card] = await openCards(supApi, city.deptA)
    assert.ok(card, 'deptA still has an open card')
    escalated = card

    const page = await signedIn('supervisor')
    await page.goto(`${base}/alerts?state=open`)
    await page.getByTestId('alert-table').locator('[data-dept]').first().waitFor()
    await settled(page)
    await shot(page, 'alerts')

    await page.goto(`${base}/alerts/${card.id}`)
    await waitState(page, 'open')
    // A reason is required: confirming without one is refused on the page.
    await page.getByTestId('action-escalate').click()
    await page.getByTestId('action-confirm').click()
    await page.getByTestId('action-problem').waitFor()
    await box(page, 'action-field-text').fill('逾期未反馈，升级督办。')
    await page.getByTestId('action-confirm').click()
    await waitState(page, 'escalated')

    await page.getByTestId('action-open_accountability').click()
    await box(page, 'action-field-findings').fill('经核查，经办人未在法定时限内受理，责令书面检查。')
    await page.getByTestId('action-confirm').click()
    await waitState(page, 'accountability')
    await page.getByTestId('alert-thread').getByTestId('step-escalate').waitFor()
    await page.getByTestId('alert-thread').getByTestId('step-open_accountability').getByText('责令书面检查').waitFor()
    const after = await supApi.get(`/api/v1/alerts/${card.id}`)
    assert.equal(after.json.alert.state, 'accountability')
    assert.deepEqual(after.json.thread.map((s) => s.action), ['escalate', 'open_accountability'])
    // Only closing (with an outcome) and withdrawing remain.
    await page.getByTestId('action-close').waitFor()
    assert.equal(await page.getByTestId('action-accept').count(), 0)
  })

  test('ops alerts: officer_b neither lists nor opens deptA’s alert', async ({ signedIn, base, city, allowConsoleErrors }) => {
    assert.ok(escalated, 'the previous test escalated an alert')
    // The server answers 404 for an alert out of scope; the browser logs it.
    allowConsoleErrors(/status of 404/)
    const page = await signedIn('officer_b')
    await page.goto(`${base}/alerts`)
    await page.getByTestId('alert-table').locator('[data-dept]').first().waitFor()
    const depts = await page.getByTestId('alert-table').locator('[data-dept]').evaluateAll((els) => els.map((e) => e.dataset.dept))
    assert.deepEqual([...new Set(depts)], [city.deptB])

    // Searching for it by number or by its case finds nothing.
    for (const text of [String(escalated.id), escalated.case_id]) {
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/alerts'))
      await box(page, 'alert-search').fill(text)
      await page.getByTestId('alert-search-submit').click()
      await answered
      await page.getByTestId('alert-shown').getByText('已显示 0 条').waitFor()
      assert.equal(await page.getByTestId(`alert-link-${escalated.id}`).count(), 0)
    }

    // Opening it directly shows that it cannot be found, and nothing of it.
    await page.goto(`${base}/alerts/${escalated.id}`)
    await page.getByTestId('alert-not-found').waitFor()
    assert.equal(await page.getByTestId('alert-facts').count(), 0)
    assert.equal(await page.getByTestId('alert-thread').count(), 0)
  })
}
