// How the portal words a failed call. A case or complaint that does not exist
// and one whose check characters are wrong get the same answer, so nobody
// learns which case numbers exist by trying them.
import { ApiError } from '../../api/client'

export type PublicErrorKind = 'rate_limited' | 'too_many_attempts' | 'not_found' | 'invalid' | 'conflict' | 'other'

export function publicErrorKind(e: unknown): PublicErrorKind {
  if (!(e instanceof ApiError)) return 'other'
  if (e.status === 429) return e.code === 'too_many_attempts' ? 'too_many_attempts' : 'rate_limited'
  if (e.status === 404 || e.status === 403) return 'not_found'
  if (e.status === 409) return 'conflict'
  if (e.status === 400 || e.status === 422) return 'invalid'
  return 'other'
}
