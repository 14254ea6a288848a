// Rules (监察规则): the list by supervision level, one rule's YAML, a draft with
// a syntax error marked at its line, then fixed and backtested.
import assert from 'node:assert/strict'
import { settled } from '../support.mjs'

// Loading masks fade out after the data is shown: screenshots wait for them to go.

const RULE = 'license.complete-within-limit'

export default function (test) {
  test('manage: supervisor reads a rule, marks a draft error at its line, backtests the fix', async (h) => {
    const { base, shot } = h
    const page = await h.signedIn('supervisor')
    await page.goto(`${base}/rules`)
    for (const level of ['department', 'common', 'accountability']) await page.getByTestId(`rules-group-${level}`).waitFor()

    // One rule: its YAML with numbered lines.
    await page.getByTestId('rule-link').filter({ hasText: RULE }).click()
    await page.waitForURL((url) => url.pathname.startsWith(`/rules/${RULE}`))
    const yamlView = page.getByTestId('rule-yaml-view')
    await yamlView.getByText(`id: ${RULE}`).waitFor()
    assert.equal(await page.getByTestId('rule-status').first().innerText(), '生效')

    // A new draft starting from it, under a new id, with a broken scope line.
    await page.getByTestId('rule-copy').click()
    await page.waitForURL(/\/rules\/new/)
    const editor = page.getByTestId('rule-yaml')
    await page.waitForFunction((id) => document.querySelector('[data-test="rule-yaml"]')?.value.includes(`id: ${id}`), RULE)
    const lines = (await editor.inputValue()).replace(`id: ${RULE}`, 'id: e2e.complete-within-limit-copy').split('\n')
    const at = lines.indexOf('case_kind: approval') + 1
    assert.ok(at > 0, 'the rule text has its case_kind line')
    const fixed = lines.join('\n')
    lines.splice(at, 0, 'scope: case.channel ==')
    await editor.fill(lines.join('\n'))
    const badLine = at + 1 // 1-based line of the inserted text

    await page.getByTestId('backtest-mode-months').click()
    await page.locator('#backtest-months').fill('3')
    // The server refuses the draft (400) and the browser logs that answer.
    h.allowConsoleErrors(/status of 400/)
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/rules/backtest') && r.status() === 400)
    await page.getByTestId('backtest-run').click()
    await refused
    const mark = page.getByTestId('error-line')
    await mark.first().waitFor()
    assert.equal(await mark.first().getAttribute('data-line'), String(badLine))
    const listed = page.getByTestId('rule-error').first()
    assert.equal(await listed.getAttribute('data-line'), String(badLine))
    assert.match(await listed.innerText(), new RegExp(`第 ${badLine} 行`))
    assert.match(await listed.innerText(), /scope/)
    await settled(page)
    await shot(page, 'rules-draft-error')

    // Fixed: the marks go, and the last 3 months show what it would raise.
    await editor.fill(fixed)
    const ran = page.waitForResponse((r) => r.url().endsWith('/api/v1/rules/backtest') && r.status() === 200)
    await page.getByTestId('backtest-run').click()
    const body = await (await ran).json()
    await page.getByTestId('backtest-results').waitFor()
    assert.equal(await page.getByTestId('error-line').count(), 0)
    const total = Number(await page.getByTestId('backtest-count-total').innerText())
    assert.ok(total > 0, `the demo city breaks ${RULE} in the last 3 months (got ${total})`)
    assert.equal(total, body.summary.by_rule.reduce((n, r) => n + r.count, 0))
    const shown = ['notice', 'yellow', 'red'].map((l) => page.getByTestId(`backtest-count-${l}`).innerText())
    assert.equal((await Promise.all(shown)).map(Number).reduce((a, b) => a + b, 0), total)
    // Sampled alerts link to their cases.
    const link = page.getByTestId('backtest-case-link').first()
    await link.waitFor()
    assert.match(await link.getAttribute('href'), /^\/cases\/.+/)
    // Departments of the sampled cases, looked up once the sample is shown.
    await page.locator('[data-test="backtest-depts"][data-resolved="true"]').waitFor()
    assert.ok((await page.getByTestId('backtest-depts').locator('tbody tr').count()) > 0)
    await page.getByTestId('backtest-results').evaluate((e) => e.scrollIntoView({ block: 'start' }))
    await settled(page)
    await shot(page, 'rules-backtest')
  })
}
