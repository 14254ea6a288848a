// The complaint form's rules (src/complaints/complaint_desk.cc): what is
// required, how a contact looks, and how the page echoes what was typed.
import { maskName, maskPhone } from '../../lib/mask'

export const CATEGORIES = ['attitude', 'delay', 'fees', 'materials', 'conduct', 'other'] as const

export interface ComplaintDraft {
  about: 'case' | 'item'
  about_case: string
  dept: string
  item: string
  category: string
  content: string
  name: string
  contact: string
}

export function isPhone(v: string): boolean {
  return /^1\d{10}$/.test(v) || /^0\d{2,3}-?\d{7,8}$/.test(v)
}

export function isEmail(v: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)
}

// The field at fault before sending, or ''.
export function complaintProblem(d: ComplaintDraft): string {
  if (d.about === 'case' && !d.about_case.trim()) return 'about_case'
  if (d.about === 'item' && !d.dept) return 'dept'
  if (d.about === 'item' && !d.item) return 'item'
  if (!d.content.trim()) return 'content'
  const contact = d.contact.trim()
  if (contact && !isPhone(contact) && !isEmail(contact)) return 'contact'
  return ''
}

// The body POST /api/v1/public/complaints takes.
export function complaintBody(d: ComplaintDraft, categoryText: string): Record<string, string> {
  const body: Record<string, string> = { content: d.content.trim() }
  if (d.about === 'case') body.about_case = d.about_case.trim()
  else Object.assign(body, { dept: d.dept, item: d.item })
  if (d.category) body.category = categoryText
  if (d.name.trim()) body.name = d.name.trim()
  if (d.contact.trim()) body.contact = d.contact.trim()
  return body
}

// A contact echoed back: 138****5678, or z***@example.com.
export function maskContact(contact: string): string {
  const c = contact.trim()
  if (!c) return ''
  const at = c.indexOf('@')
  if (at < 0) return maskPhone(c)
  return c.slice(0, 1) + '***' + c.slice(at)
}

export function maskComplainant(name: string): string {
  return name.trim() ? maskName(name) : ''
}
