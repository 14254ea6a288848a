// Signing in and out, the forced password change, the language switch.
import assert from 'node:assert/strict'

export default function (test) {
  test('sign-in page renders in Chinese and switches to English', async ({ newPage, base, shot }) => {
    const page = await newPage()
    await page.goto(`${base}/`)
    await page.waitForURL(/\/sign-in/)
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
    await page.getByText('政务服务效能监督').first().waitFor()
    await shot(page, 'sign-in')
    await page.getByTestId('lang-switch').click()
    await page.getByText('Government Service Oversight').first().waitFor()
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    await page.reload()
    await page.getByText('Government Service Oversight').first().waitFor()
  })

  test('a wrong password is refused with a message', async ({ newPage, base, allowConsoleErrors }) => {
    allowConsoleErrors(/status of 401/) // the refused sign-in itself
    const page = await newPage()
    await page.goto(`${base}/sign-in`)
    await page.getByTestId('sign-in-name').fill('supervisor')
    await page.getByTestId('sign-in-password').fill('not-the-password')
    await page.getByTestId('sign-in-submit').click()
    await page.getByRole('alert').getByText('用户名或密码错误').waitFor()
  })

  test('every role signs in and lands on a page it may use', async ({ signedIn }) => {
    const homes = {
      supervisor: '/dashboard', assessor: '/dashboard', officer_a: '/dashboard', desk: '/dashboard',
      sysadmin: '/admin', secadmin: '/admin', auditor: '/admin',
    }
    for (const [name, prefix] of Object.entries(homes)) {
      const page = await signedIn(name)
      await page.waitForURL((url) => url.pathname !== '/')
      const path = new URL(page.url()).pathname
      assert.ok(path.startsWith(prefix), `${name} landed on ${path}, expected ${prefix}…`)
      await page.getByTestId('who').getByText(name).waitFor()
      await page.getByTestId('sign-out').click()
      await page.waitForURL(/\/sign-in/)
    }
  })

  test('an account whose password someone else set must change it first', async ({ newPage, base, FIRST_PASSWORD }) => {
    const page = await newPage()
    await page.goto(`${base}/sign-in`)
    await page.getByTestId('sign-in-name').fill('newcomer')
    await page.getByTestId('sign-in-password').fill(FIRST_PASSWORD)
    await page.getByTestId('sign-in-submit').click()
    await page.waitForURL(/\/password$/)
    // Any other page sends the user back until the password is changed.
    await page.goto(`${base}/alerts`)
    await page.waitForURL(/\/password$/)
    const fresh = 'Fresh-Chosen#2026x'
    await page.getByTestId('pw-current').fill(FIRST_PASSWORD)
    await page.getByTestId('pw-new').fill(fresh)
    await page.getByTestId('pw-repeat').fill(fresh)
    await page.getByTestId('pw-submit').click()
    await page.waitForURL((url) => url.pathname !== '/password')
  })
}
