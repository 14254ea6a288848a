// Problems the server finds in a rule's YAML, each at its line and column.
// The API answers `{"error":…, "errors":[{file,line,column,message}]}`; other
// paths (the CLI's text, an engine that refuses the draft) put
// `FILE:LINE:COL: message` in the message itself. Both end up here.

export interface RuleProblem {
  line: number // 1-based; 0 when the server named no line
  column: number // 1-based; 0 when unknown
  message: string
  file?: string
}

const LOCATED = /^(.*?):(\d+):(\d+):\s*(.*)$/

// Every `FILE:LINE:COL: message` line of a text; lines without a place are
// kept whole at line 0, so nothing the server said is dropped.
export function parseLocatedText(text: string): RuleProblem[] {
  const out: RuleProblem[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    const m = LOCATED.exec(line)
    if (m) out.push({ file: m[1] || undefined, line: Number(m[2]), column: Number(m[3]), message: m[4] })
    else out.push({ line: 0, column: 0, message: line })
  }
  return out
}

function asNumber(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0
}

// The problems in an error body from the rules API; the message is parsed as
// located text when the body carries no list.
export function parseRuleErrors(body: unknown): RuleProblem[] {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? parseLocatedText(body) : []
  const b = body as { errors?: unknown; error?: { message?: unknown } }
  if (Array.isArray(b.errors) && b.errors.length) {
    const out: RuleProblem[] = []
    for (const e of b.errors) {
      if (!e || typeof e !== 'object') continue
      const r = e as Record<string, unknown>
      const message = typeof r.message === 'string' ? r.message : ''
      const line = asNumber(r.line)
      // A message that carries its own place wins over a missing one.
      if (!line) {
        const located = parseLocatedText(message)
        if (located.length === 1 && located[0].line) {
          out.push(located[0])
          continue
        }
      }
      out.push({
        file: typeof r.file === 'string' && r.file ? r.file : undefined,
        line,
        column: asNumber(r.column),
        message,
      })
    }
    return out
  }
  const message = b.error?.message
  if (typeof message === 'string') return parseLocatedText(message).filter((p) => p.line > 0)
  return []
}

// Problems grouped by line, for marking lines in an editor (line 0 omitted).
export function problemsByLine(problems: RuleProblem[]): Map<number, RuleProblem[]> {
  const out = new Map<number, RuleProblem[]>()
  for (const p of problems) {
    if (p.line <= 0) continue
    const list = out.get(p.line) ?? []
    list.push(p)
    out.set(p.line, list)
  }
  return out
}

// The character offsets [start, end) of a 1-based line in a text, to select it.
export function lineSpan(text: string, line: number): [number, number] {
  let start = 0
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', start)
    if (next < 0) return [text.length, text.length]
    start = next + 1
  }
  const end = text.indexOf('\n', start)
  return [start, end < 0 ? text.length : end]
}
