// What each area adds to the signed-in app's menu.
export interface NavItem {
  to: string
  label: string // an i18n key
  // Shown when the user has any of these permissions (none: every signed-in user).
  anyOf?: string[]
  // Sub-entries (the administration menu).
  children?: NavItem[]
}

import { nav as ops } from './pages/ops/routes'
import { nav as manage } from './pages/manage/routes'
import { nav as admin } from './pages/admin/routes'

// The signed-in app's whole menu, in order.
export const signedInNav: NavItem[] = [...ops, ...manage, ...admin]
