// Pages of the manage area: rules, scores, complaints and ratings, surveys and
// spot checks. Each page is its own chunk, loaded when first opened.
import type { RouteRecordRaw } from 'vue-router'
import type { NavItem } from '../../nav'

export const routes: RouteRecordRaw[] = [
  { path: 'rules', component: () => import('./rules/RulesList.vue'), meta: { anyOf: ['read_rules'] } },
  { path: 'rules/new', component: () => import('./rules/RuleEditor.vue'), meta: { anyOf: ['propose_rule', 'backtest_rule'] } },
  { path: 'rules/:id', component: () => import('./rules/RuleDetail.vue'), meta: { anyOf: ['read_rules'] } },
  { path: 'scores', component: () => import('./scores/ScoresPage.vue'), meta: { anyOf: ['read_scores'] } },
  { path: 'complaints', component: () => import('./complaints/ComplaintsList.vue'), meta: { anyOf: ['read_cases'] } },
  { path: 'complaints/:id', component: () => import('./complaints/ComplaintDetail.vue'), meta: { anyOf: ['read_cases'] } },
  { path: 'ratings', component: () => import('./ratings/RatingsList.vue'), meta: { anyOf: ['read_cases'] } },
  { path: 'ratings/:id', component: () => import('./ratings/RatingDetail.vue'), meta: { anyOf: ['read_cases'] } },
  { path: 'surveys', component: () => import('./surveys/SurveysList.vue'), meta: { anyOf: ['read_scores', 'manage_surveys'] } },
  { path: 'surveys/new', component: () => import('./surveys/SurveyDesigner.vue'), meta: { anyOf: ['manage_surveys'] } },
  { path: 'surveys/:id/edit', component: () => import('./surveys/SurveyDesigner.vue'), meta: { anyOf: ['manage_surveys'] } },
  { path: 'surveys/:id', component: () => import('./surveys/SurveyDetail.vue'), meta: { anyOf: ['read_scores', 'manage_surveys'] } },
  { path: 'spot-checks', component: () => import('./spotchecks/SpotChecksList.vue'), meta: { anyOf: ['inspect'] } },
  { path: 'spot-checks/:id', component: () => import('./spotchecks/SpotCheckDetail.vue'), meta: { anyOf: ['inspect'] } },
]

export const nav: NavItem[] = [
  { to: '/rules', label: 'nav.rules', anyOf: ['read_rules'] },
  { to: '/scores', label: 'nav.scores', anyOf: ['read_scores'] },
  { to: '/complaints', label: 'nav.complaints', anyOf: ['read_cases'] },
  { to: '/ratings', label: 'nav.ratings', anyOf: ['read_cases'] },
  { to: '/surveys', label: 'nav.surveys', anyOf: ['read_scores', 'manage_surveys'] },
  { to: '/spot-checks', label: 'nav.spotChecks', anyOf: ['inspect'] },
]
