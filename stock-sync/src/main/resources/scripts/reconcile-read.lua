-- A consistent snapshot of one product's gate for stock-sync reconcile.
-- KEYS[1] stock:{p<id>}  KEYS[2] resv:{p<id>}
-- Returns {stock or false, digest of resv, HGETALL resv}. The digest lets reconcile-set.lua
-- see whether any reservation was taken, claimed or released since.
local stock = redis.call('GET', KEYS[1])
local flat = redis.call('HGETALL', KEYS[2])
local entries = {}
for i = 1, #flat, 2 do
  entries[#entries + 1] = flat[i] .. '=' .. flat[i + 1]
end
table.sort(entries)
return {stock or false, redis.sha1hex(table.concat(entries, ',')), flat}
