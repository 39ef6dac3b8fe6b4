-- Give back the reservation one order holds on one product. Idempotent: only an existing
-- reservation is returned, so a second release (or a release after the claim) changes nothing.
-- KEYS[1] stock:{p<id>}  KEYS[2] resv:{p<id>}
-- ARGV[1] orderId
-- Returns the units returned.
local held = redis.call('HGET', KEYS[2], ARGV[1])
if not held then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[1])
local qty = tonumber(string.match(held, '^(%d+)'))
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('INCRBY', KEYS[1], qty)
end
return qty
