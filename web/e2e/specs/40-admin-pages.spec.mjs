// Administration (系统管理): accounts and tokens shown once, the audit viewer
// for the auditor only, the working-day calendar and its closures.
import assert from 'node:assert/strict'
import { still as settled, box } from '../support.mjs'

// Waits for the page to settle before a screenshot: no loading veil, and no
// finite CSS transition still running (tags fade in).

// Picks an option of the <el-select> whose input has `id`.
async function choose(page, id, label) {
  await page.locator('.el-select__wrapper', { has: page.locator(`#${id}`) }).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}

async function api(base, path, init = {}) {
  const r = await fetch(base + path, init)
  const text = await r.text()
  return { status: r.status, json: text ? JSON.parse(text) : null }
}

export default function (test) {
  test('admin: sysadmin adds a user and sees the generated password once', async ({ signedIn, base }) => {
    const name = `e2e_${Date.now().toString(36)}` // new on every run
    const page = await signedIn('sysadmin')
    await page.waitForURL(/\/admin\/users$/)
    await page.getByTestId('user-add').click()
    await box(page, 'user-name').fill(name)
    await box(page, 'user-display').fill('测试督查员')
    await choose(page, 'user-role', '监察局督查员')
    await page.getByTestId('user-save').click()
    const shown = page.getByTestId('user-password')
    await shown.waitFor()
    const password = (await shown.textContent()).trim()
    assert.ok(password.length >= 12, `a generated password, got "${password}"`)
    await page.getByTestId('secret-dialog').getByText('只显示这一次').first().waitFor()
    // The password signs the new account in, which must then choose its own.
    const signIn = await api(base, '/api/v1/session', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }),
    })
    assert.equal(signIn.status, 200)
    assert.equal(signIn.json.must_change_password, true)
    // Once closed it is gone from the page.
    await page.getByTestId('secret-done').click()
    await page.getByTestId(`user-row-${name}`).waitFor()
    await shown.waitFor({ state: 'detached' })
    assert.ok(!(await page.content()).includes(password), 'the password is not on the page any more')
  })

  test('admin: sysadmin creates an API token shown once, then revokes it', async ({ signedIn, base }) => {
    const name = `e2e-hall-${Date.now().toString(36)}`
    const page = await signedIn('sysadmin')
    await page.goto(`${base}/admin/tokens`)
    await page.getByTestId('token-create').click()
    await box(page, 'token-name').fill(name)
    await box(page, 'token-source').fill('e2e-hall')
    await page.getByTestId('token-save').click()
    const shown = page.getByTestId('token-value')
    await shown.waitFor()
    const token = (await shown.textContent()).trim()
    assert.ok(token.length >= 20, `a token, got "${token}"`)
    await page.getByTestId('secret-copy').waitFor()
    // The server takes it: an empty batch of events is received (nothing stored).
    const push = () => api(base, '/api/v1/events', {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' }, body: '',
    })
    const pushed = await push()
    assert.equal(pushed.status, 200)
    assert.equal(pushed.json.received, 0)
    await page.getByTestId('secret-done').click()
    await page.getByTestId(`token-row-${name}`).waitFor()
    await shown.waitFor({ state: 'detached' })
    assert.ok(!(await page.content()).includes(token), 'the token is not on the page any more')

    await page.getByTestId(`token-revoke-${name}`).click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.locator('tr', { has: page.getByTestId(`token-row-${name}`) }).getByText(/已于 .* 撤销/).waitFor()
    assert.equal((await push()).status, 401)
  })

  test('admin: the auditor verifies both hash chains in the audit viewer', async ({ signedIn, shot }) => {
    const page = await signedIn('auditor')
    await page.waitForURL(/\/admin\/audit$/)
    await page.getByTestId('audit-row').first().waitFor()
    await page.getByTestId('audit-verify').click()
    const result = page.getByTestId('verify-result')
    await result.waitFor()
    assert.equal(await result.getAttribute('data-ok'), 'true')
    await result.getByText('校验通过：两条哈希链完整').waitFor()
    assert.match(await page.getByTestId('chain-events').textContent(), /完整，已校验 \d+ 条/)
    assert.match(await page.getByTestId('chain-operations').textContent(), /完整，已校验 \d+ 条/)
    await settled(page)
    await shot(page, 'audit')
    // The verification itself is in the trail.
    await box(page, 'audit-action').fill('audit.verify')
    await page.getByTestId('audit-search').click()
    await page.getByTestId('audit-row').filter({ hasText: 'audit.verify' }).first().waitFor()
  })

  test('admin: a supervisor cannot open the audit viewer', async ({ signedIn, base }) => {
    const page = await signedIn('supervisor')
    await page.goto(`${base}/admin/audit`)
    await page.waitForURL(/\/forbidden/)
    await page.getByTestId('forbidden').waitFor()
    assert.equal(await page.getByTestId('audit-verify').count(), 0)
  })

  test('admin: the calendar names the holidays and takes a local closure', async ({ signedIn, base, shot }) => {
    // A working day ahead (or the covered year's last one), found on the server's own calendar.
    const today = new Date()
    let year = today.getFullYear()
    let cal = await api(base, `/api/v1/calendar/year?year=${year}`)
    if (cal.status === 404) cal = await api(base, `/api/v1/calendar/year?year=${--year}`)
    assert.equal(cal.status, 200)
    const soon = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7).toISOString().slice(0, 10)
    const workdays = cal.json.days.filter((d) => d.kind === 'workday')
    const target = (workdays.find((d) => d.date > soon) ?? workdays[workdays.length - 1]).date
    const holiday = cal.json.days.find((d) => d.kind === 'holiday')

    const page = await signedIn('sysadmin')
    await page.goto(`${base}/admin/calendar`)
    if (year !== today.getFullYear()) await choose(page, 'calendar-year', String(year))
    const holidayCell = page.getByTestId(`day-${holiday.date}`)
    await holidayCell.waitFor()
    assert.equal(await holidayCell.getAttribute('data-kind'), 'holiday')
    assert.ok((await holidayCell.getAttribute('title')).includes(holiday.name), `the cell names ${holiday.name}`)
    await page.getByTestId('named-days').getByText(holiday.name).first().waitFor()

    // The date picker's text box carries the form control's id.
    await page.locator('#closure-date').fill(target)
    await page.locator('#closure-date').press('Enter')
    await box(page, 'closure-reason').fill('台风停工')
    await page.getByTestId('closure-submit').click()
    // Every case is judged again on the new calendar: allow for it.
    const closed = page.locator(`[data-test="day-${target}"][data-kind="closure"]`)
    await closed.waitFor({ timeout: 120_000 })
    assert.ok((await closed.getAttribute('title')).includes('台风停工'))
    const after = await api(base, `/api/v1/calendar/year?year=${year}`)
    assert.deepEqual(after.json.days.find((d) => d.date === target), { date: target, working: false, kind: 'closure', name: '台风停工' })
    await settled(page)
    await shot(page, 'calendar')
  })
}
