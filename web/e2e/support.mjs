// What several specs reach for: waiting for a page to settle, an <el-input>'s
// text box, and a signed-in API client for arranging and checking.
import assert from 'node:assert/strict'

// No loading veil left on the page.
export const settled = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask'))

// Settled, and no finite animation still running (screenshots show the still page).
export const still = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask') &&
  document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity))

// An <el-input>'s text box, whether data-test landed on the input or its wrapper.
export const box = (page, id) =>
  page.locator(`input[data-test="${id}"], textarea[data-test="${id}"], [data-test="${id}"] input, [data-test="${id}"] textarea`).first()

// A signed-in API client (cookie and CSRF token): get/post answer {status, json}.
export async function apiAs(base, name, password) {
  const r = await fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password }),
  })
  assert.equal(r.status, 200, `sign-in of ${name}`)
  const cookie = r.headers.get('set-cookie').split(';')[0]
  const { csrf_token: csrf } = await r.json()
  const call = async (method, path, body) => {
    const res = await fetch(base + path, {
      method, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await res.text()
    return { status: res.status, json: text ? JSON.parse(text) : null }
  }
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body) }
}
