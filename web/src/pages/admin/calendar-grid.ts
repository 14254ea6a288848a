// The working-day calendar of a year laid out as month grids (Monday first),
// and its named days (holidays, make-up working days, closures) as runs.
import type { CalendarDay } from '../../lib/calendar'

export interface GridCell {
  date: string
  day: number
  kind: string // workday | weekend | holiday | makeup | closure
  working: boolean
  name: string
}

export interface MonthGrid {
  month: number // 1..12
  weeks: (GridCell | null)[][] // 7 cells a week, null outside the month
}

// 0 = Monday … 6 = Sunday, for a YYYY-MM-DD date.
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return (new Date(y, m - 1, d).getDay() + 6) % 7
}

export function monthGrids(days: CalendarDay[]): MonthGrid[] {
  const byMonth = new Map<number, GridCell[]>()
  for (const d of days) {
    const month = Number(d.date.slice(5, 7))
    const cells = byMonth.get(month) ?? []
    cells.push({ date: d.date, day: Number(d.date.slice(8, 10)), kind: d.kind, working: d.working, name: d.name ?? '' })
    byMonth.set(month, cells)
  }
  const out: MonthGrid[] = []
  for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
    const cells = byMonth.get(month)!.sort((a, b) => a.day - b.day)
    const weeks: (GridCell | null)[][] = []
    let week: (GridCell | null)[] = Array(weekdayIndex(cells[0].date)).fill(null)
    for (const cell of cells) {
      week.push(cell)
      if (week.length === 7) {
        weeks.push(week)
        week = []
      }
    }
    if (week.length) weeks.push([...week, ...Array(7 - week.length).fill(null)])
    out.push({ month, weeks })
  }
  return out
}

export interface NamedRun {
  kind: string
  name: string
  from: string
  to: string
  days: number
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const n = new Date(y, m - 1, d + 1)
  return `${n.getFullYear()}-${String(n.getMonth() + 1).padStart(2, '0')}-${String(n.getDate()).padStart(2, '0')}`
}

// Consecutive days of the same kind and name form one run: 春节 01-28 … 02-04.
// Ordinary workdays and weekends are left out; a weekend inside a holiday
// belongs to it only when the calendar names it so.
export function namedRuns(days: CalendarDay[]): NamedRun[] {
  const runs: NamedRun[] = []
  for (const d of days) {
    if (d.kind === 'workday' || d.kind === 'weekend') continue
    const last = runs[runs.length - 1]
    if (last && last.kind === d.kind && last.name === (d.name ?? '') && nextDate(last.to) === d.date) {
      last.to = d.date
      last.days++
    } else {
      runs.push({ kind: d.kind, name: d.name ?? '', from: d.date, to: d.date, days: 1 })
    }
  }
  return runs
}

export interface YearCounts {
  working: number
  rest: number
  holidays: number
  makeup: number
  closures: number
}

export function yearCounts(days: CalendarDay[]): YearCounts {
  const c: YearCounts = { working: 0, rest: 0, holidays: 0, makeup: 0, closures: 0 }
  for (const d of days) {
    if (d.working) c.working++
    else c.rest++
    if (d.kind === 'holiday') c.holidays++
    if (d.kind === 'makeup') c.makeup++
    if (d.kind === 'closure') c.closures++
  }
  return c
}
