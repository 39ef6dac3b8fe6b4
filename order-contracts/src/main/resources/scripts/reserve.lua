-- Reserve units of one product for one order.
-- KEYS[1] stock:{p<id>}  KEYS[2] resv:{p<id>}
-- ARGV[1] orderId  ARGV[2] quantity  ARGV[3] now (epoch millis)
-- Returns {code, units}:
--   { 1, remaining}  reserved
--   { 2, remaining}  this order already holds a reservation here (a retry): nothing changed
--   { 0, available}  not enough stock: nothing changed
--   {-1, 0}          stock not loaded: never sell from a missing key
local stock = redis.call('GET', KEYS[1])
if not stock then
  return {-1, 0}
end
stock = tonumber(stock)
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return {2, stock}
end
local qty = tonumber(ARGV[2])
if stock < qty then
  return {0, stock}
end
redis.call('DECRBY', KEYS[1], qty)
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
return {1, stock - qty}
