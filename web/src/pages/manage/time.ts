// Instants the server takes (RFC 3339 with the browser's own offset) and the
// local-day arithmetic the manage pages need for their windows.

const pad = (n: number) => String(n).padStart(2, '0')

// 2026-03-05T14:07:00+08:00: local wall time with its offset, as the server
// parses it; never a bare UTC "Z" that would shift a picked day.
export function toRfc3339(d: Date): string {
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

// Local midnight of a YYYY-MM-DD date, or null when the text is not one.
export function localMidnight(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return d.getMonth() === Number(m[2]) - 1 ? d : null
}

// A window [from, to) as the server's instants.
export interface Window {
  from: string
  to: string
}

// The last `months` months up to `now`: from local midnight of the same day
// `months` months earlier (clamped to the month's last day) to `now`.
export function lastMonthsWindow(now: Date, months: number): Window {
  const n = Math.min(12, Math.max(1, Math.round(months)))
  const target = new Date(now.getFullYear(), now.getMonth() - n, 1)
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate()
  const from = new Date(target.getFullYear(), target.getMonth(), Math.min(now.getDate(), lastDay))
  return { from: toRfc3339(from), to: toRfc3339(now) }
}

// Whole local days from `first` to `last` inclusive: [first 00:00, day after last 00:00).
export function dayRangeWindow(first: string, last: string): Window | null {
  const a = localMidnight(first)
  const b = localMidnight(last)
  if (!a || !b || b < a) return null
  const end = new Date(b.getFullYear(), b.getMonth(), b.getDate() + 1)
  return { from: toRfc3339(a), to: toRfc3339(end) }
}

// YYYY-MM of the month before `now`'s, the usual period to look at.
export function lastMonth(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

// A scoring period: a month YYYY-MM or a year YYYY.
export function isPeriod(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text)
  if (!m) return false
  return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12)
}
