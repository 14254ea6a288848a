// Pages of the ops area: the dashboard (监察大屏), case search (办件查询) and
// the alert inbox with its workflow (预警督办).
import type { RouteRecordRaw } from 'vue-router'
import type { NavItem } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'dashboard', name: 'dashboard', component: () => import('./Dashboard.vue'), meta: { anyOf: ['read_cases'] } },
  { path: 'cases', name: 'cases', component: () => import('./CaseSearch.vue'), meta: { anyOf: ['read_cases'] } },
  { path: 'cases/:id', name: 'case', component: () => import('./CaseDetail.vue'), meta: { anyOf: ['read_cases'] } },
  { path: 'alerts', name: 'alerts', component: () => import('./AlertInbox.vue'), meta: { anyOf: ['read_alerts'] } },
  { path: 'alerts/:id', name: 'alert', component: () => import('./AlertDetail.vue'), meta: { anyOf: ['read_alerts'] } },
]

export const nav: NavItem[] = [
  { to: '/dashboard', label: 'nav.dashboard', anyOf: ['read_cases'] },
  { to: '/cases', label: 'nav.cases', anyOf: ['read_cases'] },
  { to: '/alerts', label: 'nav.alerts', anyOf: ['read_alerts'] },
]
