// Pages of the public portal (公众门户), children of /public: no sign-in,
// nothing private shown.
import type { RouteRecordRaw } from 'vue-router'
import type { NavItem } from '../../nav'
import PortalHome from './PortalHome.vue'

export const routes: RouteRecordRaw[] = [
  { path: '', name: 'portal-home', component: PortalHome },
  { path: 'progress', name: 'portal-progress', component: () => import('./ProgressPage.vue') },
  { path: 'complaints', name: 'portal-complaints', component: () => import('./ComplaintPage.vue') },
  { path: 'ratings', name: 'portal-ratings', component: () => import('./RatingPage.vue') },
  { path: 'surveys', name: 'portal-surveys', component: () => import('./SurveysPage.vue') },
  { path: 'surveys/:id', name: 'portal-survey', component: () => import('./SurveyFill.vue') },
  { path: 'rankings', name: 'portal-rankings', component: () => import('./RankingsPage.vue') },
]

// The portal's header links (no permissions: everyone sees them).
export const nav: NavItem[] = [
  { to: '/public/progress', label: 'portal.nav.progress' },
  { to: '/public/complaints', label: 'portal.nav.complaints' },
  { to: '/public/ratings', label: 'portal.nav.ratings' },
  { to: '/public/surveys', label: 'portal.nav.surveys' },
  { to: '/public/rankings', label: 'portal.nav.rankings' },
]
