import { describe, expect, it } from 'vitest'
import { allowedSteps, dueOf, feedbackDeadline, stepText, type CaseDeadline } from '../../src/pages/manage/complaints/complaint'
import { formatAverage, nearestLevel, rectifyProgress } from '../../src/pages/manage/ratings/rating'

const perms = (...list: string[]) => (p: string) => list.includes(p)

describe('complaint steps', () => {
  it('lets the desk and the department answer, only the desk reopen', () => {
    const desk = perms('manage_complaints', 'read_cases')
    const dept = perms('respond_alert', 'read_cases')
    const reader = perms('read_cases')
    expect(allowedSteps({ state: 'received', satisfaction: null }, desk)).toEqual(['feedback'])
    expect(allowedSteps({ state: 'fed_back', satisfaction: null }, dept)).toEqual(['feedback', 'resolve'])
    expect(allowedSteps({ state: 'reopened', satisfaction: null }, dept)).toEqual(['feedback', 'resolve'])
    expect(allowedSteps({ state: 'resolved', satisfaction: null }, dept)).toEqual([])
    expect(allowedSteps({ state: 'resolved', satisfaction: null }, desk)).toEqual(['reopen', 'satisfaction'])
    expect(allowedSteps({ state: 'resolved', satisfaction: { level: 2, level_name: '', comment: '', at: '' } }, desk)).toEqual(['reopen'])
    expect(allowedSteps({ state: 'received', satisfaction: null }, reader)).toEqual([])
  })
})

describe('complaint deadlines', () => {
  const d: CaseDeadline = {
    rule_id: 'complaint.first-feedback-24h', title: '24 h', start: '', stopped_at: null, stopped_by: '', paused_ms: 0,
    stages: [
      { level: 'notice', limit: { amount: 20, unit: 'hours' }, due: '2026-11-29T01:34:21Z', state: 'running' },
      { level: 'yellow', limit: { amount: 24, unit: 'hours' }, due: '2026-11-29T05:34:21Z', state: 'running' },
    ],
  }

  it('judges by the yellow rung and finds the feedback deadline', () => {
    expect(dueOf(d)).toBe('2026-11-29T05:34:21Z')
    expect(dueOf({ ...d, stages: [d.stages[0]] })).toBe('2026-11-29T01:34:21Z')
    expect(feedbackDeadline([{ ...d, rule_id: 'complaint.resolve-within-15-days' }, d])).toBe(d)
    expect(feedbackDeadline([])).toBeUndefined()
  })

  it('reads a step text', () => {
    expect(stepText({ seq: 1, type: 'complaint_feedback', step: '', at: '', actor: '', source: '', attrs: { text: '已联系' } })).toBe('已联系')
    expect(stepText({ seq: 1, type: 'complaint_received', step: '', at: '', actor: '', source: '', attrs: {} })).toBe('')
  })
})

describe('rating rectification', () => {
  const ev = (type: string, step = '') => ({ seq: 1, type, step, at: '', actor: '', source: '', attrs: {} })

  it('follows verify, rectify, revisit in order', () => {
    expect(rectifyProgress([ev('rating_received')]).next).toBe('verify')
    const p = rectifyProgress([ev('rating_received'), ev('rating_verified')])
    expect(p.next).toBe('rectify')
    expect(p.done.verify?.type).toBe('rating_verified')
    expect(rectifyProgress([ev('rating_received'), ev('rating_verified'), ev('rating_rectified'), ev('rating_revisited')]).next).toBeNull()
  })

  it('ends on an upheld appeal', () => {
    const p = rectifyProgress([ev('rating_received'), ev('rating_verified', '差评申诉成立')])
    expect(p.endedOnAppeal).toBe(true)
    expect(p.next).toBeNull()
  })

  it('shows averages as coded', () => {
    expect(formatAverage(2.6667)).toBe('2.67')
    expect(formatAverage(null)).toBe('—')
    expect(nearestLevel(2.67)).toBe(3)
    expect(nearestLevel(4.5)).toBe(5)
    expect(nearestLevel(null)).toBeNull()
  })
})
