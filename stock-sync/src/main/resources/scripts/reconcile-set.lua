-- Compare-and-set of one product's Redis stock for stock-sync reconcile.
-- KEYS[1] stock:{p<id>}  KEYS[2] resv:{p<id>}  KEYS[3..] rel: markers of the stock returns
--   MySQL committed and marked not yet applied to Redis
-- ARGV[1] stock read by reconcile-read.lua ('' when missing)  ARGV[2] its resv digest
-- ARGV[3] MySQL available minus the unclaimed reservations of that snapshot
-- ARGV[4] '1' to write, '0' to only compute  ARGV[5..] units of each return, as KEYS[3..]
-- Returns {0, 0} when stock or reservations changed since the snapshot (read again), else
-- {1, target}: target = ARGV[3] minus the returns whose marker is missing (Redis takes
-- them later), never below 0.
local stock = redis.call('GET', KEYS[1])
if (stock or '') ~= ARGV[1] then
  return {0, 0}
end
if (reservations_digest(KEYS[2])) ~= ARGV[2] then
  return {0, 0}
end
local target = tonumber(ARGV[3])
for i = 3, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then
    target = target - tonumber(ARGV[i + 2])
  end
end
if target < 0 then
  target = 0
end
if ARGV[4] == '1' then
  redis.call('SET', KEYS[1], target)
end
return {1, target}
