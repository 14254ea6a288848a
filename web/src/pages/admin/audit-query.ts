// The audit viewer's filters as the query GET /api/v1/audit takes: a range of
// local dates becomes [start of the first day, start of the day after the last)
// as instants; empty text filters are left out.

export interface AuditFilters {
  from: string // YYYY-MM-DD, local, or ''
  to: string // YYYY-MM-DD, local, inclusive, or ''
  actor: string
  action: string // a dotted prefix: "user", "audit.verify"
  object: string
  result: string // '' | ok | denied | failed
}

export type AuditQuery = Record<string, string | number | undefined>

function startOfLocalDay(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y, m - 1, d + plusDays).toISOString()
}

export function auditQuery(f: AuditFilters, cursor?: number | null, limit = 100): AuditQuery {
  const q: AuditQuery = { limit }
  if (f.from) q.from = startOfLocalDay(f.from)
  if (f.to) q.to = startOfLocalDay(f.to, 1)
  for (const key of ['actor', 'action', 'object', 'result'] as const) {
    const v = f[key].trim()
    if (v) q[key] = v
  }
  if (cursor) q.cursor = cursor
  return q
}

// The export takes only the time range.
export function exportQuery(f: AuditFilters): AuditQuery {
  const q: AuditQuery = {}
  if (f.from) q.from = startOfLocalDay(f.from)
  if (f.to) q.to = startOfLocalDay(f.to, 1)
  return q
}

// A hash shown short: its first and last 8 characters.
export function shortHash(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex
}
