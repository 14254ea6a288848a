// Scores (绩效考评): last month's ranking, one figure's cases, publication
// through the confirmation dialog, and the period on the public portal.
import assert from 'node:assert/strict'
import { settled } from '../support.mjs'

// Loading masks fade out after the data is shown: screenshots wait for them to go.

function lastMonth(now) {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export default function (test) {
  test('manage: assessor ranks last month, drills into a figure and publishes it', async (h) => {
    const { base, shot, newPage } = h
    const period = lastMonth(new Date())
    const page = await h.signedIn('assessor')
    const loaded = page.waitForResponse((r) => r.url().includes(`/api/v1/scores?period=${period}`) && r.ok())
    await page.goto(`${base}/scores?period=${period}`)
    const scores = await (await loaded).json()
    await page.getByTestId('score-total').first().waitFor()
    const ranked = scores.departments.filter((d) => d.rank !== null)
    assert.ok(ranked.length > 1, 'last month has ranked departments')
    assert.equal(await page.getByTestId('score-rank').first().innerText(), String(ranked[0].rank))
    assert.equal(await page.getByTestId('score-total').first().innerText(), ranked[0].total.toFixed(2))
    await settled(page)
    await shot(page, 'scores')

    // A department with completed cases: its on-time figure lists them.
    const dept = ranked.find((d) => d.indicators.some((i) => i.id === 'on_time' && i.denominator > 0))
    assert.ok(dept, 'some department completed cases last month')
    const onTime = dept.indicators.find((i) => i.id === 'on_time')
    await page.getByTestId('score-dept').filter({ hasText: dept.name }).first().click()
    const figure = page.getByTestId('dept-panel').locator('[data-test="drill-figure"][data-figure="on_time"]')
    assert.equal((await figure.innerText()).replace(/\s/g, ''), `${onTime.numerator}/${onTime.denominator}`)
    const drilled = page.waitForResponse((r) => r.url().includes('figure=on_time') && r.ok())
    await figure.click()
    const drill = await (await drilled).json()
    assert.equal(drill.rows.length, onTime.denominator)
    const caseLink = page.getByTestId('drill-dialog').getByTestId('drill-case-link').first()
    await caseLink.waitFor()
    assert.equal(await caseLink.getAttribute('href'), `/cases/${encodeURIComponent(drill.rows[0].id)}`)
    await page.getByTestId('drill-dialog').getByRole('button', { name: '关闭' }).last().click()

    // Publish through the dialog (or supersede, should the period be published already).
    const publish = page.getByTestId('scores-publish')
    const supersede = page.getByTestId('scores-supersede')
    await publish.or(supersede).first().waitFor()
    const published = page.waitForResponse((r) => r.url().endsWith('/api/v1/publications') && r.request().method() === 'POST')
    if (await publish.isVisible()) {
      await publish.click()
    } else {
      await supersede.click()
      await page.locator('#supersede-reason').fill('e2e: 复核后重新公布')
    }
    const dialog = page.getByTestId('publish-dialog')
    await dialog.getByText('公布后不可撤销、不可修改').waitFor()
    await page.getByTestId('publish-confirm').click()
    const answer = await published
    assert.equal(answer.status(), 201)
    const publication = await answer.json()
    assert.equal(publication.period, period)
    await page.getByTestId('scores-published-tag').waitFor()

    // Signed out: the portal shows the period's ranking.
    const pub = await newPage()
    const api = await pub.request.get(`${base}/api/v1/public/rankings/${period}`)
    assert.equal(api.status(), 200)
    assert.equal((await api.json()).publication.id, publication.id)
    await pub.goto(`${base}/public/rankings?period=${period}`)
    const rows = pub.getByTestId('public-ranking-row')
    await rows.first().waitFor()
    assert.ok((await rows.count()) > 0)
    assert.equal(await rows.first().getAttribute('data-dept'), ranked[0].dept)
  })
}
