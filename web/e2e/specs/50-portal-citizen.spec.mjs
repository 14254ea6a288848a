// The public portal (公众门户), signed out: progress lookup by case number and
// check characters, complaints, published rankings, the home page.
import assert from 'node:assert/strict'
import { still as settled, box } from '../support.mjs'

// Waits for the page to settle before a screenshot: no loading veil, and no
// finite CSS transition still running (tags fade in).

// A case of the demo city the portal can look up: its number, the last four
// characters of the applicant's identity number (the store keeps it masked,
// those four in clear, as `case show` prints it) and the masked number itself.
// Cases still in progress come first, so the deadline shows the working days left.
async function caseWithApplicant(city, base, password) {
  const supervisor = await staff(base, 'supervisor', password)
  const candidates = []
  for (const stage of ['review', 'accept', 'decide']) {
    const page = await supervisor('GET', `/api/v1/cases?kind=approval&stage=${stage}&limit=5`)
    candidates.push(...page.json.items.map((c) => c.id))
  }
  const alerts = JSON.parse(city.cli(['alerts', 'list', '--limit', '20', '--json']))
  candidates.push(...alerts.map((a) => a.case_id))
  for (const id of [...new Set(candidates)].slice(0, 25)) {
    const shown = JSON.parse(city.cli(['case', 'show', id, '--json']))
    if (shown.kind !== 'approval') continue
    const masked = shown.events.map((e) => e.attrs?.applicant_id_masked).find(Boolean)
    if (masked && /^[0-9X]{4}$/.test(masked.slice(-4))) return { id, check: masked.slice(-4), masked }
  }
  throw new Error('no case with a masked applicant id in the demo city')
}

// A signed-in caller of the API (the staff side that sets up what the portal shows).
async function staff(base, name, password) {
  const r = await fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }),
  })
  assert.equal(r.status, 200, `sign-in of ${name}`)
  const cookie = r.headers.get('set-cookie').split(';')[0]
  const { csrf_token: csrf } = await r.json()
  return async (method, path, body) => {
    const answer = await fetch(base + path, {
      method, headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await answer.text()
    return { status: answer.status, json: text ? JSON.parse(text) : null }
  }
}

// A short questionnaire open from yesterday for a month, on every item.
function questionnaire(id) {
  const day = 24 * 3600 * 1000
  return {
    id,
    title: { zh: '政务服务满意度调查', en: 'Government service satisfaction survey' },
    description: { zh: '问卷约需 1 分钟，结果用于改进服务，不会影响您的办件。', en: 'About a minute; answers help us improve and never affect your case.' },
    opens_at: new Date(Date.now() - day).toISOString(),
    closes_at: new Date(Date.now() + 30 * day).toISOString(),
    questions: [
      { id: 'overall', kind: 'scale', text: { zh: '您对本次办事的总体评价', en: 'How was your experience overall?' } },
      { id: 'channel', kind: 'single', text: { zh: '您通过哪种渠道办理？', en: 'How did you apply?' },
        options: [{ id: 'online', zh: '网上办事大厅', en: 'Online' }, { id: 'window', zh: '政务服务中心窗口', en: 'Counter' }] },
      { id: 'comment', kind: 'text', required: false, text: { zh: '您的意见和建议', en: 'Anything to add?' } },
    ],
  }
}

// What a page must never show: identity numbers, mobile numbers, the masked id's clear part.
function assertNothingPersonal(text, kase) {
  assert.doesNotMatch(text, /\d{17}[\dX]/, 'no identity number')
  assert.doesNotMatch(text, /(?<!\d)1[3-9]\d{9}(?!\d)/, 'no mobile number')
  assert.ok(!text.includes(kase.masked), 'not even the masked identity number')
}

export default function (test) {
  test('portal: a citizen looks a case up and sees its steps and promised date', async ({ newPage, base, city, shot, PASSWORD, allowConsoleErrors }) => {
    // The wrong check and the unknown case are answered 404 on purpose.
    allowConsoleErrors(/status of 404/)
    const kase = await caseWithApplicant(city, base, PASSWORD)
    const page = await newPage()
    await page.goto(`${base}/public/progress`)
    await box(page, 'progress-id').fill(kase.id)
    await box(page, 'progress-check').fill(kase.check)
    await page.getByTestId('progress-submit').click()
    const result = page.getByTestId('progress-result')
    await result.waitFor()
    assert.ok((await result.textContent()).includes(kase.id))
    assert.ok(await page.locator('[data-test="progress-timeline"] .el-timeline-item').count() >= 1, 'a timeline of steps')
    assert.match(await page.getByTestId('progress-promised').textContent(), /期限 \d{4}-\d{2}-\d{2}/)
    assertNothingPersonal(await page.locator('body').innerText(), kase)
    assert.equal(await box(page, 'progress-check').inputValue(), '', 'the check characters are cleared')
    await page.evaluate(() => document.activeElement?.blur())
    await settled(page)
    await shot(page, 'portal-progress')

    // Wrong characters and an unknown case read the same.
    const wrong = kase.check === '0000' ? '1111' : '0000'
    await box(page, 'progress-check').fill(wrong)
    await page.getByTestId('progress-submit').click()
    const notFound = page.getByTestId('progress-not-found')
    await notFound.waitFor()
    const message = await notFound.textContent()
    assert.equal(await result.count(), 0)
    await box(page, 'progress-id').fill(`${kase.id}9`)
    await box(page, 'progress-check').fill(kase.check)
    await page.getByTestId('progress-submit').click()
    await notFound.waitFor()
    assert.equal(await notFound.textContent(), message)
  })

  test('portal: a citizen files a complaint, gets its number and follows it', async ({ newPage, base, city, PASSWORD }) => {
    const kase = await caseWithApplicant(city, base, PASSWORD)
    const page = await newPage()
    await page.goto(`${base}/public/complaints`)
    await box(page, 'complaint-case').fill(kase.id)
    await box(page, 'complaint-content').fill('窗口要求重复提交已经提交过的材料，来回跑了三趟。')
    await box(page, 'complaint-name').fill('张三丰')
    await box(page, 'complaint-contact').fill('13812345678')
    await page.getByTestId('complaint-submit').click()
    const id = (await page.getByTestId('complaint-id').textContent()).trim()
    assert.match(id, /^TS-\d+$/)
    const code = (await page.getByTestId('complaint-code').textContent()).trim()
    assert.match(code, /^[A-Z2-9]{10}$/)
    const text = await page.locator('body').innerText()
    assert.ok(text.includes('张**') && text.includes('138****5678'), 'the complainant is echoed masked')
    assert.ok(!text.includes('张三丰') && !text.includes('13812345678'), 'and never in clear')

    await page.getByTestId('complaint-follow').click()
    assert.equal(await box(page, 'follow-id').inputValue(), id)
    await box(page, 'follow-code').fill(code)
    await page.getByTestId('follow-submit').click()
    assert.equal((await page.getByTestId('follow-state').textContent()).trim(), '已受理')
  })

  test('portal: a citizen answers an open questionnaire with a case number', async ({ newPage, base, PASSWORD }) => {
    const assessor = await staff(base, 'assessor', PASSWORD)
    const id = `e2e-satisfaction-${Date.now().toString(36)}`
    assert.equal((await assessor('POST', '/api/v1/surveys', questionnaire(id))).status, 201)
    assert.equal((await assessor('POST', `/api/v1/surveys/${id}/publish`, {})).status, 200)
    // A concluded case answers it (the number on the citizen's receipt).
    const supervisor = await staff(base, 'supervisor', PASSWORD)
    const done = (await supervisor('GET', '/api/v1/cases?kind=approval&stage=deliver&limit=1')).json.items[0]
    assert.ok(done, 'a delivered case')

    const page = await newPage()
    await page.goto(`${base}/public/surveys`)
    await page.getByTestId(`survey-open-${id}`).click()
    await box(page, 'survey-case').fill(done.id)
    await page.getByTestId('survey-submit').click()
    // The first required question is named before anything is sent.
    await page.getByText('此题必答').first().waitFor()
    const questions = page.locator('.question')
    await questions.nth(0).locator('.el-radio-button').nth(1).click()
    await questions.nth(1).locator('.el-radio').first().click()
    await questions.nth(2).locator('textarea').fill('材料清单写得很清楚')
    await page.getByTestId('survey-submit').click()
    await page.getByTestId('survey-accepted').waitFor()
    const results = await assessor('GET', `/api/v1/surveys/${id}/results`)
    assert.equal(results.status, 200)
    assert.equal(results.json.valid_responses, 1)
    const answered = results.json.versions.find((v) => v.version === 1).questions
    assert.deepEqual(answered.find((q) => q.id === 'overall').distribution, [0, 1, 0, 0, 0])
    assert.equal(answered.find((q) => q.id === 'channel').options.find((o) => o.id === 'online').count, 1)
  })

  test('portal: published rankings show with charts, and the home page', async ({ newPage, base, shot, PASSWORD }) => {
    // The assessor publishes last month's ranking through the API.
    const assessor = await staff(base, 'assessor', PASSWORD)
    const now = new Date()
    const last = new Date(now.getFullYear(), now.getMonth() - 1, 1)
    const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`
    const published = await assessor('POST', '/api/v1/publications', { period })
    assert.ok([201, 409].includes(published.status), `publish ${period}: ${published.status}`)
    const expected = (await (await fetch(`${base}/api/v1/public/rankings/${period}`)).json()).scores.departments.length
    assert.ok(expected > 0)

    const page = await newPage()
    await page.goto(`${base}/public/rankings`)
    await page.getByTestId('public-ranking-row').first().waitFor()
    assert.equal(await page.getByTestId('public-ranking-row').count(), expected)
    assert.equal(await page.locator('canvas').count() >= 2, true, 'two charts')
    await page.getByTestId('ranking-intact').getByText('公示数据未被改动').waitFor()

    await page.goto(`${base}/public`)
    await page.getByTestId('entry-progress').waitFor()
    await page.getByText('最新效能排名').waitFor()
    await page.locator('.top li').first().waitFor()
    await settled(page)
    await shot(page, 'portal')
  })
}
