// A POST that keeps the whole error body: the rules API lists every problem
// of a YAML file beside its error ({"error":…, "errors":[…]}), which the
// shared client drops. Otherwise it behaves like api.post.
import { ApiError, withQuery } from '../../api/client'
import { session } from '../../api/session'

export class DetailedApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    field: string | undefined,
    public body: unknown,
  ) {
    super(status, code, message, field)
  }
}

export async function postDetailed<T>(path: string, body: unknown, query?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' }
  const csrf = session.me?.csrf_token
  if (csrf) headers['X-CSRF-Token'] = csrf
  const response = await fetch(withQuery(path, query), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
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
    const error = (data as { error?: { code?: string; message?: string; field?: string | null } })?.error
    throw new DetailedApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.field || undefined,
      data,
    )
  }
  return data as T
}
