import { describe, expect, it } from 'vitest'
import { monthGrids, namedRuns, weekdayIndex, yearCounts } from '../../src/pages/admin/calendar-grid'
import type { CalendarDay } from '../../src/lib/calendar'

// A year as the server describes it: weekdays working, weekends off, with a
// few listed days.
function year(y: number, listed: Record<string, Omit<CalendarDay, 'date'>>): CalendarDay[] {
  const out: CalendarDay[] = []
  for (let d = new Date(y, 0, 1); d.getFullYear() === y; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    const date = `${y}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const weekend = d.getDay() === 0 || d.getDay() === 6
    out.push({ date, ...(listed[date] ?? { working: !weekend, kind: weekend ? 'weekend' : 'workday', name: '' }) })
  }
  return out
}

const days2025 = year(2025, {
  '2025-01-26': { working: true, kind: 'makeup', name: '春节调休上班' },
  '2025-01-28': { working: false, kind: 'holiday', name: '春节' },
  '2025-01-29': { working: false, kind: 'holiday', name: '春节' },
  '2025-01-30': { working: false, kind: 'holiday', name: '春节' },
  '2025-05-07': { working: false, kind: 'closure', name: '台风停工' },
})

describe('calendar grid', () => {
  it('numbers weekdays from Monday', () => {
    expect(weekdayIndex('2025-01-06')).toBe(0) // a Monday
    expect(weekdayIndex('2025-01-05')).toBe(6) // a Sunday
    expect(weekdayIndex('2025-01-01')).toBe(2) // a Wednesday
  })

  it('lays every month out in full weeks starting on Monday', () => {
    const grids = monthGrids(days2025)
    expect(grids.map((g) => g.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    const january = grids[0]
    expect(january.weeks.every((w) => w.length === 7)).toBe(true)
    expect(january.weeks[0].slice(0, 2)).toEqual([null, null]) // 1 January 2025 is a Wednesday
    expect(january.weeks[0][2]?.date).toBe('2025-01-01')
    const cells = january.weeks.flat().filter((c) => c !== null)
    expect(cells).toHaveLength(31)
    expect(cells.find((c) => c!.date === '2025-01-29')).toMatchObject({ kind: 'holiday', name: '春节', working: false, day: 29 })
    // February 2025 has 28 days and starts on a Saturday.
    expect(grids[1].weeks.flat().filter((c) => c !== null)).toHaveLength(28)
    expect(grids[1].weeks[0][5]?.date).toBe('2025-02-01')
  })

  it('groups named days into runs', () => {
    expect(namedRuns(days2025)).toEqual([
      { kind: 'makeup', name: '春节调休上班', from: '2025-01-26', to: '2025-01-26', days: 1 },
      { kind: 'holiday', name: '春节', from: '2025-01-28', to: '2025-01-30', days: 3 },
      { kind: 'closure', name: '台风停工', from: '2025-05-07', to: '2025-05-07', days: 1 },
    ])
  })

  it('counts working and rest days', () => {
    const c = yearCounts(days2025)
    expect(c.working + c.rest).toBe(365)
    // 261 weekdays in 2025, minus 3 holidays and a closure on weekdays, plus a Sunday made working.
    expect(c.working).toBe(261 - 4 + 1)
    expect(c).toMatchObject({ holidays: 3, makeup: 1, closures: 1 })
  })
})
