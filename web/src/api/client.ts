// One way to call the server: JSON in and out, the CSRF token on writes, and
// errors as ApiError carrying the server's code, the field it names and the
// whole answer (the rules routes list every problem of a file beside it).

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field?: string,
    public body?: unknown,
  ) {
    super(message)
  }
}

let csrfToken = ''

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token ?? ''
}

type Query = Record<string, string | number | boolean | undefined | null>

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

// Called when the server says the session is gone, so the app can send the
// user back to sign in (set by the router).
let onSignedOut: (() => void) | undefined
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  const response = await fetch(withQuery(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  const text = await response.text()
  let data: unknown = undefined
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; field?: string } })?.error
    if (response.status === 401 && !path.startsWith('/api/v1/session')) onSignedOut?.()
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.field || undefined,
      data,
    )
  }
  return data as T
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}, query?: Query) => request<T>('POST', path, body, query),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
}

// A link the browser downloads with the session cookie (reports, exports).
export function downloadUrl(path: string, query?: Query): string {
  return withQuery(path, query)
}
