// Builds the demo city the browser tests run against, with one account per
// role, and starts a real `oversight serve` on a free loopback port.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServer } from 'node:net'

export const ROOT = resolve(import.meta.dirname, '..', '..')
// Accounts are created with FIRST_PASSWORD (which must be changed) and then
// changed to PASSWORD through the API; `newcomer` keeps the forced change.
export const FIRST_PASSWORD = 'E2e-Oversight#2026'
export const PASSWORD = 'E2e-Oversight#2026-ok'

function binary() {
  const candidates = [process.env.OVERSIGHT_BIN, join(ROOT, 'build/debug/src/app/oversight'),
    join(ROOT, 'build/release/src/app/oversight')].filter(Boolean)
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error(`no oversight binary (tried ${candidates.join(', ')}); build it first`)
  return found
}

function run(bin, args, input) {
  return execFileSync(bin, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 << 20 })
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => ok(port))
    })
    srv.on('error', fail)
  })
}

// The last 13 months up to now, so today's and this month's figures exist.
function demoWindow(now) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1))
  return { start: start.toISOString().slice(0, 10), months: 13 }
}

// Two departments with open yellow or red cards: the first for officer_a, the
// second for officer_b (who must not see the first's).
function pickDepartments(bin, db) {
  const alerts = JSON.parse(run(bin, ['alerts', 'list', '--db', db, '--state', 'open', '--limit', '5000', '--json']))
  const byDept = new Map()
  for (const a of alerts) {
    if (a.level === 'notice') continue
    byDept.set(a.dept, (byDept.get(a.dept) ?? 0) + 1)
  }
  const ranked = [...byDept.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
  if (ranked.length < 2) throw new Error('the demo city has fewer than two departments with open cards')
  return [ranked[0][0], ranked[1][0]]
}

// Cases in flight today run into next year, whose holidays the State Council
// may not have announced yet: count its weekdays as working days until then
// (the same choice `make run` makes; the server warns about it).
const FALLBACK = ['--weekends-fallback']

export const ACCOUNTS = [
  { name: 'sysadmin', role: 'sysadmin' },
  { name: 'secadmin', role: 'secadmin' },
  { name: 'auditor', role: 'auditor' },
  { name: 'supervisor', role: 'supervisor' },
  { name: 'assessor', role: 'assessor' },
  { name: 'desk', role: 'complaint_desk' },
  { name: 'officer_a', role: 'dept_officer', dept: 'A' },
  { name: 'officer_b', role: 'dept_officer', dept: 'B' },
  { name: 'newcomer', role: 'supervisor', keepFirst: true },
]

export async function startCity({ scale = process.env.E2E_SCALE ?? '0.05', log = console.log } = {}) {
  const bin = binary()
  const dir = mkdtempSync(join(tmpdir(), 'ovs-e2e-'))
  const db = join(dir, 'city.db')
  const rules = join(ROOT, 'rules')
  const started = Date.now()
  const { start, months } = demoWindow(new Date())
  run(bin, ['demo', '--db', db, '--scale', String(scale), '--start', start, '--months', String(months),
    '--until', 'now', '--truth', join(dir, 'truth.jsonl'), ...FALLBACK])
  run(bin, ['run', '--db', db, '--rules', rules, ...FALLBACK])
  const [deptA, deptB] = pickDepartments(bin, db)
  for (const account of ACCOUNTS) {
    const args = ['user', 'add', account.name, '--role', account.role, '--db', db, '--password-stdin']
    if (account.dept) args.push('--dept', account.dept === 'A' ? deptA : deptB)
    run(bin, args, FIRST_PASSWORD + '\n')
  }
  log(`city: scale ${scale}, ${start} + ${months} months, departments ${deptA} / ${deptB}, ready in ${Date.now() - started} ms`)

  const port = await freePort()
  // Run from the repository root: the scoring model's default path (scoring/default.yaml) is relative.
  const server = spawn(bin, ['serve', '--db', db, '--rules', rules, ...FALLBACK, '--listen', `127.0.0.1:${port}`,
    '--assets', process.env.E2E_DIST ?? join(ROOT, 'web', 'dist')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let serverLog = ''
  server.stdout.on('data', (d) => { serverLog += d })
  server.stderr.on('data', (d) => { serverLog += d })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`oversight serve exited ${server.exitCode}:\n${serverLog}`)
    try {
      const r = await fetch(`${base}/readyz`)
      if (r.ok) break
    } catch { /* not listening yet */ }
    if (i > 600) throw new Error(`oversight serve not ready after 60 s:\n${serverLog}`)
    await new Promise((ok) => setTimeout(ok, 100))
  }
  for (const account of ACCOUNTS) {
    if (!account.keepFirst) await changeFirstPassword(base, account.name)
  }
  return {
    base, db, dir, bin, deptA, deptB,
    // The CLI against the same store (read-only commands while serving).
    cli: (args, input) => run(bin, [...args, '--db', db], input),
    serverLog: () => serverLog,
    async stop() {
      server.kill('SIGTERM')
      await new Promise((ok) => (server.exitCode !== null ? ok() : server.on('exit', ok)))
      // The city is rebuilt every run; E2E_KEEP=1 keeps it for a look afterwards.
      if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
      return server.exitCode
    },
  }
}

async function changeFirstPassword(base, name) {
  const signIn = await fetch(`${base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: FIRST_PASSWORD }),
  })
  if (!signIn.ok) throw new Error(`sign-in of ${name}: ${signIn.status} ${await signIn.text()}`)
  const cookie = signIn.headers.get('set-cookie').split(';')[0]
  const { csrf_token: csrf } = await signIn.json()
  const change = await fetch(`${base}/api/v1/session/password`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
    body: JSON.stringify({ current: FIRST_PASSWORD, password: PASSWORD }),
  })
  if (!change.ok) throw new Error(`password change of ${name}: ${change.status} ${await change.text()}`)
  await fetch(`${base}/api/v1/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrf } })
}
