import { describe, expect, it } from 'vitest'
import {
  actionBody, fieldsFor, judgeActions, mayRespond, missingField, nextState, responseBody,
} from '../../src/pages/ops/workflow'

const judge = ['read_alerts', 'judge_alert']
const dept = ['read_alerts', 'respond_alert']

describe('alert workflow (mirrors src/workflow/alert_workflow.cc)', () => {
  it('follows the legal transitions', () => {
    expect(nextState('open', 'respond')).toBe('responded')
    expect(nextState('responded', 'accept')).toBe('accepted')
    expect(nextState('responded', 'reject_response')).toBe('open')
    expect(nextState('open', 'escalate')).toBe('escalated')
    expect(nextState('escalated', 'open_accountability')).toBe('accountability')
    expect(nextState('accountability', 'close')).toBe('closed')
    expect(nextState('accepted', 'close')).toBe('closed')
    expect(nextState('escalated', 'close')).toBe('closed')
    expect(nextState('open', 'accept')).toBeNull()
    expect(nextState('accepted', 'escalate')).toBeNull()
  })

  it('withdraws from every state but the final ones', () => {
    for (const s of ['open', 'responded', 'accepted', 'escalated', 'accountability']) expect(nextState(s, 'withdraw')).toBe('withdrawn')
    expect(nextState('closed', 'withdraw')).toBeNull()
    expect(nextState('withdrawn', 'withdraw')).toBeNull()
  })

  it('offers the department only the response, and only while open', () => {
    expect(mayRespond('open', dept)).toBe(true)
    expect(mayRespond('responded', dept)).toBe(false)
    expect(mayRespond('open', judge)).toBe(false)
    expect(judgeActions('open', dept)).toEqual([])
  })

  it('offers the bureau the steps legal in each state', () => {
    expect(judgeActions('open', judge)).toEqual(['escalate', 'withdraw'])
    expect(judgeActions('responded', judge)).toEqual(['accept', 'reject_response', 'escalate', 'withdraw'])
    expect(judgeActions('escalated', judge)).toEqual(['open_accountability', 'close', 'withdraw'])
    expect(judgeActions('accountability', judge)).toEqual(['close', 'withdraw'])
    expect(judgeActions('accepted', judge)).toEqual(['close', 'withdraw'])
    expect(judgeActions('closed', judge)).toEqual([])
  })

  it('asks for the fields the server requires', () => {
    expect(fieldsFor('escalate', 'open')).toEqual([{ name: 'text', required: true }])
    expect(fieldsFor('accept', 'responded')).toEqual([{ name: 'text', required: false }])
    expect(fieldsFor('open_accountability', 'escalated')[0]).toEqual({ name: 'findings', required: true })
    expect(fieldsFor('close', 'accountability')[0]).toEqual({ name: 'outcome', required: true })
    expect(fieldsFor('close', 'escalated')[0]).toEqual({ name: 'outcome', required: true })
    expect(fieldsFor('close', 'accepted')[0]).toEqual({ name: 'outcome', required: false })
    expect(missingField('withdraw', 'open', { text: '  ' })).toBe('text')
    expect(missingField('open_accountability', 'escalated', { text: 'x' })).toBe('findings')
    expect(missingField('accept', 'responded', {})).toBeNull()
  })

  it('sends only the fields an action carries, trimmed, blank ones left out', () => {
    expect(actionBody('accept', 'responded', { text: '  ', findings: 'stray' })).toEqual({ action: 'accept' })
    expect(actionBody('open_accountability', 'escalated', { findings: ' 查实 ', text: '' })).toEqual({ action: 'open_accountability', findings: '查实' })
    expect(actionBody('close', 'accountability', { outcome: '已处理', text: '备注' })).toEqual({ action: 'close', outcome: '已处理', text: '备注' })
  })

  it('puts attachment references into the response text, one per line', () => {
    expect(responseBody('explained', ' 原因 ', '')).toEqual({ action: 'respond', response_kind: 'explained', text: '原因' })
    const body = responseBody('corrected', '已整改', 'a.pdf\n\n 文号 18 \n')
    expect(body.response_kind).toBe('corrected')
    expect(body.text).toBe('已整改\n\n附件 Attachments:\n- a.pdf\n- 文号 18')
  })
})
