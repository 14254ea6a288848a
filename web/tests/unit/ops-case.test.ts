import { describe, expect, it } from 'vitest'
import { caseQuery, emptyFilters, rfc3339Local } from '../../src/pages/ops/case-query'
import { durationParts, pausesOf, rungKinds } from '../../src/pages/ops/pauses'
import type { CaseEvent } from '../../src/pages/ops/types'

const event = (seq: number, type: string, at: string, step = type): CaseEvent => ({
  seq, type, at, step, source: 's', source_event_id: String(seq), case_id: 'C', dept_code: 'D', item_code: 'I',
  actor: 'a', channel: 'online', attrs: {}, ingested_at: at, hash: 'h',
})

describe('case search query', () => {
  it('sends only what was filled in', () => {
    expect(caseQuery(emptyFilters())).toEqual({ limit: 50 })
    const f = { ...emptyFilters(), id: ' 445200-2025 ', stage: 'accept', overdue: true }
    expect(caseQuery(f, 1234)).toEqual({ limit: 50, id_prefix: '445200-2025', stage: 'accept', overdue: 'true', cursor: 1234 })
  })

  it('turns a date range into local instants with an offset, the end day included', () => {
    const f = { ...emptyFilters(), range: [new Date(2026, 2, 1, 15, 0), new Date(2026, 2, 31, 9, 0)] as [Date, Date] }
    const q = caseQuery(f)
    expect(q.from).toBe(rfc3339Local(new Date(2026, 2, 1)))
    expect(q.to).toBe(rfc3339Local(new Date(2026, 3, 1)))
    expect(String(q.from)).toMatch(/^2026-03-01T00:00:00[+-]\d\d:\d\d$/)
    expect(new Date(String(q.to)).getTime()).toBe(new Date(2026, 3, 1).getTime())
  })
})

describe('pauses', () => {
  it('pairs supplement requests and special procedures with their ends, in time order', () => {
    const timeline = [
      event(5, 'resume', '2026-03-10T02:00:00Z', '恢复'),
      event(1, 'submit', '2026-03-01T01:00:00Z'),
      event(2, 'request_supplement', '2026-03-02T01:00:00Z', '补正告知'),
      event(3, 'supplement_received', '2026-03-04T01:00:00Z', '补正材料收到'),
      event(4, 'suspend', '2026-03-05T01:00:00Z', '专家评审'),
      event(6, 'request_supplement', '2026-03-11T01:00:00Z'),
    ]
    expect(pausesOf(timeline)).toEqual([
      { kind: 'supplement', from: '2026-03-02T01:00:00Z', to: '2026-03-04T01:00:00Z', fromStep: '补正告知', toStep: '补正材料收到' },
      { kind: 'suspend', from: '2026-03-05T01:00:00Z', to: '2026-03-10T02:00:00Z', fromStep: '专家评审', toStep: '恢复' },
      { kind: 'supplement', from: '2026-03-11T01:00:00Z', to: null, fromStep: 'request_supplement', toStep: '' },
    ])
  })

  it('ignores an end without a start', () => {
    expect(pausesOf([event(1, 'resume', '2026-03-01T00:00:00Z')])).toEqual([])
  })

  it('splits a duration into days, hours and minutes', () => {
    expect(durationParts(((2 * 24 + 3) * 60 + 7) * 60_000 + 59_000)).toEqual({ days: 2, hours: 3, minutes: 7 })
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 })
  })
})

describe('rungKinds', () => {
  const wd = (amount: number) => ({ amount, unit: 'working_days' })
  it('labels the promised and statutory rungs of a ladder that counts both', () => {
    const ladder = [{ limit: wd(14) }, { limit: wd(15) }, { limit: wd(20) }]
    expect(rungKinds(ladder, wd(15), wd(20))).toEqual(['', 'promised', 'statutory'])
  })
  it('labels both when the item promises its statutory limit', () => {
    expect(rungKinds([{ limit: wd(4) }, { limit: wd(5) }, { limit: wd(5) }], wd(5), wd(5))).toEqual(['', 'promised', 'statutory'])
  })
  it('leaves a rule with its own limit unlabelled, even when the amount matches', () => {
    expect(rungKinds([{ limit: wd(4) }, { limit: wd(5) }], wd(5), wd(20))).toEqual(['', ''])
    expect(rungKinds([{ limit: null }], wd(5), wd(20))).toEqual([''])
  })
  it('needs the same unit', () => {
    expect(rungKinds([{ limit: wd(15) }, { limit: { amount: 20, unit: 'natural_days' } }], wd(15), wd(20))).toEqual(['', ''])
  })
})
