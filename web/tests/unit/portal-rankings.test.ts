import { describe, expect, it } from 'vitest'
import { defaultPeriod, indicatorAverages, rankMove, ranked, splitPeriods, totalsChart, type RankedDepartment, type RankingPage } from '../../src/pages/portal/rankings'

const pub = (id: number, period: string, superseded_by: number | null = null) => ({ id, period, published_at: '', superseded_by })
const dept = (rank: number | null, name: string, total: number | null, previous_rank: number | null = null): RankedDepartment =>
  ({ rank, dept: name, name, total, change: null, previous_rank, indicators: [] })

describe('rankings', () => {
  it('offers each published period once, newest first, monthly and annual apart', () => {
    const p = splitPeriods([pub(1, '2025-03'), pub(2, '2025-04'), pub(3, '2024'), pub(4, '2025-03', 5), pub(5, '2025-03')])
    expect(p).toEqual({ monthly: ['2025-04', '2025-03'], annual: ['2024'] })
    expect(defaultPeriod(p)).toBe('2025-04')
    expect(defaultPeriod({ monthly: [], annual: ['2024'] })).toBe('2024')
    expect(defaultPeriod({ monthly: [], annual: [] })).toBe('')
  })

  it('orders ranked departments first and says how each moved', () => {
    const rows = [dept(null, '丙', null), dept(2, '乙', 80, 1), dept(1, '甲', 90, 3)]
    expect(ranked(rows).map((r) => r.name)).toEqual(['甲', '乙', '丙'])
    expect(rows.map(rankMove)).toEqual(['new', 'down', 'up'])
    expect(rankMove(dept(4, '丁', 70, 4))).toBe('same')
  })

  it('charts totals best at the top, leaving out departments without one', () => {
    const option = totalsChart([dept(2, '乙', 80), dept(1, '甲', 90), dept(null, '丙', null)], 'T') as {
      yAxis: { data: string[] }; series: { data: number[] }[]
    }
    // ECharts draws a category axis bottom-up: the best comes last.
    expect(option.yAxis.data).toEqual(['乙', '甲'])
    expect(option.series[0].data).toEqual([80, 90])
  })

  it('averages each indicator\'s points over the departments scored on it', () => {
    const page = {
      scores: {
        indicators: [
          { id: 'ontime', name_zh: '按时办结率', name_en: 'On time' },
          { id: 'survey', name_zh: '服务满意度', name_en: 'Satisfaction' },
        ],
        departments: [
          { ...dept(1, 'a', 90), indicators: [{ id: 'ontime', value: 0.9, points: 18 }, { id: 'survey', value: null, points: null }] },
          { ...dept(2, 'b', 80), indicators: [{ id: 'ontime', value: 0.8, points: 16.5 }, { id: 'survey', value: null, points: null }] },
          { ...dept(3, 'c', 70), indicators: [{ id: 'ontime', value: null, points: null }] },
        ],
      },
    } as unknown as RankingPage
    expect(indicatorAverages(page, 'zh-CN')).toEqual([{ name: '按时办结率', value: 17.25 }])
    expect(indicatorAverages(page, 'en')[0].name).toBe('On time')
  })
})
