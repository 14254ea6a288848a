// The shapes of GET /api/v1/scores (scoring/scores_json.cc) and what the
// scores page derives from them: change in words, values as shown, where a
// drill-down row links to.

export interface FigureInfo {
  id: string
  name_zh: string
  name_en: string
  subject: 'cases' | 'items' | 'alerts' | string
  measure?: 'ratio' | 'average'
  direction?: 'higher_is_better' | 'lower_is_better'
  weight?: number
}

export interface IndicatorResult {
  id: string
  value: number | null
  points: number | null
  numerator: number
  denominator: number
  change: number | null
  value_change: number | null
  previous_value: number | null
  previous_points: number | null
}

export interface DeductionResult {
  id: string
  count: number
  points: number
  previous_count: number
  previous_points: number
}

export interface DepartmentScore {
  rank: number | null
  dept: string
  name: string
  total: number | null
  change: number | null
  previous_total: number | null
  previous_rank: number | null
  weighted: number | null
  deducted: number
  indicators: IndicatorResult[]
  deductions: DeductionResult[]
}

export interface PeriodScores {
  model: { id: string; version: number }
  period: string
  from: string
  to: string
  previous_period: string
  indicators: FigureInfo[]
  deductions: FigureInfo[]
  departments: DepartmentScore[]
}

export interface DrillRow {
  id: string
  detail: string
  counted: boolean
  value: number | null
}

export interface Drill {
  period: string
  dept: string
  figure: string
  rows: DrillRow[]
}

export interface Publication {
  id: number
  period: string
  model_id: string
  model_version: number
  algorithm: string
  digest: string
  published_at: string
  published_by: string
  supersedes: number | null
  superseded_by: number | null
  reason: string
  audit_seq: number
}

export type Trend = 'up' | 'down' | 'flat' | 'none'

// Which way a change went; a change under half a hundredth is no change.
export function trendOf(change: number | null | undefined): Trend {
  if (change === null || change === undefined || Number.isNaN(change)) return 'none'
  if (change >= 0.005) return 'up'
  if (change <= -0.005) return 'down'
  return 'flat'
}

export const TREND_ARROW: Record<Trend, string> = { up: '↑', down: '↓', flat: '→', none: '' }

// Whether a rise is good news: for a lower-is-better figure a rise is worse.
export function trendIsGood(trend: Trend, direction?: string): boolean | null {
  if (trend === 'none' || trend === 'flat') return null
  const rising = trend === 'up'
  return direction === 'lower_is_better' ? !rising : rising
}

// A figure's value as shown: a ratio in percent, an average with 2 decimals.
export function formatValue(value: number | null | undefined, measure?: string): string {
  if (value === null || value === undefined) return '—'
  if (measure === 'average') return value.toFixed(2)
  return `${(value * 100).toFixed(2)}%`
}

export function formatPoints(points: number | null | undefined): string {
  return points === null || points === undefined ? '—' : points.toFixed(2)
}

// Where a drill-down row points: a case, or an alert with its case. Items
// (the catalog) link nowhere; rate rules' department-month ids are no case.
export interface DrillLink {
  caseId?: string
  alertId?: string
}

export function drillLink(subject: string, row: DrillRow): DrillLink {
  if (subject === 'cases') return row.id.includes('/') ? {} : { caseId: row.id }
  if (subject === 'alerts') {
    const caseId = row.detail.split(' ')[0] ?? ''
    return { alertId: row.id, caseId: caseId && !caseId.includes('/') ? caseId : undefined }
  }
  return {}
}

// The publication that is current for a period (not superseded), if any.
export function currentPublication(list: Publication[], period: string): Publication | undefined {
  return list.find((p) => p.period === period && p.superseded_by === null)
}

// Departments with a rank, in rank order, for the chart of totals.
export function rankedTotals(scores: PeriodScores): { name: string; total: number }[] {
  return scores.departments
    .filter((d) => d.rank !== null && d.total !== null)
    .map((d) => ({ name: d.name || d.dept, total: d.total as number }))
}
