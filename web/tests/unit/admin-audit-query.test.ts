import { describe, expect, it } from 'vitest'
import { auditQuery, exportQuery, shortHash } from '../../src/pages/admin/audit-query'
import { accountState, type User } from '../../src/pages/admin/types'
import { feeYuan, filterItems, limitParts } from '../../src/pages/admin/catalog'

const none = { from: '', to: '', actor: '', action: '', object: '', result: '' }

describe('audit query', () => {
  it('sends only the filters given, trimmed', () => {
    expect(auditQuery(none)).toEqual({ limit: 100 })
    expect(auditQuery({ ...none, actor: ' sysadmin ', action: 'user.', result: 'failed' }, 42)).toEqual({
      limit: 100, actor: 'sysadmin', action: 'user.', result: 'failed', cursor: 42,
    })
  })

  it('turns a range of local dates into instants covering whole days', () => {
    const q = auditQuery({ ...none, from: '2025-05-01', to: '2025-05-03' })
    expect(new Date(q.from as string).getTime()).toBe(new Date(2025, 4, 1).getTime())
    // The last day is included: up to the start of the next one.
    expect(new Date(q.to as string).getTime()).toBe(new Date(2025, 4, 4).getTime())
    expect(exportQuery({ ...none, from: '2025-05-01', actor: 'x' })).toEqual({ from: q.from })
  })

  it('shortens hashes', () => {
    expect(shortHash('a'.repeat(8) + 'b'.repeat(48) + 'c'.repeat(8))).toBe('aaaaaaaa…cccccccc')
    expect(shortHash('abc')).toBe('abc')
  })
})

describe('admin helpers', () => {
  const user: User = {
    id: 1, name: 'a', display_name: '', role: 'auditor', dept_code: '', locked_until: null, disabled: false,
    must_change_password: false, created_at: '2025-01-01T00:00:00Z',
  }
  const now = new Date('2025-06-01T00:00:00Z')

  it('says how an account stands', () => {
    expect(accountState(user, now)).toBe('active')
    expect(accountState({ ...user, locked_until: '2025-06-01T00:10:00Z' }, now)).toBe('locked')
    expect(accountState({ ...user, locked_until: '2025-05-31T00:00:00Z' }, now)).toBe('active')
    expect(accountState({ ...user, disabled: true, locked_until: '2025-06-01T00:10:00Z' }, now)).toBe('disabled')
  })

  it('filters items by department and text, and words limits and fees', () => {
    const items = [
      { code: 'X-1', name: '营业执照', dept_code: 'A', category: '行政许可', statutory_limit: null, promised_limit: null, fee_fen: 1250, online_depth: 3 },
      { code: 'X-2', name: '户口迁移', dept_code: 'B', category: '行政确认', statutory_limit: null, promised_limit: null, fee_fen: null, online_depth: 0 },
    ]
    expect(filterItems(items, '执照', '').map((i) => i.code)).toEqual(['X-1'])
    expect(filterItems(items, '', 'B').map((i) => i.code)).toEqual(['X-2'])
    expect(filterItems(items, 'x-', 'A').map((i) => i.code)).toEqual(['X-1'])
    expect(limitParts({ amount: 20, unit: 'working_days' })).toEqual({ key: 'workingDays', n: 20 })
    expect(limitParts(null)).toBeNull()
    expect(feeYuan(1250)).toBe('12.50')
    expect(feeYuan(null)).toBe('—')
  })
})
