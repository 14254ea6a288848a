// Links to pages named by an id. The server answers a path whose last segment
// looks like a file name (has a dot, as rule ids do: license.fee-mismatch)
// with 404 instead of the app, so such links end in a slash, which the router
// accepts and the server sends to the app.
export function idPath(prefix: string, id: string): string {
  const path = `${prefix}/${encodeURIComponent(id)}`
  return id.includes('.') ? `${path}/` : path
}
