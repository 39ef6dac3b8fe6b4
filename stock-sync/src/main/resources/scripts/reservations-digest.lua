-- reservations_digest(key): the digest of a resv:{p<id>} hash, SHA-1 of its field=value
-- pairs in sorted order, and the hash itself (HGETALL). RedisStock puts this in front of
-- reconcile-read.lua and reconcile-set.lua, so that both compute the digest alike.
local function reservations_digest(key)
  local flat = redis.call('HGETALL', key)
  local entries = {}
  for i = 1, #flat, 2 do
    entries[#entries + 1] = flat[i] .. '=' .. flat[i + 1]
  end
  table.sort(entries)
  return redis.sha1hex(table.concat(entries, ',')), flat
end
