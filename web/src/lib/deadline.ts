// Working-day arithmetic for showing deadlines. The server decides when a
// limit falls due (statutory calendar, holidays and make-up days); the page
// only says how far away it is, counting the same calendar's working days.

import { localDate, parseInstant } from './datetime'

// Answers whether a local date (YYYY-MM-DD) is a working day.
export type WorkingDayOf = (date: string) => boolean

// The default when the calendar has not loaded: Monday to Friday.
export const weekdaysOnly: WorkingDayOf = (date) => {
  const [y, m, d] = date.split('-').map(Number)
  const day = new Date(y, m - 1, d).getDay()
  return day !== 0 && day !== 6
}

function nextDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)
}

// Working days strictly after `from`'s date up to and including `to`'s date;
// negative when `to` is before `from`.
export function workingDaysBetween(from: Date, to: Date, isWorking: WorkingDayOf): number {
  const start = new Date(from.getFullYear(), from.getMonth(), from.getDate())
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate())
  if (end.getTime() === start.getTime()) return 0
  const forward = end > start
  let a = forward ? start : end
  const b = forward ? end : start
  let n = 0
  while (a < b) {
    a = nextDay(a)
    if (isWorking(localDate(a))) n++
  }
  return forward ? n : -n
}

export type DeadlineState = 'none' | 'done' | 'ok' | 'today' | 'overdue'

export interface DeadlineView {
  state: DeadlineState
  due: string // local YYYY-MM-DD HH:mm, or ''
  workingDays: number // left (ok) or overdue (overdue); 0 otherwise
}

// How a deadline stands at `now`. On time means strictly before `due` (as the
// engine judges); a concluded case shows its deadline without a count.
export function describeDeadline(
  due: string | null | undefined,
  now: Date,
  isWorking: WorkingDayOf,
  concluded = false,
): DeadlineView {
  const d = parseInstant(due)
  if (!d) return { state: 'none', due: '', workingDays: 0 }
  const pad = (n: number) => String(n).padStart(2, '0')
  const text = `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
  if (concluded) return { state: 'done', due: text, workingDays: 0 }
  if (now >= d) {
    const late = Math.max(0, workingDaysBetween(d, now, isWorking))
    return { state: 'overdue', due: text, workingDays: late }
  }
  const left = workingDaysBetween(now, d, isWorking)
  if (localDate(now) === localDate(d) || left === 0) return { state: 'today', due: text, workingDays: 0 }
  return { state: 'ok', due: text, workingDays: left }
}
