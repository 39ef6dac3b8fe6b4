-- wrk script: POST orders, each with its own Idempotency-Key, tokens round-robin.
--   wrk -t2 -c64 -d20s --latency -s loadtest/wrk/orders.lua http://127.0.0.1:8080 -- TOKENS FIRST COUNT PATH ITEMS
-- TOKENS  file with one access token a line, or "-" for none (the bare endpoint)
-- FIRST   first product id (default 1);  COUNT  how many products from FIRST (default 1: one hot product)
-- PATH    default /api/orders
-- ITEMS   products per order (default 1: {"productId":..,"quantity":1}; more: an items list of
--         neighbouring products from a random one, at most COUNT)
-- WRK_IDEMPOTENCY_KEY=off in the environment: no Idempotency-Key header (what the key costs)
-- done() prints one JSON line (latencies in microseconds) that the benchmark reads.
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local tokens = {}
local first, count, path, items = 1, 1, "/api/orders", 1
local counter = 0
local prefix
local keyed = os.getenv("WRK_IDEMPOTENCY_KEY") ~= "off"

function init(args)
  if args[1] and args[1] ~= "-" then
    for line in io.lines(args[1]) do
      if #line > 0 then table.insert(tokens, line) end
    end
  end
  first = tonumber(args[2] or "1")
  count = tonumber(args[3] or "1")
  path = args[4] or path
  items = math.min(tonumber(args[5] or "1"), count)
  prefix = string.format("wrk-%d-%d-", os.time(), tid)
  math.randomseed(os.time() * 100 + tid)
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  if keyed then headers["Idempotency-Key"] = prefix .. counter end
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[(counter * #threads + tid) % #tokens + 1]
  end
  local start = 0
  if count > 1 then start = math.random(0, count - 1) end
  if items == 1 then
    return wrk.format("POST", path, headers, '{"productId":' .. (first + start) .. ',"quantity":1}')
  end
  local lines = {}
  for i = 0, items - 1 do
    lines[#lines + 1] = '{"productId":' .. (first + (start + i) % count) .. ',"quantity":1}'
  end
  return wrk.format("POST", path, headers, '{"items":[' .. table.concat(lines, ",") .. ']}')
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,' ..
    '"status_errors":%d,"timeouts":%d,"p50_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
