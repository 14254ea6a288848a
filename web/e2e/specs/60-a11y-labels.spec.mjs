// Every form control on the main pages has an accessible name (a <label for>,
// aria-label or aria-labelledby), for screen readers and for voice control.
import assert from 'node:assert/strict'

// The controls on the page that have no accessible name, described for a message.
async function unlabelled(page) {
  return page.evaluate(() => {
    const named = (el) =>
      (el.labels && el.labels.length > 0) ||
      (el.getAttribute('aria-label') ?? '').trim() !== '' ||
      (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((id) => id && document.getElementById(id)?.textContent?.trim()) ||
      (el.getAttribute('title') ?? '').trim() !== ''
    const controls = [...document.querySelectorAll('input, select, textarea')].filter((el) => {
      if (el.type === 'hidden' || el.disabled) return false
      const box = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
    })
    return controls.filter((el) => !named(el)).map((el) =>
      `${el.tagName.toLowerCase()}[type=${el.type}] in ${el.closest('[class]')?.className ?? '?'} near "${(el.closest('.el-form-item, label, div')?.textContent ?? '').trim().slice(0, 40)}"`)
  })
}

const SIGNED_IN = {
  supervisor: ['/dashboard', '/cases', '/alerts', '/rules', '/rules/new', '/scores', '/complaints', '/ratings',
    '/surveys', '/surveys/new', '/spot-checks', '/admin/quarantine'],
  officer_a: ['/alerts', '/cases'],
  sysadmin: ['/admin/users', '/admin/tokens', '/admin/catalog', '/admin/calendar'],
  secadmin: ['/admin/roles'],
  auditor: ['/admin/audit'],
}
const PUBLIC = ['/public', '/public/progress', '/public/complaints', '/public/ratings', '/public/surveys', '/public/rankings']

export default function (test) {
  test('a11y: every form control on the main pages is labelled', async ({ signedIn, newPage, base }) => {
    const problems = []
    const check = async (page, path) => {
      await page.goto(`${base}${path}`)
      // Pages with the live stream never go network-idle: wait for the page's
      // frame and for its loading masks to go.
      await page.locator('.page, .portal-main, main').first().waitFor()
      await page.waitForFunction(() => !document.querySelector('.el-loading-mask'))
      for (const p of await unlabelled(page)) problems.push(`${path}: ${p}`)
    }
    for (const [name, paths] of Object.entries(SIGNED_IN)) {
      const page = await signedIn(name)
      for (const path of paths) await check(page, path)
    }
    const visitor = await newPage()
    for (const path of PUBLIC) await check(visitor, path)
    assert.deepEqual(problems, [], `unlabelled controls:\n  ${problems.join('\n  ')}`)
  })
}
