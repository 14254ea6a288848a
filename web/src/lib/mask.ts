// Masking for anything personal the browser itself shows (the server masks
// what it sends; these cover echoes of what a citizen typed).

// 13812345678 → 138****5678
export function maskPhone(phone: string): string {
  const p = phone.trim()
  if (p.length < 7) return '*'.repeat(p.length)
  return p.slice(0, 3) + '*'.repeat(p.length - 7) + p.slice(-4)
}

// 18 digits → first 6 and last 4 kept: 440102********123X
export function maskIdNumber(id: string): string {
  const s = id.trim()
  if (s.length <= 10) return '*'.repeat(s.length)
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4)
}

// 张三丰 → 张**; a single character stays as it is.
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.join('')
  return chars[0] + '*'.repeat(chars.length - 1)
}

// The last four characters a citizen types to prove a case is theirs.
export function isCheckDigits(value: string): boolean {
  return /^[0-9Xx]{4}$/.test(value.trim())
}
