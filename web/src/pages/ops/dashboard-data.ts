// GET /api/v1/dashboard as the dashboard draws it. Every field name the route
// sends is read here and nowhere else, so a change of the route is one edit here.

export interface StageCount {
  stage: string
  count: number
}

export interface DeptAlerts {
  dept_code: string
  dept_name: string
  notice: number
  yellow: number
  red: number
  total: number
}

export interface OnTimePoint {
  month: string // YYYY-MM
  concluded: number
  on_time: number
  rate: number | null // 0..1; null when nothing concluded
}

export interface OverdueItem {
  item_code: string
  item_name: string
  count: number
}

export interface ComplaintSla {
  registered: number
  fed_back_24h: number
  overdue_open: number
  rate: number | null // fed back within 24 h / registered
}

export interface SatisfactionPoint {
  month: string
  count: number
  average: number | null
}

export interface DashboardView {
  asOf: string
  casesToday: StageCount[]
  casesMonth: StageCount[]
  alertsOpen: DeptAlerts[] // most alerts first
  onTimeTrend: OnTimePoint[]
  topOverdue: OverdueItem[]
  complaintSla: ComplaintSla
  satisfactionTrend: SatisfactionPoint[]
}

// The route's JSON (src/server/api_dashboard.cc), field for field.
export interface DashboardResponse {
  as_of: string
  zone: string
  cases_today: StagesRaw
  cases_month: StagesRaw & { month: string }
  alerts_open: { dept_code: string; dept_name: string; notice: number; yellow: number; red: number; total: number }[]
  on_time_trend: { month: string; concluded: number; on_time: number; rate: number | null }[]
  top_overdue_items: { item_code: string; item_name: string; overdue: number }[]
  complaint_sla: {
    month: string
    registered: number
    fed_back_within_24h: number
    feedback_rate: number | null
    overdue_open: number
  }
  satisfaction_trend: { month: string; ratings: number; average_level: number | null }[]
}

interface StagesRaw {
  from: string
  to: string
  total: number
  by_stage: { stage: string; count: number }[]
}

const byCount = (rows: StageCount[]) => [...rows].sort((a, b) => b.count - a.count)

export function toDashboardView(d: DashboardResponse): DashboardView {
  return {
    asOf: d.as_of,
    casesToday: byCount(d.cases_today?.by_stage ?? []),
    casesMonth: byCount(d.cases_month?.by_stage ?? []),
    alertsOpen: [...(d.alerts_open ?? [])]
      .map((a) => ({ ...a, dept_name: a.dept_name || a.dept_code }))
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.total - a.total || a.dept_name.localeCompare(b.dept_name)),
    onTimeTrend: (d.on_time_trend ?? []).map((p) => ({ month: p.month, concluded: p.concluded, on_time: p.on_time, rate: p.rate })),
    topOverdue: (d.top_overdue_items ?? []).map((i) => ({ item_code: i.item_code, item_name: i.item_name || i.item_code, count: i.overdue })),
    complaintSla: {
      registered: d.complaint_sla?.registered ?? 0,
      fed_back_24h: d.complaint_sla?.fed_back_within_24h ?? 0,
      overdue_open: d.complaint_sla?.overdue_open ?? 0,
      rate: d.complaint_sla?.feedback_rate ?? null,
    },
    satisfactionTrend: (d.satisfaction_trend ?? []).map((p) => ({ month: p.month, count: p.ratings, average: p.average_level })),
  }
}

// Sums shown on the tiles.
export const total = (rows: { count: number }[]): number => rows.reduce((s, r) => s + r.count, 0)

export function openAlertTotals(rows: DeptAlerts[]): { notice: number; yellow: number; red: number; total: number } {
  const t = { notice: 0, yellow: 0, red: 0, total: 0 }
  for (const r of rows) {
    t.notice += r.notice
    t.yellow += r.yellow
    t.red += r.red
    t.total += r.total
  }
  return t
}

// The latest month with something concluded (the tile's on-time rate).
export function latestRate(trend: OnTimePoint[]): OnTimePoint | null {
  for (let i = trend.length - 1; i >= 0; i--) if (trend[i].rate !== null) return trend[i]
  return null
}
