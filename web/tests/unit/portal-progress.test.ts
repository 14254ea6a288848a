import { describe, expect, it } from 'vitest'
import { lookupPath, lookupProblem, readPublicCase, unitKey } from '../../src/pages/portal/progress'
import { publicErrorKind } from '../../src/pages/portal/public-errors'
import { ApiError } from '../../src/api/client'

describe('progress lookup', () => {
  it('checks the case number and the four check characters before asking', () => {
    expect(lookupProblem({ id: '', check: '1234' })).toBe('id')
    expect(lookupProblem({ id: '445200 2025', check: '1234' })).toBe('id')
    expect(lookupProblem({ id: '445200-2025-000003', check: '123' })).toBe('check')
    expect(lookupProblem({ id: '445200-2025-000003', check: '12a4' })).toBe('check')
    expect(lookupProblem({ id: '445200-2025-000003', check: '123x' })).toBe('')
    expect(lookupProblem({ id: ' 445200-2025-000003 ', check: '4825' })).toBe('')
  })

  it('puts the case number in the path, escaped, and nothing personal', () => {
    expect(lookupPath({ id: ' 445200-2025-000003 ', check: '4825' })).toBe('/api/v1/public/cases/445200-2025-000003')
    expect(lookupPath({ id: 'a/b?c', check: '4825' })).toBe('/api/v1/public/cases/a%2Fb%3Fc')
  })

  it('reads the public case, steps newest first', () => {
    const c = readPublicCase({
      id: 'C1', item: { code: 'I1', name: '营业执照' }, department: { code: 'D1', name: '市场监管局' }, channel: 'online',
      stage: 'review', submitted_at: '2025-01-01T23:02:47Z', accepted_at: '2025-01-03T01:04:08Z',
      promised_due: { amount: 5, unit: 'working_days', at: '2025-01-10T16:00:00Z' },
      statutory_due: { amount: 20, unit: 'working_days', at: '2025-01-31T16:00:00Z' },
      paused: false, concluded_at: null, result: null, overdue: true,
      timeline: [{ type: 'submit', at: '2025-01-01T23:02:47Z' }, { type: 'review', at: '2025-01-03T01:53:16Z' }, { type: 'accept', at: '2025-01-03T01:04:08Z' }],
      as_of: '2025-01-12T00:00:00Z',
    })
    expect(c).toMatchObject({ id: 'C1', item: '营业执照', department: '市场监管局', stage: 'review', concluded: false, overdue: true, result: null })
    expect(c.promised).toEqual({ amount: 5, unit: 'working_days', at: '2025-01-10T16:00:00Z' })
    expect(c.steps.map((s) => s.type)).toEqual(['review', 'accept', 'submit'])
    const done = readPublicCase({
      id: 'C2', item: { code: 'I2', name: '' }, department: { code: 'D2', name: '' }, channel: '', stage: 'complete',
      submitted_at: 'a', accepted_at: null, promised_due: null, statutory_due: null, paused: false,
      concluded_at: '2025-02-01T00:00:00Z', result: 'complete', overdue: false, timeline: [], as_of: 'b',
    })
    expect(done).toMatchObject({ item: 'I2', department: 'D2', concluded: true, result: 'complete', promised: null })
    expect(unitKey('natural_days')).toBe('naturalDays')
  })

  it('gives an unknown case and wrong check characters the same answer', () => {
    expect(publicErrorKind(new ApiError(404, 'not_found', 'x', 'id'))).toBe('not_found')
    expect(publicErrorKind(new ApiError(403, 'proof_mismatch', 'x', 'check'))).toBe('not_found')
    expect(publicErrorKind(new ApiError(429, 'rate_limited', 'slow down'))).toBe('rate_limited')
    expect(publicErrorKind(new ApiError(429, 'too_many_attempts', 'x', 'proof'))).toBe('too_many_attempts')
    expect(publicErrorKind(new ApiError(400, 'invalid_field', 'x', 'check'))).toBe('invalid')
    expect(publicErrorKind(new Error('network'))).toBe('other')
  })
})
