-- Invalidate a cached value after its source changed in MySQL (after the commit).
-- KEYS[1] the cached value (product:{p<id>} or products:{list})  KEYS[2] its generation (KEYS[1] .. ':gen')
-- Returns the new generation. Raising the generation and deleting the value in one step means
-- that a reader that loaded the old row before the commit (and so read the old generation)
-- can no longer store it: cache-fill.lua compares generations.
local generation = redis.call('INCR', KEYS[2])
redis.call('DEL', KEYS[1])
return generation
