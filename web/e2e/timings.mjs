// The API calls behind the pages, grouped by route (ids replaced by {id}):
// count, median, 95th percentile and worst, against the 300 ms page budget.
// Printed, not asserted: the figure depends on the machine.

export function routeOf(method, path) {
  // After /api/v1/<resource>, a part with a digit or a dot is an id (123,
  // 445200-2025-000006, 2026-10, license.accept-within-5-days); words stay.
  const parts = path.split('/').map((p, i) => (i > 3 && /[\d.]/.test(p) ? '{id}' : p))
  return `${method} ${parts.join('/')}`
}

function percentile(sorted, q) {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))]
}

export function printTimings(timings) {
  const groups = new Map()
  for (const t of timings) {
    if (!Number.isFinite(t.ms) || t.path === '/api/v1/stream') continue
    const key = routeOf(t.method, t.path)
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key).push(t.ms)
  }
  const rows = [...groups.entries()].map(([route, ms]) => {
    ms.sort((a, b) => a - b)
    return { route, n: ms.length, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: ms[ms.length - 1] }
  }).sort((a, b) => b.p95 - a.p95)
  const width = Math.max(20, ...rows.map((r) => r.route.length))
  console.log('\nAPI calls behind the pages (ms; budget 300 per page)')
  console.log(`${'route'.padEnd(width)}  ${'n'.padStart(4)}  ${'p50'.padStart(7)}  ${'p95'.padStart(7)}  ${'max'.padStart(7)}`)
  for (const r of rows) {
    const flag = r.p95 > 300 ? '  over budget' : ''
    console.log(`${r.route.padEnd(width)}  ${String(r.n).padStart(4)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(7)}  ${r.max.toFixed(1).padStart(7)}${flag}`)
  }
}
