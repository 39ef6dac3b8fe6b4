-- Start a request under an Idempotency-Key, or tell how an earlier one with this key went.
-- KEYS[1] idem:<userId>:<key>
-- ARGV[1] hash of the request body  ARGV[2] TTL in seconds
-- Returns 'FIRST', 'REUSED', 'RUNNING', the stored answer 'DONE:<orderId>:<orderNo>', or
-- 'PENDING:<orderId>:<orderNo>' when Kafka did not confirm the earlier request's order in time.
local held = redis.call('HMGET', KEYS[1], 'hash', 'answer', 'pending')
if not held[1] then
  redis.call('HSET', KEYS[1], 'hash', ARGV[1])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
  return 'FIRST'
end
if held[1] ~= ARGV[1] then
  return 'REUSED'
end
if held[2] then
  return 'DONE:' .. held[2]
end
if held[3] then
  return 'PENDING:' .. held[3]
end
return 'RUNNING'
