// What a backtest answered, arranged for the page: counts by level, by rule
// and by department, and where each sampled alert links to.

export type Level = 'notice' | 'yellow' | 'red'
export const LEVELS: Level[] = ['notice', 'yellow', 'red']

export interface BacktestSample {
  rule_id: string
  case_id: string
  level: string
  at: string
  reason: string
  dept_code?: string
}

export interface BacktestResult {
  cases: number
  alerts: number
  summary: {
    cases: number
    events: number
    alerts: number
    raised: number
    withdrawn: number
    by_rule: { rule: string; level: string; count: number }[]
    problem?: string
  }
  sample: BacktestSample[]
}

export function countsByLevel(result: BacktestResult): Record<Level, number> {
  const out: Record<Level, number> = { notice: 0, yellow: 0, red: 0 }
  for (const r of result.summary.by_rule) {
    if (r.level in out) out[r.level as Level] += r.count
  }
  return out
}

export interface RuleCount {
  rule: string
  notice: number
  yellow: number
  red: number
  total: number
}

export function countsByRule(result: BacktestResult): RuleCount[] {
  const map = new Map<string, RuleCount>()
  for (const r of result.summary.by_rule) {
    const row = map.get(r.rule) ?? { rule: r.rule, notice: 0, yellow: 0, red: 0, total: 0 }
    if (r.level === 'notice' || r.level === 'yellow' || r.level === 'red') row[r.level] += r.count
    row.total += r.count
    map.set(r.rule, row)
  }
  return [...map.values()].sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : 1))
}

// A rate rule's alert belongs to a department's month: "<dept>/<YYYY-MM>".
export function isDepartmentMonth(caseId: string): boolean {
  return caseId.includes('/')
}

// The department of a sampled alert: given by the server, or the prefix of a
// department-month id, or what `lookup` knows of the case.
export function deptOfSample(s: BacktestSample, lookup: Map<string, string>): string | undefined {
  if (s.dept_code) return s.dept_code
  if (isDepartmentMonth(s.case_id)) return s.case_id.slice(0, s.case_id.indexOf('/'))
  return lookup.get(s.case_id)
}

// The case ids whose department is still to be looked up (distinct, in order).
export function casesToResolve(sample: BacktestSample[], known: Map<string, string>): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const s of sample) {
    if (s.dept_code || isDepartmentMonth(s.case_id) || known.has(s.case_id) || seen.has(s.case_id)) continue
    seen.add(s.case_id)
    out.push(s.case_id)
  }
  return out
}

export interface DeptCount {
  dept: string
  notice: number
  yellow: number
  red: number
  total: number
}

// Sampled alerts per department, most first; unknown departments under ''.
export function countsByDept(sample: BacktestSample[], lookup: Map<string, string>): DeptCount[] {
  const map = new Map<string, DeptCount>()
  for (const s of sample) {
    const dept = deptOfSample(s, lookup) ?? ''
    const row = map.get(dept) ?? { dept, notice: 0, yellow: 0, red: 0, total: 0 }
    if (s.level === 'notice' || s.level === 'yellow' || s.level === 'red') row[s.level] += 1
    row.total += 1
    map.set(dept, row)
  }
  return [...map.values()].sort((a, b) => b.total - a.total || (a.dept < b.dept ? -1 : 1))
}
