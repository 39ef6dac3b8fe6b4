-- Apply a stock return that MySQL has already committed, exactly once.
-- KEYS[1] stock:{p<id>}  KEYS[2] rel:{p<id>}:<orderId>:<kind>
-- ARGV[1] quantity  ARGV[2] marker TTL in seconds
-- Returns 1 applied, 0 already applied, -1 stock not loaded (a later load takes it from MySQL).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', tonumber(ARGV[2])) then
  return 0
end
redis.call('INCRBY', KEYS[1], tonumber(ARGV[1]))
return 1
