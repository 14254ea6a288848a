// 监察大屏: figures and charts for the bureau, the wall layout, and a live
// update from the alert stream without reloading the page.
import assert from 'node:assert/strict'
import { settled, apiAs } from '../support.mjs'

const number = async (page, test) => Number((await page.getByTestId(`${test}-value`).textContent()).replace(/[^\d.]/g, ''))

// The last figures the page itself fetched (the tiles must show these, even
// when the service's own jobs move the counts while the test runs).
function lastFigures(page) {
  const seen = { figures: null }
  page.on('response', async (r) => {
    if (!r.url().endsWith('/api/v1/dashboard') || r.status() !== 200) return
    const json = await r.json().catch(() => null)
    if (json) seen.figures = json
  })
  return seen
}

const openTotal = (figures) => figures.alerts_open.reduce((s, r) => s + r.total, 0)

// Every chart drew on its canvas.
async function chartsDrawn(page, names) {
  for (const name of names) await page.getByTestId(`chart-${name}`).locator('canvas').first().waitFor()
}

export default function (test) {
  test('ops dashboard: figures and charts for the supervisor, then the wall', async ({ signedIn, base, PASSWORD, shot }) => {
    const page = await signedIn('supervisor')
    const seen = lastFigures(page)
    await page.goto(`${base}/dashboard`)
    await page.getByTestId('kpi-month').waitFor()
    await chartsDrawn(page, ['on-time', 'alerts', 'stages'])
    await page.locator('[data-test="live-indicator"][data-state="live"]').waitFor()

    // The tiles show what the route counts.
    const figures = seen.figures
    assert.ok(figures, 'the page fetched its figures')
    const open = openTotal(figures)
    assert.ok(open > 0, 'the demo city has open alerts')
    assert.equal(await number(page, 'kpi-alerts-open'), open)
    assert.equal(await number(page, 'kpi-month'), figures.cases_month.total)
    assert.equal(await number(page, 'kpi-today'), figures.cases_today.total)
    assert.ok(figures.cases_month.total > 0, 'cases this month')
    assert.equal(figures.on_time_trend.length, 12)
    await page.getByTestId('dashboard-as-of').waitFor()
    await settled(page)
    await shot(page, 'dashboard')

    // Wall mode: the menu goes, the layout turns dark and large.
    await page.getByTestId('wall-mode').click()
    await page.waitForURL(/\/dashboard\?wall=1$/)
    await page.locator('.dash.wall').waitFor()
    assert.equal(await page.locator('.shell-aside').count(), 0, 'no menu on the wall')
    await chartsDrawn(page, ['on-time', 'alerts', 'stages'])
    await page.getByTestId('wall-exit').waitFor()
    await settled(page)
    await shot(page, 'dashboard-wall')
    await page.getByTestId('wall-exit').click()
    await page.waitForURL(/\/dashboard$/)
    await page.locator('.shell-aside').waitFor()
  })

  test('ops dashboard: an alert step elsewhere updates the open count without a reload', async ({ signedIn, base, PASSWORD }) => {
    const page = await signedIn('supervisor')
    const seen = lastFigures(page)
    await page.goto(`${base}/dashboard`)
    await page.getByTestId('kpi-alerts-open').waitFor()
    await page.locator('[data-test="live-indicator"][data-state="live"]').waitFor()
    const before = await number(page, 'kpi-alerts-open')
    // A mark that a reload would wipe.
    await page.evaluate(() => { window.__stillHere = true })

    // The supervisor withdraws an open alert through the API, as another screen would.
    const api = await apiAs(base, 'supervisor', PASSWORD)
    const open = (await api.get('/api/v1/alerts?state=open&limit=1')).json.items[0]
    assert.ok(open, 'an open alert to withdraw')
    const refetched = page.waitForResponse((r) => r.url().endsWith('/api/v1/dashboard') && r.status() === 200)
    const step = await api.post(`/api/v1/alerts/${open.id}/actions`, { action: 'withdraw', text: '数据迟报，误报撤销（测试）' })
    assert.equal(step.status, 200, JSON.stringify(step.json))
    await refetched
    await page.waitForFunction((n) => {
      const el = document.querySelector('[data-test="kpi-alerts-open-value"]')
      return el && Number(el.textContent.replace(/[^\d.]/g, '')) !== n
    }, before)
    const after = await number(page, 'kpi-alerts-open')
    assert.notEqual(after, before)
    assert.equal(after, openTotal(seen.figures), 'the tile shows the figures fetched after the change')
    assert.equal(await page.evaluate(() => window.__stillHere), true, 'no reload')
    // The withdrawn alert is no longer counted as open.
    const withdrawn = (await api.get(`/api/v1/alerts/${open.id}`)).json.alert
    assert.equal(withdrawn.state, 'withdrawn')
  })

  test('ops dashboard: a department officer sees their own department only', async ({ signedIn, base, city, PASSWORD }) => {
    const page = await signedIn('officer_a')
    const seen = lastFigures(page)
    await page.goto(`${base}/dashboard`)
    await page.getByTestId('kpi-alerts-open').waitFor()
    const figures = seen.figures
    assert.ok(figures.alerts_open.length > 0 && figures.alerts_open.every((r) => r.dept_code === city.deptA), 'scoped by the server')
    assert.equal(await number(page, 'kpi-alerts-open'), openTotal(figures))
    // Their department is the only one in the chart.
    const api = await apiAs(base, 'officer_a', PASSWORD)
    const all = (await api.get('/api/v1/dashboard')).json
    assert.deepEqual([...new Set(all.alerts_open.map((r) => r.dept_code))], [city.deptA])
  })
}
