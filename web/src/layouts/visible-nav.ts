import type { NavItem } from '../nav'

// The menu entries a user with `permissions` may open; a group shows when any
// of its entries does.
export function visibleNav(items: NavItem[], permissions: string[]): NavItem[] {
  const allowed = (item: NavItem) => !item.anyOf || item.anyOf.some((p) => permissions.includes(p))
  const out: NavItem[] = []
  for (const item of items) {
    if (item.children) {
      const children = item.children.filter(allowed)
      if (children.length) out.push({ ...item, children })
    } else if (allowed(item)) {
      out.push(item)
    }
  }
  return out
}
