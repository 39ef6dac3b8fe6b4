#!/usr/bin/env node
// A small in-memory stand-in for the Surge API (same contract), for UI work, screenshots and for
// trying the e2e script without the real system. Not a test oracle: the real system is.
//   node mock/server.mjs            -> http://localhost:8090, serves dist/ too
//   MOCK_PORT=8091 MOCK_TRAFFIC=1 node mock/server.mjs   (MOCK_TRAFFIC: background orders)
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'

const PORT = Number(process.env.MOCK_PORT ?? 8090)
const TRAFFIC = process.env.MOCK_TRAFFIC === '1'
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist')
const PIPELINE_MS = Number(process.env.MOCK_PIPELINE_MS ?? 400)

const CATALOGUE = [
  ['限量版手机 Flash Phone', 499900, 100, 10],
  ['降噪耳机 Quiet Buds', 89900, 1000, 10],
  ['机械键盘 Click Keyboard', 59900, 800, 10],
  ['智能手表 Pulse Watch', 129900, 500, 10],
  ['便携充电宝 Power Bank', 19900, 2000, 10],
  ['精品咖啡豆 Coffee Beans', 12800, 1500, 10],
]

let state
function reset() {
  state = {
    users: new Map([
      ['admin', { id: 1, username: 'admin', password: 'surge-admin', role: 'ADMIN' }],
      ['alice', { id: 2, username: 'alice', password: 'surge-alice', role: 'CUSTOMER' }],
    ]),
    nextUserId: 3,
    tokens: new Map(),
    products: CATALOGUE.map(([name, priceCents, stock, warningStock], i) => ({
      id: i + 1,
      name,
      imageUrl: `/img/products/${i + 1}.svg`,
      priceCents,
      warningStock,
      total: stock,
      available: stock,
      locked: 0,
      sold: 0,
      sellable: stock,
    })),
    nextProductId: 7,
    orders: new Map(),
    idem: new Map(),
    logs: [],
    tick: { accepted: 0, rejected: 0 },
    throughput: [],
  }
}
reset()
let nextOrder = 7301234567890000000n

// ---------- SSE ----------
const clients = new Set()
function broadcast(event, data, onlyUserId) {
  const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
  for (const c of clients) {
    if (onlyUserId !== undefined && c.user.role !== 'ADMIN' && c.user.id !== onlyUserId) continue
    if (event !== 'order' && event !== 'stock' && c.user.role !== 'ADMIN') continue
    c.res.write(frame)
  }
}
setInterval(() => {
  const point = { at: new Date().toISOString(), ...state.tick }
  state.tick = { accepted: 0, rejected: 0 }
  state.throughput.push(point)
  if (state.throughput.length > 300) state.throughput.shift()
  broadcast('stats', point)
}, 1000)
setInterval(() => {
  for (const c of clients) c.res.write(': keep-alive\n\n')
}, 15000)

// ---------- helpers ----------
const now = () => new Date().toISOString()
function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(body === undefined ? '' : JSON.stringify(body))
}
function problem(res, status, slug, title, extra = {}, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers })
  res.end(JSON.stringify({ type: `/problems/${slug}`, title, status, ...extra }))
}
function log(type, fields) {
  const entry = {
    at: now(),
    type,
    orderId: null,
    productId: null,
    operator: 'system',
    reason: null,
    detail: null,
    ...fields,
  }
  state.logs.unshift(entry)
  if (state.logs.length > 5000) state.logs.pop()
  broadcast('log', entry)
}
function stockEvent(p) {
  broadcast('stock', {
    productId: p.id,
    total: p.total,
    available: p.available,
    locked: p.locked,
    sold: p.sold,
    sellable: p.sellable,
  })
  if (p.available <= p.warningStock)
    broadcast('alert', {
      productId: p.id,
      name: p.name,
      available: p.available,
      warningStock: p.warningStock,
    })
}
function product(id) {
  return state.products.find((p) => p.id === id)
}
function move(order, to, operator, reason, statusReason = null) {
  const from = order.status
  order.status = to
  order.statusReason = statusReason
  order.history.push({ from, to, operator, reason, at: now() })
  log(
    to === 'FULFILLING' || to === 'COMPLETED' || to === 'FULFILMENT_FAILED'
      ? 'FULFILMENT'
      : 'ORDER',
    {
      orderId: order.orderId,
      operator,
      action: `${from} -> ${to}`,
      reason,
    },
  )
  broadcast(
    'order',
    { orderId: order.orderId, userId: order.userId, status: to, statusReason },
    order.userId,
  )
}
function stockChange(order, kind) {
  for (const item of order.items) {
    const p = product(item.productId)
    if (!p) continue
    const q = item.quantity
    if (kind === 'PRELOCK') {
      p.available -= q
      p.locked += q
    }
    if (kind === 'PAY_CONFIRM') {
      p.locked -= q
      p.sold += q
    }
    if (kind === 'RELEASE') {
      p.locked -= q
      p.available += q
      p.sellable += q
    }
    if (kind === 'REFUND_RETURN') {
      p.sold -= q
      p.available += q
      p.sellable += q
    }
    log('STOCK', { orderId: order.orderId, productId: p.id, action: kind, detail: `qty ${q}` })
    stockEvent(p)
  }
}
function publicOrder(o, withHistory = true) {
  const { history, ...rest } = o
  return withHistory ? { ...rest, history } : rest
}
async function body(req) {
  let data = ''
  for await (const chunk of req) data += chunk
  if (!data) return {}
  try {
    return JSON.parse(data)
  } catch {
    return null
  }
}
function auth(req, url) {
  const header = req.headers.authorization ?? ''
  const token = header.startsWith('Bearer ')
    ? header.slice(7)
    : url.searchParams.get('access_token')
  return token ? state.tokens.get(token) : undefined
}
function pageOf(list, url) {
  const page = Number(url.searchParams.get('page') ?? 0)
  const size = Number(url.searchParams.get('size') ?? 20)
  return {
    content: list.slice(page * size, page * size + size),
    page,
    size,
    totalElements: list.length,
  }
}

// ---------- orders ----------
function placeOrder(user, lines, key) {
  const sorted = [...lines].sort((a, b) => a.productId - b.productId)
  for (const l of sorted) {
    const p = product(l.productId)
    if (!p)
      return {
        status: 404,
        problem: ['unknown-product', 'Unknown product', { productId: l.productId }],
      }
    if (p.sellable < l.quantity) {
      state.tick.rejected++
      log('ORDER', {
        productId: p.id,
        operator: user.username,
        action: 'REJECTED_OUT_OF_STOCK',
        detail: `requested ${l.quantity}, available ${p.sellable}`,
      })
      return {
        status: 409,
        problem: [
          'out-of-stock',
          'Out of stock',
          { productId: p.id, requested: l.quantity, available: p.sellable },
        ],
      }
    }
  }
  const orderId = String(nextOrder++)
  const items = sorted.map((l) => ({
    productId: l.productId,
    productName: product(l.productId).name,
    quantity: l.quantity,
    unitPriceCents: product(l.productId).priceCents,
  }))
  const order = {
    orderId,
    orderNo: `S${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${orderId.slice(-6)}`,
    userId: user.id,
    status: 'ACCEPTED',
    statusReason: null,
    totalCents: items.reduce((s, i) => s + i.unitPriceCents * i.quantity, 0),
    createdAt: now(),
    expiresAt: null,
    paidAt: null,
    items,
    history: [],
    idempotencyKey: key,
  }
  for (const i of items) {
    const p = product(i.productId)
    p.sellable -= i.quantity
    stockEvent(p)
  }
  state.orders.set(orderId, order)
  state.tick.accepted++
  setTimeout(() => {
    order.expiresAt = new Date(Date.now() + 15 * 60_000).toISOString()
    stockChange(order, 'PRELOCK')
    move(order, 'PENDING_PAYMENT', 'system', 'stock locked')
  }, PIPELINE_MS)
  return { status: 202, body: { orderId, orderNo: order.orderNo, status: 'ACCEPTED' } }
}

const TRANSITIONS = {
  pay: ['PENDING_PAYMENT'],
  cancel: ['PENDING_PAYMENT'],
  refund: ['PAID', 'AWAITING_FULFILMENT', 'COMPLETED', 'FULFILMENT_FAILED'],
  START: ['AWAITING_FULFILMENT'],
  COMPLETE: ['FULFILLING'],
  FAIL: ['FULFILLING', 'AWAITING_FULFILMENT'],
  decide: ['AFTER_SALE'],
}
function illegal(res, order, action) {
  problem(res, 409, 'illegal-transition', 'Illegal transition', {
    currentStatus: order.status,
    action,
  })
}

// ---------- routing ----------
async function api(req, res, url) {
  const p = url.pathname
  const m = req.method
  if (m === 'POST' && p === '/api/users') {
    const b = await body(req)
    const errors = []
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(b?.username ?? ''))
      errors.push({ field: 'username', message: 'must be 3-32 of [A-Za-z0-9_.-]' })
    if ((b?.password ?? '').length < 8 || b.password.length > 72)
      errors.push({ field: 'password', message: 'must be 8-72 characters' })
    if (errors.length) return problem(res, 400, 'invalid-request', 'Invalid request', { errors })
    // like the API: a taken name gets the same answer, and nothing is created
    if (state.users.has(b.username)) {
      log('SECURITY', { operator: b.username, action: 'REGISTER', detail: 'username taken' })
      return send(res, 202, { username: b.username })
    }
    const user = {
      id: state.nextUserId++,
      username: b.username,
      password: b.password,
      role: 'CUSTOMER',
    }
    state.users.set(user.username, user)
    log('SECURITY', { operator: user.username, action: 'REGISTER', detail: 'ok' })
    return send(res, 202, { username: user.username })
  }
  if (m === 'POST' && p === '/api/auth/token') {
    const b = await body(req)
    const user = state.users.get(b?.username)
    if (!user || user.password !== b.password) {
      log('SECURITY', { operator: b?.username ?? '?', action: 'LOGIN', detail: 'bad credentials' })
      return problem(res, 401, 'bad-credentials', 'Bad credentials')
    }
    const token = randomUUID()
    state.tokens.set(token, user)
    log('SECURITY', { operator: user.username, action: 'LOGIN', detail: 'ok' })
    return send(res, 200, {
      accessToken: token,
      tokenType: 'Bearer',
      expiresIn: 3600,
      username: user.username,
      role: user.role,
    })
  }
  const user = auth(req, url)
  if (!user) return problem(res, 401, 'unauthorized', 'Unauthorized')

  if (m === 'GET' && p === '/api/events') {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    })
    res.write('retry: 2000\n\n')
    const client = { res, user }
    clients.add(client)
    req.on('close', () => clients.delete(client))
    return
  }
  if (m === 'GET' && p === '/api/products') return send(res, 200, state.products)
  let match
  if (m === 'GET' && (match = p.match(/^\/api\/products\/(\d+)$/))) {
    const prod = product(Number(match[1]))
    return prod ? send(res, 200, prod) : problem(res, 404, 'unknown-product', 'Unknown product')
  }
  if (m === 'POST' && p === '/api/orders') {
    const key = req.headers['idempotency-key']
    const b = await body(req)
    if (!key)
      return problem(res, 400, 'invalid-request', 'Invalid request', {
        errors: [{ field: 'Idempotency-Key', message: 'required' }],
      })
    const lines =
      b?.items ?? (b?.productId ? [{ productId: b.productId, quantity: b.quantity }] : [])
    const bad = lines.filter(
      (l) => !Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 99,
    )
    if (!lines.length || bad.length)
      return problem(res, 400, 'invalid-request', 'Invalid request', {
        errors: [{ field: 'quantity', message: 'must be between 1 and 99' }],
      })
    const idemKey = `${user.id}:${key}`
    const fingerprint = JSON.stringify(b)
    const seen = state.idem.get(idemKey)
    if (seen) {
      if (seen.fingerprint !== fingerprint)
        return problem(res, 422, 'idempotency-key-reused', 'Idempotency-Key reused')
      return seen.answer.status === 202
        ? send(res, 202, seen.answer.body)
        : problem(res, seen.answer.status, ...seen.answer.problem)
    }
    if (url.searchParams.get('simulate') === 'busy')
      return problem(res, 429, 'rate-limited', 'Too many requests', {}, { 'Retry-After': '5' })
    const answer = placeOrder(user, lines, key)
    state.idem.set(idemKey, { fingerprint, answer })
    return answer.status === 202
      ? send(res, 202, answer.body, { Location: `/api/orders/${answer.body.orderId}` })
      : problem(res, answer.status, ...answer.problem)
  }
  if (m === 'GET' && (p === '/api/orders' || p === '/api/admin/orders')) {
    if (p.startsWith('/api/admin') && user.role !== 'ADMIN')
      return problem(res, 403, 'forbidden', 'Forbidden')
    const status = url.searchParams.get('status')
    const list = [...state.orders.values()]
      .filter((o) => (p === '/api/admin/orders' ? true : o.userId === user.id))
      .filter((o) => !status || o.status === status)
      .reverse()
      .map((o) => publicOrder(o, false))
    return send(res, 200, pageOf(list, url))
  }
  if ((match = p.match(/^\/api\/orders\/(\d+)(?:\/(payment|cancel|refund))?$/))) {
    const order = state.orders.get(match[1])
    if (!order || (user.role !== 'ADMIN' && order.userId !== user.id))
      return problem(res, 404, 'unknown-order', 'Unknown order')
    if (m === 'GET' && !match[2]) {
      if (order.status === 'ACCEPTED')
        return send(res, 200, { orderId: order.orderId, status: 'ACCEPTED', items: order.items })
      return send(res, 200, publicOrder(order))
    }
    const b = await body(req)
    if (match[2] === 'payment') {
      if (!TRANSITIONS.pay.includes(order.status)) return illegal(res, order, 'PAY')
      send(res, 202)
      setTimeout(() => {
        if (b.outcome === 'SUCCESS') {
          order.paidAt = now()
          stockChange(order, 'PAY_CONFIRM')
          move(order, 'PAID', 'payment-gateway', 'payment succeeded')
          setTimeout(() => move(order, 'AWAITING_FULFILMENT', 'system', 'paid'), PIPELINE_MS)
        } else {
          const reason = b.outcome === 'TIMEOUT' ? 'PAYMENT_TIMEOUT' : 'PAYMENT_FAILED'
          stockChange(order, 'RELEASE')
          move(order, 'CANCELLED', 'payment-gateway', reason.toLowerCase(), reason)
        }
      }, PIPELINE_MS)
      return
    }
    if (match[2] === 'cancel') {
      if (!TRANSITIONS.cancel.includes(order.status)) return illegal(res, order, 'CANCEL')
      send(res, 202)
      setTimeout(() => {
        stockChange(order, 'RELEASE')
        move(order, 'CANCELLED', user.username, b.reason || 'USER', 'USER')
      }, PIPELINE_MS)
      return
    }
    if (match[2] === 'refund') {
      if (!TRANSITIONS.refund.includes(order.status)) return illegal(res, order, 'REFUND')
      send(res, 202)
      setTimeout(() => move(order, 'AFTER_SALE', user.username, b.reason), PIPELINE_MS)
      return
    }
  }
  // ----- admin -----
  if (!p.startsWith('/api/admin/')) return problem(res, 404, 'not-found', 'Not found')
  if (user.role !== 'ADMIN') return problem(res, 403, 'forbidden', 'Forbidden')
  if (m === 'POST' && p === '/api/admin/products') {
    const b = await body(req)
    const prod = {
      id: state.nextProductId++,
      name: b.name,
      imageUrl: b.imageUrl,
      priceCents: b.priceCents,
      warningStock: b.warningStock,
      total: b.initialStock,
      available: b.initialStock,
      locked: 0,
      sold: 0,
      sellable: b.initialStock,
    }
    state.products.push(prod)
    log('STOCK', {
      productId: prod.id,
      operator: user.username,
      action: 'CREATE_PRODUCT',
      detail: `initial ${b.initialStock}`,
    })
    stockEvent(prod)
    return send(res, 201, prod)
  }
  if ((match = p.match(/^\/api\/admin\/products\/(\d+)(\/restock)?$/))) {
    const prod = product(Number(match[1]))
    if (!prod) return problem(res, 404, 'unknown-product', 'Unknown product')
    const b = await body(req)
    if (match[2]) {
      send(res, 202)
      prod.total += b.quantity
      prod.available += b.quantity
      prod.sellable += b.quantity
      log('STOCK', {
        productId: prod.id,
        operator: user.username,
        action: 'RESTOCK',
        detail: `+${b.quantity}`,
      })
      return stockEvent(prod)
    }
    if (m === 'PUT') {
      Object.assign(prod, {
        name: b.name,
        imageUrl: b.imageUrl,
        priceCents: b.priceCents,
        warningStock: b.warningStock,
      })
      return send(res, 200, prod)
    }
    if (m === 'DELETE') {
      if (prod.locked > 0)
        return problem(res, 409, 'product-has-open-orders', 'Product has open orders', {
          productId: prod.id,
        })
      state.products = state.products.filter((x) => x !== prod)
      return send(res, 204)
    }
  }
  if (
    m === 'POST' &&
    (match = p.match(/^\/api\/admin\/orders\/(\d+)\/(fulfilment|refund-decision)$/))
  ) {
    const order = state.orders.get(match[1])
    if (!order) return problem(res, 404, 'unknown-order', 'Unknown order')
    const b = await body(req)
    if (match[2] === 'fulfilment') {
      if (!TRANSITIONS[b.action]?.includes(order.status)) return illegal(res, order, b.action)
      if (b.action === 'FAIL' && !b.reason)
        return problem(res, 400, 'invalid-request', 'Invalid request', {
          errors: [{ field: 'reason', message: 'required' }],
        })
      send(res, 202)
      const to = { START: 'FULFILLING', COMPLETE: 'COMPLETED', FAIL: 'FULFILMENT_FAILED' }[b.action]
      return setTimeout(() => move(order, to, user.username, b.reason || null), PIPELINE_MS / 2)
    }
    if (!TRANSITIONS.decide.includes(order.status))
      return illegal(res, order, b.approve ? 'APPROVE_REFUND' : 'REJECT_REFUND')
    send(res, 202)
    return setTimeout(() => {
      if (b.approve) {
        stockChange(order, 'REFUND_RETURN')
        move(order, 'REFUNDED', user.username, b.reason || null)
      } else {
        const back = order.history.at(-1)?.from ?? 'COMPLETED'
        move(order, back, user.username, b.reason || 'refund rejected')
      }
    }, PIPELINE_MS / 2)
  }
  if (m === 'GET' && p === '/api/admin/inventory/low-stock') {
    return send(res, 200, {
      lowStock: state.products.filter((x) => x.available > 0 && x.available <= x.warningStock),
      outOfStock: state.products.filter((x) => x.available <= 0),
    })
  }
  if (m === 'GET' && p === '/api/admin/stats') {
    const ordersByStatus = {}
    for (const o of state.orders.values())
      ordersByStatus[o.status] = (ordersByStatus[o.status] ?? 0) + 1
    return send(res, 200, {
      ordersByStatus,
      paid: [...state.orders.values()].filter((o) => o.paidAt).length,
      products: state.products.map(({ id, name, total, available, locked, sold, sellable }) => ({
        id,
        name,
        total,
        available,
        locked,
        sold,
        sellable,
      })),
      throughput: state.throughput,
    })
  }
  if (m === 'GET' && p === '/api/admin/logs') {
    const type = url.searchParams.get('type') || 'ORDER'
    if (
      type === 'SECURITY' &&
      (url.searchParams.get('orderId') || url.searchParams.get('productId'))
    ) {
      return problem(res, 400, 'invalid-request', 'Invalid request', {
        errors: [{ field: 'orderId', message: 'does not apply to SECURITY logs' }],
      })
    }
    const orderId = url.searchParams.get('orderId')
    const productId = url.searchParams.get('productId')
    const operator = url.searchParams.get('operator')
    const list = state.logs.filter(
      (l) =>
        (type === 'ORDER' ? l.type === 'ORDER' || l.type === 'FULFILMENT' : l.type === type) &&
        (!orderId || l.orderId === orderId) &&
        (!productId || String(l.productId) === productId) &&
        (!operator || l.operator === operator),
    )
    return send(res, 200, pageOf(list, url))
  }
  if (m === 'POST' && p === '/api/admin/demo/reset') {
    const users = state.users
    const tokens = state.tokens
    reset()
    state.users = users
    state.tokens = tokens
    for (const prod of state.products) stockEvent(prod)
    log('SECURITY', { operator: user.username, action: 'DEMO_RESET' })
    return send(res, 202)
  }
  return problem(res, 404, 'not-found', 'Not found')
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
}
function serveStatic(req, res, url) {
  let file = path.join(DIST, decodeURIComponent(url.pathname))
  if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
    file = path.join(DIST, 'index.html')
  if (!fs.existsSync(file)) return send(res, 404, { error: 'run npm run build first' })
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
  fs.createReadStream(file).pipe(res)
}

http
  .createServer((req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`)
    if (url.pathname === '/actuator/health') return send(res, 200, { status: 'UP' })
    if (url.pathname.startsWith('/api/')) {
      api(req, res, url).catch((e) => {
        console.error(e)
        if (!res.headersSent) problem(res, 500, 'internal', 'Internal error')
      })
      return
    }
    serveStatic(req, res, url)
  })
  .listen(PORT, () =>
    console.log(
      `Surge mock API on http://localhost:${PORT} (admin/surge-admin, alice/surge-alice)`,
    ),
  )

if (TRAFFIC) {
  const bot = { id: 99, username: 'loadbot', role: 'CUSTOMER' }
  setInterval(() => {
    const n = Math.floor(Math.random() * 6)
    for (let i = 0; i < n; i++) {
      const prod = state.products[Math.floor(Math.random() * state.products.length)]
      if (!prod) continue
      const answer = placeOrder(
        bot,
        [{ productId: prod.id, quantity: 1 + Math.floor(Math.random() * 2) }],
        randomUUID(),
      )
      if (answer.status !== 202) continue
      const order = state.orders.get(answer.body.orderId)
      setTimeout(
        () => {
          if (order.status !== 'PENDING_PAYMENT') return
          const r = Math.random()
          if (r < 0.7) {
            order.paidAt = now()
            stockChange(order, 'PAY_CONFIRM')
            move(order, 'PAID', 'payment-gateway', 'payment succeeded')
            setTimeout(() => move(order, 'AWAITING_FULFILMENT', 'system', 'paid'), 300)
          } else {
            stockChange(order, 'RELEASE')
            move(order, 'CANCELLED', 'payment-gateway', 'payment_timeout', 'PAYMENT_TIMEOUT')
          }
        },
        1500 + Math.random() * 3000,
      )
    }
  }, 700)
}
