// The working-day calendar (工作日历) as the server keeps it, one year at a
// time, so pages count deadlines with the same holidays and make-up days.
import { reactive } from 'vue'
import { api } from '../api/client'
import { weekdaysOnly, type WorkingDayOf } from './deadline'

export interface CalendarDay {
  date: string // YYYY-MM-DD
  working: boolean
  kind: string // workday | weekend | holiday | makeup | closure
  name?: string
}

export interface CalendarYear {
  year: number
  zone: string
  days: CalendarDay[]
}

const years = reactive(new Map<number, Map<string, CalendarDay>>())
const pending = new Map<number, Promise<void>>()

export function loadCalendarYear(year: number): Promise<void> {
  if (years.has(year)) return Promise.resolve()
  let p = pending.get(year)
  if (!p) {
    p = api
      .get<CalendarYear>('/api/v1/calendar/year', { year })
      .then((data) => {
        years.set(year, new Map(data.days.map((d) => [d.date, d])))
      })
      .catch(() => {
        // A year the calendar does not cover: fall back to weekdays.
      })
      .finally(() => pending.delete(year))
    pending.set(year, p)
  }
  return p
}

export function calendarDay(date: string): CalendarDay | undefined {
  return years.get(Number(date.slice(0, 4)))?.get(date)
}

// Working-day test backed by the loaded years, weekdays where none is loaded.
export const isWorkingDay: WorkingDayOf = (date) => {
  const day = calendarDay(date)
  return day ? day.working : weekdaysOnly(date)
}
