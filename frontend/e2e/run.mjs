#!/usr/bin/env node
// End-to-end run of the real system in Debian's Chromium (playwright-core, no browser download).
//   BASE_URL=http://localhost:8080 npm run e2e
// Env: BASE_URL, E2E_ADMIN_USERNAME / E2E_ADMIN_PASSWORD (an ADMIN account of the system),
//      CHROMIUM (default /usr/bin/chromium), HEADED=1 to watch it.
import { chromium } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '')
const ADMIN_USER = process.env.E2E_ADMIN_USERNAME ?? 'admin'
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'surge-admin'
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e-results')
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 15000)
const stamp = Date.now().toString(36)
const customer = { username: `e2e_${stamp}`, password: `pw-${stamp}-secret` }
const limitedName = `E2E 限量 ${stamp}`

fs.mkdirSync(OUT, { recursive: true })

async function health() {
  try {
    const res = await fetch(`${BASE_URL}/actuator/health`, { signal: AbortSignal.timeout(5000) })
    return res.ok
  } catch {
    return false
  }
}

if (!(await health())) {
  console.error(
    `The system is not up at ${BASE_URL} (GET /actuator/health failed). Start it first.`,
  )
  process.exit(2)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: process.env.HEADED !== '1',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
const context = await browser.newContext({
  locale: 'zh-CN',
  viewport: { width: 1440, height: 900 },
})
context.setDefaultTimeout(TIMEOUT)
const page = await context.newPage()
page.on('pageerror', (e) => console.error('  [page error]', e.message))

let passed = 0
let failed = 0
const state = {}

async function step(name, fn) {
  const started = Date.now()
  try {
    await fn()
    passed++
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`)
  } catch (error) {
    failed++
    console.log(
      `  ✗ ${name}\n    ${String(error?.message ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    )
    const file = path.join(OUT, `failure-${passed + failed}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => {})
    console.log(`    screenshot: ${file}`)
    throw error
  }
}

async function expectVisible(locator) {
  await locator.first().waitFor({ state: 'visible' })
}

async function waitFor(predicate, message, timeout = TIMEOUT) {
  const until = Date.now() + timeout
  let last
  while (Date.now() < until) {
    last = await predicate()
    if (last) return last
    await page.waitForTimeout(200)
  }
  throw new Error(`timed out: ${message}`)
}

async function login(username, password) {
  await page.goto(`${BASE_URL}/login`)
  await page.getByRole('tab', { name: '登录' }).click()
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

async function logout() {
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/login'))
}

async function sellable(card) {
  const text = await card.locator('[data-testid^="sellable-"]').innerText()
  return Number(text.replace(/[^\d]/g, ''))
}

async function setQuantity(card, name, quantity) {
  const input = card.getByLabel(`${name} 的购买数量`)
  await input.fill(String(quantity))
  await input.press('Tab')
}

/** The order as the API gives it to whoever is signed in on the page. */
async function apiOrder(orderId) {
  return page.evaluate(async (id) => {
    const session = JSON.parse(localStorage.getItem('surge.session') ?? 'null')
    const res = await fetch(`/api/orders/${id}`, {
      headers: { Authorization: `Bearer ${session?.token}` },
    })
    return res.json()
  }, orderId)
}

/**
 * The buttons on screen in `scope` are exactly the order's `actions` as the API lists them for
 * the signed-in user (read again until they agree: the screen follows the live stream).
 */
async function buttonsAreTheActions(scope, orderId) {
  let shown, listed
  await waitFor(
    async () => {
      listed = ((await apiOrder(orderId)).actions ?? []).slice().sort()
      shown = (
        await scope
          .locator('[data-action]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')))
      ).sort()
      return JSON.stringify(shown) === JSON.stringify(listed)
    },
    `buttons ${JSON.stringify(shown)} are the API's actions ${JSON.stringify(listed)}`,
  )
}

/** The row of a table that contains the given text. */
function row(text) {
  return page.locator('.el-table__row', { hasText: text })
}

console.log(`Surge e2e against ${BASE_URL}`)
try {
  await step('register a new customer and land in the shop', async () => {
    await page.goto(`${BASE_URL}/`)
    await page.waitForURL(/\/login/)
    await page.getByRole('tab', { name: '注册' }).click()
    await page.getByLabel('用户名').fill(customer.username)
    await page.getByLabel('密码', { exact: true }).fill(customer.password)
    await page.getByLabel('确认密码').fill(customer.password)
    await page.getByRole('button', { name: '注册并登录' }).click()
    await page.waitForURL(`${BASE_URL}/`)
    await expectVisible(page.getByRole('heading', { name: '限时秒杀' }))
  })

  await step('buy a product and see its available stock drop', async () => {
    const cards = page.getByRole('article')
    await expectVisible(cards)
    const count = await cards.count()
    let card
    for (let i = 0; i < count; i++) {
      const candidate = cards.nth(i)
      if ((await sellable(candidate)) >= 5) {
        card = candidate
        break
      }
    }
    if (!card) throw new Error('no product with at least 5 units available; reset the demo data')
    state.productName = (await card.getByRole('heading').innerText()).trim()
    const before = await sellable(card)
    await setQuantity(card, state.productName, 2)
    await card.getByRole('button', { name: '立即购买' }).click()
    await expectVisible(page.getByTestId('order-tracker'))
    await waitFor(
      async () => (await sellable(card)) <= before - 2,
      `available stock of ${state.productName} drops from ${before}`,
    )
    await page.screenshot({ path: path.join(OUT, 'shop.png') })
  })

  await step(
    'the accepted order reaches 待支付 live, pay it with SUCCESS, it reaches 待履约',
    async () => {
      const tracker = page.getByTestId('order-tracker')
      // the status tag, not the progress step of the same name
      await expectVisible(tracker.locator('.el-tag', { hasText: '待支付' }))
      await tracker.getByRole('button', { name: '支付成功' }).click()
      await expectVisible(tracker.locator('.el-tag', { hasText: '待履约' }))
      await tracker.getByRole('link', { name: /查看详情/ }).click()
      await page.waitForURL(/\/orders\/\d+/)
      state.orderId = page.url().split('/orders/')[1]
      await expectVisible(page.getByTestId('order-status').getByText('待履约'))
      state.orderNo = (await page.getByRole('heading', { level: 1 }).innerText())
        .replace(/^订单\s*/, '')
        .trim()
      await expectVisible(page.locator('.el-timeline-item', { hasText: '已支付' }))
      await buttonsAreTheActions(page.locator('main'), state.orderId)
      await page.screenshot({ path: path.join(OUT, 'order.png'), fullPage: true })
    },
  )

  await step('log in as admin and see the dashboard', async () => {
    await logout()
    await login(ADMIN_USER, ADMIN_PASSWORD)
    await page.waitForURL(/\/admin/)
    await expectVisible(page.getByRole('heading', { name: '库存看板' }))
    await expectVisible(
      page.getByRole('img', { name: '实时吞吐（最近 5 分钟）' }).locator('canvas'),
    )
    await page.waitForTimeout(2500) // a few live stats points
    await page.screenshot({ path: path.join(OUT, 'dashboard.png'), fullPage: true })
  })

  await step('fulfil the order to 已完成 with a reason', async () => {
    await page.getByRole('link', { name: '订单履约' }).click()
    await page.waitForURL(/\/admin\/orders/)
    const target = row(state.orderNo)
    await expectVisible(target)
    await buttonsAreTheActions(target, state.orderId)
    await target.getByRole('button', { name: '开始履约' }).click()
    let dialog = page.getByRole('dialog')
    await dialog.getByLabel('原因').fill('e2e: picked and packed')
    await dialog.getByRole('button', { name: '确定' }).click()
    await expectVisible(target.locator('.el-tag', { hasText: '履约中' }))
    await buttonsAreTheActions(target, state.orderId)
    await target.getByRole('button', { name: '履约完成' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel('原因').fill('e2e: delivered to customer')
    await dialog.getByRole('button', { name: '确定' }).click()
    await expectVisible(target.locator('.el-tag', { hasText: '已完成' }))
    await buttonsAreTheActions(target, state.orderId)
  })

  await step('see the fulfilment in the logs', async () => {
    await page.getByRole('link', { name: '日志', exact: true }).click()
    await page.waitForURL(/\/admin\/logs/)
    await page.getByLabel('订单 ID').fill(state.orderId)
    await page.getByRole('button', { name: '查询' }).click()
    await expectVisible(row('e2e: delivered to customer'))
    await page.screenshot({ path: path.join(OUT, 'logs.png'), fullPage: true })
  })

  await step('create a product with one unit in stock', async () => {
    await page.getByRole('link', { name: '商品管理' }).click()
    await page.waitForURL(/\/admin\/products/)
    await page.getByRole('button', { name: '新建商品' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('商品名称').fill(limitedName)
    await dialog.getByLabel('图片地址').fill('/img/products/6.svg')
    const stock = dialog.getByLabel('初始库存')
    await stock.fill('1')
    await stock.press('Tab')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expectVisible(row(limitedName))
  })

  await step('an out-of-stock purchase shows 库存不足 with the numbers', async () => {
    await logout()
    await login(customer.username, customer.password)
    const card = page.getByRole('article', { name: limitedName })
    await expectVisible(card)
    // the new product reaches the stock gate through the pipeline
    await waitFor(
      async () => (await sellable(card)) === 1,
      `${limitedName} shows 1 available`,
      30000,
    )
    await setQuantity(card, limitedName, 2)
    await card.getByRole('button', { name: '立即购买' }).click()
    const alert = card.getByRole('alert')
    await expectVisible(alert.getByText('库存不足'))
    await expectVisible(alert.getByText(/请求 2 件，仅剩 1 件/))
  })

  await step('switch the language to English and back', async () => {
    await page.getByRole('radio', { name: 'EN' }).first().click({ force: true })
    await expectVisible(page.getByRole('heading', { name: 'Flash sale' }))
    await expectVisible(page.getByRole('link', { name: 'My orders' }))
    await page.screenshot({ path: path.join(OUT, 'shop-en.png') })
    await page.getByRole('radio', { name: '中文' }).first().click({ force: true })
    await expectVisible(page.getByRole('heading', { name: '限时秒杀' }))
  })

  await step('the shop is usable at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await expectVisible(page.getByRole('article'))
    await page.screenshot({ path: path.join(OUT, 'shop-phone.png') })
  })
} catch {
  // reported by step()
} finally {
  await browser.close()
  console.log(`\n${passed} passed, ${failed} failed`)
  console.log(`screenshots in ${OUT}`)
  process.exit(failed ? 1 : 0)
}
