// The browser tests: a real `oversight serve` with the demo city, Debian's
// Chromium, every spec in specs/ in order. Prints the API timings behind each
// page and saves screenshots to test-results/screenshots/.
//
//   node e2e/run.mjs [name-filter]
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { startCity, PASSWORD, FIRST_PASSWORD } from './city.mjs'
import { launchBrowser, watchPage } from './browser.mjs'
import { printTimings } from './timings.mjs'

const HERE = import.meta.dirname
const RESULTS = join(HERE, '..', 'test-results')
const SHOTS = join(RESULTS, 'screenshots')
mkdirSync(SHOTS, { recursive: true })
const filter = process.argv[2] ?? ''

const tests = []
function test(name, fn) {
  tests.push({ name, fn })
}

for (const file of readdirSync(join(HERE, 'specs')).filter((f) => f.endsWith('.mjs')).sort()) {
  const spec = await import(pathToFileURL(join(HERE, 'specs', file)).href)
  spec.default(test)
}

const city = await startCity()
const browser = await launchBrowser()
const timings = []
const failures = []
let passed = 0

try {
  for (const t of tests) {
    if (filter && !t.name.includes(filter)) continue
    const errors = []
    // Console errors a test expects (a 404 it provokes on purpose), by pattern.
    const allowed = []
    const contexts = []
    const started = Date.now()
    // Each test gets fresh browser contexts (one per user it signs in).
    const newPage = async (options) => {
      const context = await browser.newContext(options)
      contexts.push(context)
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      watchPage(page, { timings, errors, testName: t.name })
      return page
    }
    const helpers = {
      city,
      PASSWORD,
      FIRST_PASSWORD,
      base: city.base,
      newPage,
      // A page signed in as `name` through the sign-in form.
      async signedIn(name, options) {
        const page = await newPage(options)
        await page.goto(`${city.base}/sign-in`)
        // data-test lands on <el-input>'s inner <input>.
        await page.locator('input[data-test="sign-in-name"], [data-test="sign-in-name"] input').first().fill(name)
        await page.locator('input[data-test="sign-in-password"], [data-test="sign-in-password"] input').first().fill(PASSWORD)
        await page.getByTestId('sign-in-submit').click()
        await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
        return page
      },
      // The browser logs every 4xx answer as a console error; a test that
      // provokes one on purpose (out-of-scope reads) names it here.
      allowConsoleErrors(pattern) {
        allowed.push(pattern)
      },
      async shot(page, name) {
        await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })
      },
    }
    try {
      await t.fn(helpers)
      const unexpected = errors.filter((e) => !allowed.some((p) => p.test(e)))
      if (unexpected.length) throw new Error(`errors in the browser:\n  ${unexpected.join('\n  ')}`)
      passed++
      console.log(`ok    ${t.name} (${Date.now() - started} ms)`)
    } catch (e) {
      failures.push({ name: t.name, error: e })
      console.log(`FAIL  ${t.name} (${Date.now() - started} ms)\n      ${String(e?.stack ?? e).split('\n').join('\n      ')}`)
      for (const [i, context] of contexts.entries()) {
        for (const [j, page] of context.pages().entries()) {
          await page.screenshot({ path: join(SHOTS, `FAILED-${t.name.replace(/\W+/g, '_')}-${i}-${j}.png`) }).catch(() => {})
        }
      }
    } finally {
      for (const context of contexts) await context.close().catch(() => {})
    }
  }
} finally {
  await browser.close()
  const exit = await city.stop()
  if (exit !== 0) failures.push({ name: 'server stops cleanly', error: new Error(`exit ${exit}\n${city.serverLog()}`) })
}

printTimings(timings)
writeFileSync(join(RESULTS, 'e2e-timings.json'), JSON.stringify(timings, null, 1))
console.log(`\n${passed} passed, ${failures.length} failed; screenshots in ${SHOTS}`)
process.exit(failures.length ? 1 : 0)
