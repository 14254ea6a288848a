// The signed-in user, shared by the whole app.
import { reactive } from 'vue'
import { api, ApiError, setCsrfToken } from './client'

export interface Me {
  name: string
  role: string
  dept_code: string
  must_change_password: boolean
  permissions: string[]
  csrf_token?: string
}

export const session = reactive<{ me: Me | null; loaded: boolean }>({ me: null, loaded: false })

export function can(permission: string): boolean {
  return !!session.me?.permissions.includes(permission)
}

// The server sets this readable cookie beside the HttpOnly session cookie; with
// it absent nobody is signed in and there is no need to ask (and get a 401).
export function maybeSignedIn(): boolean {
  return typeof document !== 'undefined' && /(?:^|;\s*)ovs_signed_in=1(?:;|$)/.test(document.cookie)
}

function forgetSignedIn(): void {
  document.cookie = 'ovs_signed_in=; Path=/; Max-Age=0; SameSite=Strict'
}

export async function loadSession(): Promise<Me | null> {
  if (!maybeSignedIn()) {
    session.me = null
    session.loaded = true
    return null
  }
  try {
    const me = await api.get<Me>('/api/v1/session')
    setCsrfToken(me.csrf_token)
    session.me = me
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e
    forgetSignedIn()
    session.me = null
  }
  session.loaded = true
  return session.me
}

export async function signIn(name: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/api/v1/session', { name, password })
  setCsrfToken(me.csrf_token)
  session.me = me
  session.loaded = true
  return me
}

export async function signOut(): Promise<void> {
  try {
    await api.del('/api/v1/session')
  } finally {
    session.me = null
    setCsrfToken('')
  }
}

export async function changePassword(current: string, next: string): Promise<void> {
  await api.put('/api/v1/session/password', { current, password: next })
  await loadSession()
}
