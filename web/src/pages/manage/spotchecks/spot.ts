// Spot checks (线下抽查, server/api_spot_checks.cc): the draw request built
// from the form, and the shapes the API answers.

export type Sizing = 'per_stratum' | 'per_dept' | 'rate'

export interface DrawForm {
  period: string
  seed: number | null
  sizing: Sizing
  size: number // per_stratum / per_dept
  ratePercent: number // rate, in percent (0 < r ≤ 100)
  minPerDept: number
  depts: string[]
  note: string
}

export function defaultDrawForm(period: string): DrawForm {
  return { period, seed: null, sizing: 'per_stratum', size: 1, ratePercent: 5, minPerDept: 1, depts: [], note: '' }
}

// The body of POST /api/v1/spot-checks: one sizing, the rate as a fraction,
// a seed only when one is given (the server draws a random one otherwise).
export function drawRequest(f: DrawForm): Record<string, unknown> {
  const body: Record<string, unknown> = { period: f.period.trim() }
  if (f.seed !== null && Number.isFinite(f.seed)) body.seed = Math.trunc(f.seed)
  if (f.sizing === 'rate') body.rate = Math.round(f.ratePercent * 10000) / 1_000_000
  else body[f.sizing] = Math.trunc(f.size)
  if (f.minPerDept > 0) body.min_per_dept = Math.trunc(f.minPerDept)
  if (f.depts.length) body.depts = [...f.depts]
  if (f.note.trim()) body.note = f.note.trim()
  return body
}

export interface SpotCheck {
  id: number
  period: string
  from: string
  to: string
  seed: number
  config: Record<string, unknown>
  population: number
  sample_size: number
  cases_checked: number
  problems: number
  created_by: string
  created_at: string
  note: string
}

export interface Finding {
  id: number
  case_id: string
  dept_code: string
  inspector: string
  at: string
  outcome: 'conforms' | 'problem'
  category: string | null
  text: string
  confirmed: boolean
  alert_id: number | null
}

export interface SampledCase {
  case_id: string
  dept_code: string
  item_code: string
  reason: 'stratum' | 'minimum' | string
  latest?: string | null
  findings?: Finding[]
}

export interface SpotCheckDetail extends SpotCheck {
  sample: SampledCase[]
}

export const CATEGORIES = ['fee', 'time_limit', 'procedure', 'materials', 'attitude', 'other'] as const
// Red for what breaks the law's letter, yellow for service quality (docs/SURVEYS.md).
export const CATEGORY_LEVEL: Record<string, 'red' | 'yellow'> = {
  fee: 'red', time_limit: 'red', procedure: 'red', materials: 'yellow', attitude: 'yellow', other: 'yellow',
}

// Sampled cases per department, for the summary beside the sample.
export function sampleByDept(sample: SampledCase[]): { dept: string; sampled: number; minimum: number; problems: number }[] {
  const map = new Map<string, { dept: string; sampled: number; minimum: number; problems: number }>()
  for (const s of sample) {
    const row = map.get(s.dept_code) ?? { dept: s.dept_code, sampled: 0, minimum: 0, problems: 0 }
    row.sampled++
    if (s.reason === 'minimum') row.minimum++
    if (s.latest === 'problem') row.problems++
    map.set(s.dept_code, row)
  }
  return [...map.values()].sort((a, b) => (a.dept < b.dept ? -1 : 1))
}
