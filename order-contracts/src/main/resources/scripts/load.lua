-- Set the sellable stock of one product from MySQL: available minus the reservations the
-- consumer has not claimed yet. Runs atomically, so it cannot race a reservation.
-- KEYS[1] stock:{p<id>}  KEYS[2] resv:{p<id>}
-- ARGV[1] MySQL available
-- Returns the new stock value.
local reserved = 0
local held = redis.call('HVALS', KEYS[2])
for i = 1, #held do
  reserved = reserved + tonumber(string.match(held[i], '^(%d+)'))
end
local stock = tonumber(ARGV[1]) - reserved
if stock < 0 then
  stock = 0
end
redis.call('SET', KEYS[1], stock)
return stock
