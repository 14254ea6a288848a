// The desk registers a complaint and answers it; the bureau designs and
// publishes a questionnaire and draws a spot check whose finding becomes an alert.
import assert from 'node:assert/strict'
import { settled } from '../support.mjs'

// Loading masks fade out after the data is shown: screenshots wait for them to go.

// The input of an el-input / el-select carrying data-test or an id.
const input = (page, testId) => page.locator(`input[data-test="${testId}"], textarea[data-test="${testId}"], [data-test="${testId}"] input`).first()

// Opens an el-select (by the id on its input) and picks the option with `text`
// (typing it first when the select filters), or the first option.
async function pick(page, selectId, text) {
  const input = page.locator(`#${selectId}`)
  await page.locator('.el-select', { has: input }).click()
  if (text && await input.isEditable()) await input.fill(text)
  // This select's own list (another one may still be closing).
  const options = page.locator(`[id="${await input.getAttribute('aria-controls')}"] .el-select-dropdown__item`)
  await (text ? options.filter({ hasText: text }) : options).first().click()
}

function lastMonth(now) {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export default function (test) {
  test('manage: desk registers a complaint and gives the first feedback', async (h) => {
    const { base, shot, city } = h
    const page = await h.signedIn('desk')
    const departments = await (await page.request.get(`${base}/api/v1/departments`)).json()
    const dept = departments.find((d) => d.code === city.deptA)
    assert.ok(dept, 'the e2e department is in the catalog')
    await page.goto(`${base}/complaints`)
    await page.getByTestId('complaint-new').click()
    await page.getByTestId('complaint-register-dialog').getByText('投诉内容', { exact: true }).waitFor()
    await pick(page, 'c-dept', dept.name)
    await pick(page, 'c-item')
    await input(page, 'c-content').fill('窗口工作人员要求重复提交已经提交过的材料。')
    await input(page, 'c-name').fill('张三')
    await input(page, 'c-contact').fill('13812345678')
    const registered = page.waitForResponse((r) => r.url().endsWith('/api/v1/complaints') && r.request().method() === 'POST')
    await page.getByTestId('c-submit').click()
    const answer = await registered
    assert.equal(answer.status(), 201)
    const { id, lookup_code: code } = await answer.json()
    await page.getByTestId('complaint-registered').waitFor()
    assert.equal(await page.getByTestId('lookup-code').innerText(), code)

    await page.getByTestId('complaint-open-new').click()
    await page.waitForURL((url) => url.pathname === `/complaints/${id}`)
    await page.getByTestId('complaint-state').filter({ hasText: '待反馈' }).waitFor()
    await page.getByTestId('feedback-deadline').getByText('剩余').or(page.getByTestId('feedback-deadline').getByText('今日到期')).first().waitFor()
    await input(page, 'complaint-step-text').fill('已电话联系投诉人，正在核实情况。')
    const stepped = page.waitForResponse((r) => r.url().endsWith(`/complaints/${id}/feedback`))
    await page.getByTestId('complaint-step-submit').click()
    assert.equal((await stepped).status(), 200)
    await page.getByTestId('complaint-state').filter({ hasText: '已反馈' }).waitFor()
    await page.getByTestId('complaint-timeline').getByText('已电话联系投诉人，正在核实情况。').waitFor()
    await page.getByTestId('feedback-deadline').getByText('已于').waitFor()
    await settled(page)
    await shot(page, 'complaints')
  })

  test('manage: supervisor designs a two-question survey and publishes it', async (h) => {
    const { base, shot } = h
    const page = await h.signedIn('supervisor')
    await page.goto(`${base}/surveys`)
    await page.getByTestId('survey-new').click()
    await page.waitForURL(/\/surveys\/new$/)
    await input(page, 'survey-id').fill('e2e-satisfaction')
    await input(page, 'survey-title-zh').fill('政务服务满意度调查（测试）')
    await input(page, 'survey-title-en').fill('Service satisfaction survey (test)')
    // Question 1: a 1–5 scale.
    await pick(page, 'sv-new-kind', '五级量表')
    await page.getByTestId('survey-add-question').click()
    await input(page, 'sq0-zh').fill('您对本次办事的总体评价')
    await input(page, 'sq0-en').fill('How was your experience overall?')
    // Question 2: single choice with two options.
    await pick(page, 'sv-new-kind', '单选')
    await page.getByTestId('survey-add-question').click()
    await input(page, 'sq1-zh').fill('您通过哪种渠道办理？')
    await input(page, 'sq1-en').fill('How did you apply?')
    await input(page, 'sq1-o0-id').fill('online')
    await input(page, 'sq1-o0-zh').fill('网上办事大厅')
    await input(page, 'sq1-o0-en').fill('Online hall')
    await input(page, 'sq1-o1-id').fill('window')
    await input(page, 'sq1-o1-zh').fill('政务服务中心窗口')
    await input(page, 'sq1-o1-en').fill('Service centre counter')
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/surveys') && r.request().method() === 'POST')
    await page.getByTestId('survey-save').click()
    const answer = await created
    assert.equal(answer.status(), 201, await answer.text())
    assert.equal((await answer.json()).questions, 2)
    await page.waitForURL((url) => url.pathname === '/surveys/e2e-satisfaction')
    await page.getByTestId('survey-status').filter({ hasText: '草稿' }).waitFor()
    assert.equal(await page.getByTestId('survey-questions').locator(':scope > li').count(), 2)

    await page.getByTestId('survey-publish').click()
    const published = page.waitForResponse((r) => r.url().endsWith('/surveys/e2e-satisfaction/publish'))
    await page.getByTestId('survey-confirm').click()
    assert.equal((await published).status(), 200)
    await page.getByTestId('survey-status').filter({ hasText: '进行中' }).waitFor()
    // The portal offers it now.
    const open = await (await page.request.get(`${base}/api/v1/public/surveys`)).json()
    assert.ok(open.items.some((s) => s.id === 'e2e-satisfaction'))
    await settled(page)
    await shot(page, 'survey')
  })

  test('manage: supervisor draws a spot check and records a confirmed finding', async (h) => {
    const { base, shot } = h
    const page = await h.signedIn('supervisor')
    await page.goto(`${base}/spot-checks`)
    await input(page, 'spot-period').fill(lastMonth(new Date()))
    await page.locator('#sp-seed').fill('20261')
    const drawn = page.waitForResponse((r) => r.url().endsWith('/api/v1/spot-checks') && r.request().method() === 'POST')
    await page.getByTestId('spot-draw').click()
    const answer = await drawn
    assert.equal(answer.status(), 201)
    const check = await answer.json()
    assert.ok(check.sample.length > 0, 'last month has completed cases to sample')
    // Every department with cases gets at least one (min_per_dept 1).
    const depts = new Set(check.strata.filter((s) => s.population > 0).map((s) => s.dept_code))
    assert.equal(new Set(check.sample.map((s) => s.dept_code)).size, depts.size)
    await page.waitForURL((url) => url.pathname === `/spot-checks/${check.id}`)
    assert.equal(await page.getByTestId('spot-seed-value').innerText(), '20261')
    assert.equal(await page.getByTestId('spot-sample-size').innerText(), String(check.sample.length))
    await page.getByTestId('spot-case').first().waitFor()
    await settled(page)
    await shot(page, 'spot-check')

    // A confirmed problem on the first sampled case becomes an alert.
    await page.getByTestId('spot-record').first().click()
    await page.getByTestId('spot-outcome-problem').click()
    await page.locator('#sf-text').fill('窗口要求提供清单以外的证明材料。')
    const recorded = page.waitForResponse((r) => r.url().endsWith(`/spot-checks/${check.id}/findings`))
    await page.getByTestId('spot-finding-save').click()
    const finding = await (await recorded).json()
    assert.equal(finding.alert_raised, true)
    assert.equal(finding.alert.rule_id, 'spotcheck.finding')
    assert.equal(finding.alert.level, 'yellow')
    await page.getByTestId('spot-sample').getByText(`预警 #${finding.alert.id}`).waitFor()
  })
}
