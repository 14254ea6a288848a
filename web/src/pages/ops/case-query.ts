// The case search form as GET /api/v1/cases parameters (src/server/api_cases.cc).

export interface CaseFilters {
  id: string // a whole case id or its beginning
  item: string
  dept: string
  stage: string
  range: [Date, Date] | null // first event between these local dates, both included
  overdue: boolean
}

export const emptyFilters = (): CaseFilters => ({ id: '', item: '', dept: '', stage: '', range: null, overdue: false })

const pad = (n: number) => String(n).padStart(2, '0')

// RFC 3339 with the browser's own offset (the server wants an offset).
export function rfc3339Local(d: Date): string {
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

export function caseQuery(f: CaseFilters, cursor?: number | null, limit = 50): Record<string, string | number> {
  const q: Record<string, string | number> = { limit }
  const id = f.id.trim()
  if (id) q.id_prefix = id
  if (f.item) q.item = f.item
  if (f.dept) q.dept = f.dept
  if (f.stage) q.stage = f.stage
  if (f.range) {
    const [a, b] = f.range
    q.from = rfc3339Local(new Date(a.getFullYear(), a.getMonth(), a.getDate()))
    // "to" is exclusive: the day after the last chosen day.
    q.to = rfc3339Local(new Date(b.getFullYear(), b.getMonth(), b.getDate() + 1))
  }
  if (f.overdue) q.overdue = 'true'
  if (cursor) q.cursor = cursor
  return q
}

// The stages (latest event types) a case can be in, approval steps first.
export const STAGES = [
  'submit', 'accept', 'reject', 'request_supplement', 'supplement_received', 'suspend', 'resume',
  'review', 'decide', 'complete', 'deliver', 'withdraw',
  'complaint_received', 'complaint_feedback', 'complaint_resolved', 'complaint_reopened',
  'rating_received', 'rating_verified', 'rating_rectified', 'rating_revisited', 'step',
] as const
