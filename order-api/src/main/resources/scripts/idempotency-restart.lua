-- Lets one retry start over after the key's unconfirmed order was abandoned (it will never be
-- placed): only the request that clears the pending order may place a new one.
-- KEYS[1] idem:<userId>:<key>  ARGV[1] the pending '<orderId>:<orderNo>'
-- Returns 1 when this request now runs under the key, 0 when another one got there first.
if redis.call('HGET', KEYS[1], 'pending') == ARGV[1] then
  redis.call('HDEL', KEYS[1], 'pending')
  return 1
end
return 0
