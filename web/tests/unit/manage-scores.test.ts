import { describe, expect, it } from 'vitest'
import {
  currentPublication, drillLink, formatPoints, formatValue, rankedTotals, trendIsGood, trendOf,
  type PeriodScores, type Publication,
} from '../../src/pages/manage/scores/scores'

describe('trend', () => {
  it('reads a change as up, down, flat or none', () => {
    expect(trendOf(5.36)).toBe('up')
    expect(trendOf(-0.01)).toBe('down')
    expect(trendOf(0)).toBe('flat')
    expect(trendOf(0.004)).toBe('flat')
    expect(trendOf(null)).toBe('none')
  })

  it('says whether a change is good for the figure', () => {
    expect(trendIsGood('up', 'higher_is_better')).toBe(true)
    expect(trendIsGood('up', 'lower_is_better')).toBe(false)
    expect(trendIsGood('down', 'lower_is_better')).toBe(true)
    expect(trendIsGood('flat', 'higher_is_better')).toBeNull()
  })
})

describe('values', () => {
  it('shows ratios in percent and averages as numbers', () => {
    expect(formatValue(0.9523, 'ratio')).toBe('95.23%')
    expect(formatValue(2.5, 'average')).toBe('2.50')
    expect(formatValue(null, 'ratio')).toBe('—')
    expect(formatPoints(62.5)).toBe('62.50')
    expect(formatPoints(null)).toBe('—')
  })
})

describe('drill-down links', () => {
  it('links cases, alerts with their case, and not items', () => {
    expect(drillLink('cases', { id: '445200-2025-000123', detail: '445200-XK-0001', counted: true, value: null }))
      .toEqual({ caseId: '445200-2025-000123' })
    expect(drillLink('alerts', { id: '88', detail: '445200-2025-000123 license.fee-mismatch red', counted: true, value: null }))
      .toEqual({ alertId: '88', caseId: '445200-2025-000123' })
    expect(drillLink('alerts', { id: '89', detail: 'D1/2025-03 license.rejection-rate-30pct yellow', counted: false, value: null }))
      .toEqual({ alertId: '89', caseId: undefined })
    expect(drillLink('items', { id: '445200-XK-0001', detail: '名称', counted: true, value: null })).toEqual({})
  })
})

describe('publications and totals', () => {
  const pub = (id: number, period: string, superseded_by: number | null): Publication => ({
    id, period, model_id: 'm', model_version: 1, algorithm: 'sm3', digest: 'x', published_at: '', published_by: 'a',
    supersedes: null, superseded_by, reason: '', audit_seq: 1,
  })

  it('finds the current publication of a period', () => {
    const list = [pub(3, '2026-10', null), pub(2, '2026-10', 3), pub(1, '2026-09', null)]
    expect(currentPublication(list, '2026-10')?.id).toBe(3)
    expect(currentPublication(list, '2026-08')).toBeUndefined()
  })

  it('charts ranked departments only, in order', () => {
    const scores = {
      departments: [
        { rank: 1, dept: 'A', name: '甲', total: 98 },
        { rank: 2, dept: 'B', name: '', total: 90.5 },
        { rank: null, dept: 'C', name: '丙', total: null },
      ],
    } as unknown as PeriodScores
    expect(rankedTotals(scores)).toEqual([{ name: '甲', total: 98 }, { name: 'B', total: 90.5 }])
  })
})
