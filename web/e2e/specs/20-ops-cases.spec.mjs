// 办件查询: search by a case number's beginning, one case with its full
// timeline, deadlines (承诺时限, 法定时限) and alerts; unmasking is offered only
// to roles that may.
import assert from 'node:assert/strict'
import { settled, box, apiAs } from '../support.mjs'

export default function (test) {
  test('ops cases: search by a number prefix, open a case with its timeline and deadlines', async ({ signedIn, base, PASSWORD, shot }) => {
    const api = await apiAs(base, 'supervisor', PASSWORD)
    // A case whose completion clock ran past both limits: every deadline line shows.
    const red = (await api.get('/api/v1/alerts?rule=license.complete-within-limit&level=red&limit=1')).json.items[0]
    assert.ok(red, 'the demo city has a red card for completion')
    const id = red.case_id
    const prefix = id.slice(0, id.length - 2)
    const detail = (await api.get(`/api/v1/cases/${encodeURIComponent(id)}`)).json

    const page = await signedIn('supervisor')
    await page.goto(`${base}/cases`)
    await page.getByTestId('case-table').locator('[data-test^="case-link-"]').first().waitFor()
    await box(page, 'case-id').fill(prefix)
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/cases?') && r.url().includes('id_prefix='))
    await page.getByTestId('case-search').click()
    assert.equal((await searched).status(), 200)
    // The table shows the search's result: every row starts with the prefix.
    await page.waitForFunction((p) => {
      const links = [...document.querySelectorAll('[data-test="case-table"] [data-test^="case-link-"]')]
      return links.length > 0 && links.every((a) => a.textContent.trim().startsWith(p))
    }, prefix)
    await page.getByTestId(`case-link-${id}`).waitFor()

    await page.getByTestId(`case-link-${id}`).click()
    await page.waitForURL((u) => decodeURIComponent(u.pathname) === `/cases/${id}`)
    const timeline = page.getByTestId('case-timeline')
    await timeline.waitFor()
    assert.equal(await timeline.locator('.el-timeline-item').count(), detail.timeline.length)
    await page.getByTestId('deadline-license.complete-within-limit').waitFor()
    await page.getByTestId('deadline-license.complete-within-limit').getByTestId('limit-promised').waitFor()
    await page.getByTestId('deadline-license.complete-within-limit').getByTestId('limit-statutory').waitFor()
    await page.getByTestId('case-alerts').getByText(`#${red.id}`).waitFor()
    // The applicant as the server sent it (masked).
    assert.equal((await page.getByTestId('case-applicant').textContent()).trim(), detail.case.applicant || '—')
    await settled(page)
    await shot(page, 'case')

    // The supervisor may see personal data in clear; the server records it.
    const unmasked = page.waitForResponse((r) => r.url().includes('unmask=true'))
    await page.getByTestId('case-unmask').click()
    assert.equal((await unmasked).status(), 200)
    await page.getByTestId('case-mask').waitFor()
  })

  test('ops cases: a department officer has no unmask button and sees their own cases', async ({ signedIn, base, city }) => {
    const page = await signedIn('officer_a')
    await page.goto(`${base}/cases`)
    const link = page.getByTestId('case-table').locator('[data-test^="case-link-"]').first()
    await link.waitFor()
    const depts = await page.getByTestId('case-table').locator('[data-dept]').evaluateAll((els) => els.map((e) => e.dataset.dept))
    assert.deepEqual([...new Set(depts)], [city.deptA], 'only their department (the server scopes)')
    await link.click()
    await page.getByTestId('case-timeline').waitFor()
    assert.equal(await page.getByTestId('case-unmask').count(), 0)
    assert.ok((await page.getByTestId('case-facts').textContent()).length > 0)
  })
}
