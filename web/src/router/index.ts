// Routes of the whole app. Each area lists its own pages in pages/<area>/routes.ts.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import './meta'
import { loadSession, session } from '../api/session'
import { setSignedOutHandler } from '../api/client'
import AppShell from '../layouts/AppShell.vue'
import PortalShell from '../layouts/PortalShell.vue'
import SignIn from '../pages/core/SignIn.vue'
import ChangePassword from '../pages/core/ChangePassword.vue'
import NotFound from '../pages/core/NotFound.vue'
import Forbidden from '../pages/core/Forbidden.vue'
import Home from '../pages/core/Home.vue'
import * as ops from '../pages/ops/routes'
import * as manage from '../pages/manage/routes'
import * as admin from '../pages/admin/routes'
import * as portal from '../pages/portal/routes'


const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: SignIn, meta: { public: true } },
  { path: '/public', component: PortalShell, meta: { public: true }, children: portal.routes },
  {
    path: '/',
    component: AppShell,
    children: [
      { path: '', name: 'home', component: Home },
      { path: 'password', name: 'password', component: ChangePassword },
      { path: 'forbidden', name: 'forbidden', component: Forbidden },
      ...ops.routes,
      ...manage.routes,
      ...admin.routes,
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFound, meta: { public: true } },
]

export const router = createRouter({ history: createWebHistory(), routes })

setSignedOutHandler(() => {
  session.me = null
  const here = router.currentRoute.value
  if (!here.meta.public) router.replace({ name: 'sign-in', query: { next: here.fullPath } })
})

router.beforeEach(async (to) => {
  if (to.matched.some((r) => r.meta.public)) return true
  if (!session.loaded) await loadSession()
  const me = session.me
  if (!me) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  if (me.must_change_password && to.name !== 'password') return { name: 'password' }
  const needed = to.matched.flatMap((r) => r.meta.anyOf ?? [])
  if (needed.length && !needed.some((p) => me.permissions.includes(p))) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
})
