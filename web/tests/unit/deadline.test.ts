import { describe, expect, it } from 'vitest'
import { describeDeadline, weekdaysOnly, workingDaysBetween, type WorkingDayOf } from '../../src/lib/deadline'

// Spring Festival 2025 as the State Council set it: 01-28 to 02-04 off,
// Sunday 01-26 and Saturday 02-08 are make-up working days.
const springFestival2025: WorkingDayOf = (date) => {
  if (date === '2025-01-26' || date === '2025-02-08') return true
  if (date >= '2025-01-28' && date <= '2025-02-04') return false
  return weekdaysOnly(date)
}

const local = (y: number, m: number, d: number, h = 9, min = 0) => new Date(y, m - 1, d, h, min)

describe('workingDaysBetween', () => {
  it('counts Monday to Friday by default', () => {
    // Fri 2025-03-07 → Mon 2025-03-10: only Monday is after and working.
    expect(workingDaysBetween(local(2025, 3, 7), local(2025, 3, 10), weekdaysOnly)).toBe(1)
    expect(workingDaysBetween(local(2025, 3, 10), local(2025, 3, 7), weekdaysOnly)).toBe(-1)
    expect(workingDaysBetween(local(2025, 3, 7, 8), local(2025, 3, 7, 18), weekdaysOnly)).toBe(0)
  })

  it('skips the holiday and counts the make-up Sunday', () => {
    // Thu 01-23 → Mon 02-10: 01-24, 01-26 (make-up), 01-27, 02-05, 02-06, 02-07,
    // 02-08 (make-up Saturday), 02-10 = 8 working days.
    expect(workingDaysBetween(local(2025, 1, 23), local(2025, 2, 10), springFestival2025)).toBe(8)
  })
})

describe('describeDeadline', () => {
  const due = new Date(2025, 0, 27, 0, 0).toISOString() // 00:00 local, Mon 01-27

  it('counts working days left on the calendar', () => {
    const view = describeDeadline(due, local(2025, 1, 23, 10), springFestival2025)
    expect(view.state).toBe('ok')
    expect(view.workingDays).toBe(3) // 01-24, 01-26 (make-up), 01-27
    expect(view.due).toBe('2025-01-27 00:00')
  })

  it('is overdue at the instant itself (on time means strictly before)', () => {
    const view = describeDeadline(due, local(2025, 1, 27, 0, 0), springFestival2025)
    expect(view.state).toBe('overdue')
    expect(view.workingDays).toBe(0)
  })

  it('counts overdue working days across the holiday', () => {
    const view = describeDeadline(due, local(2025, 2, 6, 10), springFestival2025)
    expect(view.state).toBe('overdue')
    expect(view.workingDays).toBe(2) // 02-05, 02-06; the festival does not count
  })

  it('says due today on the day itself', () => {
    const later = new Date(2025, 0, 24, 17, 30).toISOString()
    expect(describeDeadline(later, local(2025, 1, 24, 9), springFestival2025).state).toBe('today')
  })

  it('shows a concluded case without a count, and nothing without a deadline', () => {
    expect(describeDeadline(due, local(2025, 3, 1), springFestival2025, true)).toEqual({
      state: 'done', due: '2025-01-27 00:00', workingDays: 0,
    })
    expect(describeDeadline(null, local(2025, 3, 1), springFestival2025).state).toBe('none')
    expect(describeDeadline('not a date', local(2025, 3, 1), springFestival2025).state).toBe('none')
  })
})
