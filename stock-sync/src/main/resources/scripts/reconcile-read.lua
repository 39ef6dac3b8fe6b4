-- A consistent snapshot of one product's gate for stock-sync reconcile.
-- KEYS[1] stock:{p<id>}  KEYS[2] resv:{p<id>}
-- Returns {stock or false, digest of resv, HGETALL resv}. The digest (reservations-digest.lua)
-- lets reconcile-set.lua see whether any reservation was taken, claimed or released since.
local stock = redis.call('GET', KEYS[1])
local digest, flat = reservations_digest(KEYS[2])
return {stock or false, digest, flat}
