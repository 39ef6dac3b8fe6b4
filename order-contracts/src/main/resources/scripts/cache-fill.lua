-- Store a value read from MySQL in the cache, unless it was invalidated since the reader began.
-- KEYS[1] the cached value  KEYS[2] its generation
-- ARGV[1] the generation read before MySQL was ('' if there was none)  ARGV[2] value  ARGV[3] TTL in ms
-- Returns 1 stored, 0 not stored (invalidate.lua ran in between: the value may be old).
local generation = redis.call('GET', KEYS[2]) or ''
if generation ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', tonumber(ARGV[3]))
return 1
