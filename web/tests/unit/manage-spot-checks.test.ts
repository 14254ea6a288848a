import { describe, expect, it } from 'vitest'
import { defaultDrawForm, drawRequest, sampleByDept } from '../../src/pages/manage/spotchecks/spot'

describe('draw request', () => {
  it('sends one sizing and the minimum per department', () => {
    const f = defaultDrawForm('2026-10')
    expect(drawRequest(f)).toEqual({ period: '2026-10', per_stratum: 1, min_per_dept: 1 })
    f.seed = 42
    f.sizing = 'per_dept'
    f.size = 3
    f.minPerDept = 0
    f.depts = ['D1']
    f.note = ' 十月抽查 '
    expect(drawRequest(f)).toEqual({ period: '2026-10', seed: 42, per_dept: 3, depts: ['D1'], note: '十月抽查' })
  })

  it('turns a percentage into the rate fraction', () => {
    const f = { ...defaultDrawForm('2026'), sizing: 'rate' as const, ratePercent: 2.5 }
    expect(drawRequest(f)).toEqual({ period: '2026', rate: 0.025, min_per_dept: 1 })
  })
})

describe('sample by department', () => {
  it('counts sampled, topped-up and problem cases', () => {
    expect(sampleByDept([
      { case_id: 'a', dept_code: 'D2', item_code: 'i', reason: 'stratum', latest: 'problem' },
      { case_id: 'b', dept_code: 'D1', item_code: 'i', reason: 'minimum', latest: null },
      { case_id: 'c', dept_code: 'D2', item_code: 'j', reason: 'stratum', latest: 'conforms' },
    ])).toEqual([
      { dept: 'D1', sampled: 1, minimum: 1, problems: 0 },
      { dept: 'D2', sampled: 2, minimum: 0, problems: 1 },
    ])
  })
})
