// The alert stream (GET /api/v1/stream, server-sent events) for pages that
// follow alerts live. The server sends `alert` (raised), `alert_state` (a
// workflow step), `case_rejudged` and `lagged` (changes were dropped: refetch);
// every one of them means the figures may have moved, so the page refetches,
// at most once per `debounceMs` however many arrive together.

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline'

export const STREAM_EVENTS = ['alert', 'alert_state', 'case_rejudged', 'lagged'] as const

// The part of EventSource used here, so tests can pass a fake.
export interface StreamSource {
  readyState: number
  onopen: ((e: Event) => unknown) | null
  onerror: ((e: Event) => unknown) | null
  addEventListener(type: string, listener: (e: MessageEvent) => void): void
  close(): void
}

export interface LiveOptions {
  url?: string
  debounceMs?: number
  // Waits before opening a new stream after the browser gave up on one.
  retryMs?: (attempt: number) => number
  open?: (url: string) => StreamSource
  onChange: () => void
  onState?: (state: LiveState) => void
}

const CLOSED = 2

export class AlertStream {
  private source: StreamSource | null = null
  private debounce: ReturnType<typeof setTimeout> | null = null
  private retry: ReturnType<typeof setTimeout> | null = null
  private attempt = 0
  private stopped = false
  state: LiveState = 'connecting'
  // How many changes arrived (shown beside the indicator).
  received = 0

  constructor(private readonly options: LiveOptions) {}

  start(): void {
    this.stopped = false
    this.connect()
  }

  stop(): void {
    this.stopped = true
    if (this.debounce) clearTimeout(this.debounce)
    if (this.retry) clearTimeout(this.retry)
    this.debounce = this.retry = null
    this.source?.close()
    this.source = null
  }

  private setState(state: LiveState): void {
    if (this.state === state) return
    this.state = state
    this.options.onState?.(state)
  }

  private connect(): void {
    const open = this.options.open ?? ((url: string) => new EventSource(url, { withCredentials: true }))
    const source = open(this.options.url ?? '/api/v1/stream')
    this.source = source
    source.onopen = () => {
      this.attempt = 0
      this.setState('live')
    }
    source.onerror = () => {
      if (this.stopped) return
      if (source.readyState !== CLOSED) {
        // The browser reconnects by itself.
        this.setState('reconnecting')
        return
      }
      // Refused (signed out, server gone): try again later, more slowly each time.
      source.close()
      this.source = null
      this.setState('offline')
      const wait = (this.options.retryMs ?? ((n) => Math.min(60_000, 2_000 * 2 ** n)))(this.attempt++)
      this.retry = setTimeout(() => {
        this.retry = null
        if (!this.stopped) {
          this.setState('reconnecting')
          this.connect()
        }
      }, wait)
    }
    for (const name of STREAM_EVENTS) source.addEventListener(name, () => this.changed())
  }

  private changed(): void {
    this.received++
    if (this.debounce) return
    this.debounce = setTimeout(() => {
      this.debounce = null
      if (!this.stopped) this.options.onChange()
    }, this.options.debounceMs ?? 1000)
  }
}
