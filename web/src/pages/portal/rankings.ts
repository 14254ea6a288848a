// Published rankings (效能排名) as the portal shows them: the periods to pick
// from, and the charts of one period.

export interface Publication {
  id: number
  period: string // YYYY-MM (monthly) or YYYY (annual)
  published_at: string
  superseded_by: number | null
}

export interface Figure {
  id: string
  name_zh: string
  name_en: string
}

export interface RankedIndicator {
  id: string
  value: number | null
  points: number | null
}

export interface RankedDepartment {
  rank: number | null
  dept: string
  name: string
  total: number | null
  change: number | null
  previous_rank: number | null
  indicators: RankedIndicator[]
}

export interface RankingPage {
  publication: Publication & { digest: string; algorithm: string }
  intact: boolean
  scores: {
    period: string
    from: string
    to: string
    previous_period: string
    indicators: Figure[]
    departments: RankedDepartment[]
  }
}

export interface Periods {
  monthly: string[]
  annual: string[]
}

// Newest first, each period once (a superseded publication is not offered).
export function splitPeriods(list: Publication[]): Periods {
  const current = [...new Set(list.filter((p) => !p.superseded_by).map((p) => p.period))].sort().reverse()
  return { monthly: current.filter((p) => p.length === 7), annual: current.filter((p) => p.length === 4) }
}

export function defaultPeriod(p: Periods): string {
  return p.monthly[0] ?? p.annual[0] ?? ''
}

// Ranked first (by rank), then the unranked by name.
export function ranked(rows: RankedDepartment[]): RankedDepartment[] {
  return [...rows].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank
    if (a.rank !== null) return -1
    if (b.rank !== null) return 1
    return a.name.localeCompare(b.name)
  })
}

// How a department moved against the previous period: up (a smaller rank), down or the same.
export function rankMove(row: RankedDepartment): 'up' | 'down' | 'same' | 'new' {
  if (row.rank === null || row.previous_rank === null) return 'new'
  if (row.rank < row.previous_rank) return 'up'
  if (row.rank > row.previous_rank) return 'down'
  return 'same'
}

// A horizontal bar per department, the best at the top.
export function totalsChart(rows: RankedDepartment[], title: string): Record<string, unknown> {
  const shown = ranked(rows).filter((r) => r.total !== null).reverse()
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0 },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{
      type: 'bar', data: shown.map((r) => r.total), itemStyle: { color: '#b91c1c' },
      label: { show: true, position: 'right', formatter: '{c}' },
    }],
  }
}

// Each indicator's mean points over the departments scored on it (points are
// comparable across indicators; raw values mix ratios and 1–5 averages).
// Indicators nobody was scored on are left out.
export function indicatorAverages(page: RankingPage, locale: string): { name: string; value: number }[] {
  const out: { name: string; value: number }[] = []
  for (const f of page.scores.indicators) {
    const points = page.scores.departments
      .map((d) => d.indicators.find((i) => i.id === f.id)?.points)
      .filter((v): v is number => typeof v === 'number')
    if (!points.length) continue
    const mean = points.reduce((a, b) => a + b, 0) / points.length
    out.push({ name: locale === 'en' ? f.name_en : f.name_zh, value: Math.round(mean * 100) / 100 })
  }
  return out
}

export function indicatorChart(items: { name: string; value: number }[], title: string): Record<string, unknown> {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { interval: 0, rotate: 30, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: items.map((i) => i.value), itemStyle: { color: '#2563eb' } }],
  }
}
