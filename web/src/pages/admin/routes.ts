// Pages of the admin area (系统管理): accounts, roles, tokens, the catalog, the
// working-day calendar, the quarantine and the audit trail. Each administrator
// (三员分立) sees only the entries their permissions open.
import type { RouteRecordRaw } from 'vue-router'
import type { NavItem } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'admin', name: 'admin', component: () => import('./AdminIndex.vue') },
  { path: 'admin/users', name: 'admin-users', component: () => import('./UsersPage.vue'), meta: { anyOf: ['manage_users'] } },
  { path: 'admin/roles', name: 'admin-roles', component: () => import('./RolesPage.vue'), meta: { anyOf: ['manage_roles'] } },
  { path: 'admin/tokens', name: 'admin-tokens', component: () => import('./TokensPage.vue'), meta: { anyOf: ['manage_tokens'] } },
  { path: 'admin/catalog', name: 'admin-catalog', component: () => import('./CatalogPage.vue'), meta: { anyOf: ['manage_catalog'] } },
  { path: 'admin/calendar', name: 'admin-calendar', component: () => import('./CalendarPage.vue'), meta: { anyOf: ['manage_catalog'] } },
  { path: 'admin/quarantine', name: 'admin-quarantine', component: () => import('./QuarantinePage.vue'), meta: { anyOf: ['read_quarantine'] } },
  { path: 'admin/audit', name: 'admin-audit', component: () => import('./AuditPage.vue'), meta: { anyOf: ['read_audit', 'verify_audit'] } },
]

// One group; its first visible entry is where an administrator lands.
export const nav: NavItem[] = [
  {
    to: '/admin',
    label: 'nav.admin',
    children: [
      { to: '/admin/users', label: 'admin.nav.users', anyOf: ['manage_users'] },
      { to: '/admin/roles', label: 'admin.nav.roles', anyOf: ['manage_roles'] },
      { to: '/admin/tokens', label: 'admin.nav.tokens', anyOf: ['manage_tokens'] },
      { to: '/admin/audit', label: 'admin.nav.audit', anyOf: ['read_audit', 'verify_audit'] },
      { to: '/admin/catalog', label: 'admin.nav.catalog', anyOf: ['manage_catalog'] },
      { to: '/admin/calendar', label: 'admin.nav.calendar', anyOf: ['manage_catalog'] },
      { to: '/admin/quarantine', label: 'admin.nav.quarantine', anyOf: ['read_quarantine'] },
    ],
  },
]
