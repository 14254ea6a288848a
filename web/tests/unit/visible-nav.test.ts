import { describe, expect, it } from 'vitest'
import { visibleNav } from '../../src/layouts/visible-nav'

describe('visibleNav', () => {
  const menu = [
    { to: '/dashboard', label: 'nav.dashboard', anyOf: ['read_cases'] },
    { to: '/admin', label: 'nav.admin', children: [
      { to: '/admin/users', label: 'a', anyOf: ['manage_users'] },
      { to: '/admin/audit', label: 'b', anyOf: ['read_audit'] },
    ] },
    { to: '/password', label: 'c' },
  ]

  it('shows what a permission allows and keeps groups with a visible child', () => {
    expect(visibleNav(menu, ['read_audit']).map((i) => i.to)).toEqual(['/admin', '/password'])
    expect(visibleNav(menu, ['read_audit'])[0].children!.map((i) => i.to)).toEqual(['/admin/audit'])
    expect(visibleNav(menu, ['read_cases']).map((i) => i.to)).toEqual(['/dashboard', '/password'])
  })
})
