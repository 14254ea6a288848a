import { describe, expect, it } from 'vitest'
import { isCheckDigits, maskIdNumber, maskName, maskPhone } from '../../src/lib/mask'

describe('masking', () => {
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone(' 13812345678 ')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('*****')
  })

  it('keeps the region and the last four characters of an identity number', () => {
    expect(maskIdNumber('44520219900101123X')).toBe('445202********123X')
    expect(maskIdNumber('1234567890')).toBe('**********')
  })

  it('keeps only the family name', () => {
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('李')).toBe('李')
  })

  it('accepts exactly four check characters: digits or X', () => {
    expect(isCheckDigits('123X')).toBe(true)
    expect(isCheckDigits('5678')).toBe(true)
    expect(isCheckDigits('12a4')).toBe(false)
    expect(isCheckDigits('12345')).toBe(false)
  })
})
