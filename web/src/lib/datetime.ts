// Dates shown in the browser's local time (the server sends RFC 3339 instants).

const pad = (n: number) => String(n).padStart(2, '0')

export function parseInstant(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

// 2026-03-05 14:07, in local time.
export function formatDateTime(value: string | null | undefined): string {
  const d = parseInstant(value)
  if (!d) return '—'
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function formatDate(value: string | null | undefined): string {
  const d = parseInstant(value)
  return d ? localDate(d) : '—'
}

// YYYY-MM-DD of a Date in local time.
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

// YYYY-MM of a Date in local time (a scoring period).
export function localMonth(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

export function previousMonth(d: Date): string {
  return localMonth(new Date(d.getFullYear(), d.getMonth() - 1, 1))
}
