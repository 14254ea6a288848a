import { describe, expect, it } from 'vitest'
import {
  casesToResolve, countsByDept, countsByLevel, countsByRule, deptOfSample, type BacktestResult,
} from '../../src/pages/manage/rules/backtest'
import { dayRangeWindow, isPeriod, lastMonth, lastMonthsWindow, toRfc3339 } from '../../src/pages/manage/time'

const result: BacktestResult = {
  cases: 10,
  alerts: 5,
  summary: {
    cases: 10, events: 40, alerts: 5, raised: 7, withdrawn: 0,
    by_rule: [
      { rule: 'r.a', level: 'yellow', count: 2 },
      { rule: 'r.a', level: 'red', count: 1 },
      { rule: 'r.b', level: 'notice', count: 2 },
    ],
  },
  sample: [
    { rule_id: 'r.a', case_id: 'C1', level: 'yellow', at: '', reason: '' },
    { rule_id: 'r.a', case_id: 'C2', level: 'red', at: '', reason: '' },
    { rule_id: 'r.a', case_id: 'C1', level: 'yellow', at: '', reason: '' },
    { rule_id: 'r.b', case_id: 'D9/2026-10', level: 'notice', at: '', reason: '' },
    { rule_id: 'r.b', case_id: 'C3', level: 'notice', at: '', reason: '', dept_code: 'D7' },
  ],
}

describe('backtest counts', () => {
  it('sums levels and rules over the whole window', () => {
    expect(countsByLevel(result)).toEqual({ notice: 2, yellow: 2, red: 1 })
    expect(countsByRule(result)).toEqual([
      { rule: 'r.a', notice: 0, yellow: 2, red: 1, total: 3 },
      { rule: 'r.b', notice: 2, yellow: 0, red: 0, total: 2 },
    ])
  })

  it('finds departments from the server, department-month ids or a lookup', () => {
    const lookup = new Map([['C1', 'D1'], ['C2', 'D2']])
    expect(deptOfSample(result.sample[3], lookup)).toBe('D9')
    expect(deptOfSample(result.sample[4], lookup)).toBe('D7')
    expect(casesToResolve(result.sample, new Map())).toEqual(['C1', 'C2'])
    expect(casesToResolve(result.sample, lookup)).toEqual([])
    expect(countsByDept(result.sample, lookup)).toEqual([
      { dept: 'D1', notice: 0, yellow: 2, red: 0, total: 2 },
      { dept: 'D2', notice: 0, yellow: 0, red: 1, total: 1 },
      { dept: 'D7', notice: 1, yellow: 0, red: 0, total: 1 },
      { dept: 'D9', notice: 1, yellow: 0, red: 0, total: 1 },
    ])
  })
})

describe('windows', () => {
  const offset = (d: Date) => {
    const m = -d.getTimezoneOffset()
    const a = Math.abs(m)
    return `${m >= 0 ? '+' : '-'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
  }

  it('writes local time with its offset', () => {
    const d = new Date(2026, 2, 5, 14, 7, 9)
    expect(toRfc3339(d)).toBe(`2026-03-05T14:07:09${offset(d)}`)
  })

  it('goes back whole months from local midnight, clamped to the month end', () => {
    const now = new Date(2026, 4, 31, 10, 0, 0) // 31 May
    const w = lastMonthsWindow(now, 3)
    const from = new Date(2026, 1, 28) // February has 28 days in 2026
    expect(w.from).toBe(toRfc3339(from))
    expect(w.to).toBe(toRfc3339(now))
    expect(lastMonthsWindow(now, 40).from).toBe(toRfc3339(new Date(2025, 4, 31)))
  })

  it('covers whole days of a date range', () => {
    const w = dayRangeWindow('2026-01-30', '2026-02-02')
    expect(w).toEqual({ from: toRfc3339(new Date(2026, 0, 30)), to: toRfc3339(new Date(2026, 1, 3)) })
    expect(dayRangeWindow('2026-02-03', '2026-02-02')).toBeNull()
    expect(dayRangeWindow('2026-02-30', '2026-03-02')).toBeNull()
  })

  it('names last month and checks periods', () => {
    expect(lastMonth(new Date(2026, 0, 15))).toBe('2025-12')
    expect(lastMonth(new Date(2026, 10, 28))).toBe('2026-10')
    expect(isPeriod('2026-10')).toBe(true)
    expect(isPeriod('2026')).toBe(true)
    expect(isPeriod('2026-13')).toBe(false)
    expect(isPeriod('26-10')).toBe(false)
  })
})

describe('idPath', () => {
  it('ends dotted ids with a slash', async () => {
    const { idPath } = await import('../../src/pages/manage/links')
    expect(idPath('/rules', 'license.fee-mismatch')).toBe('/rules/license.fee-mismatch/')
    expect(idPath('/complaints', 'TS-1')).toBe('/complaints/TS-1')
    expect(idPath('/cases', 'a b')).toBe('/cases/a%20b')
  })
})
