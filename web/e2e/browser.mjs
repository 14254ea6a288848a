// Debian's Chromium driven by playwright-core, with what every test needs:
// a fresh profile, console errors collected, API timings recorded, screenshots.
import { chromium, selectors } from 'playwright-core'
import { mkdirSync } from 'node:fs'

// Pages mark what tests reach for with data-test="…".
selectors.setTestIdAttribute('data-test')

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export async function launchBrowser() {
  // playwright gives every launch a fresh temporary profile (--user-data-dir).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS, headless: true,
  })
  return {
    newContext: (options = {}) =>
      browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...options }),
    close: () => browser.close(),
  }
}

// Collects what a page did wrong and how long its API calls took.
export function watchPage(page, { timings, errors, testName }) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${testName}: console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => errors.push(`${testName}: page error: ${err.message}`))
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url())
    if (!url.pathname.startsWith('/api/')) return
    const t = request.timing()
    // A stream (EventSource) ends when its page closes: no response to read then.
    const response = await request.response().catch(() => null)
    timings.push({
      test: testName,
      page: new URL(page.url()).pathname,
      method: request.method(),
      path: url.pathname,
      status: response?.status() ?? 0,
      ms: t.responseEnd >= 0 ? t.responseEnd - Math.max(0, t.requestStart) : NaN,
    })
  })
}

export function screenshotDir(root) {
  mkdirSync(root, { recursive: true })
  return root
}
