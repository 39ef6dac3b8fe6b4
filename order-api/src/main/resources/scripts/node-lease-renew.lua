-- Renews this instance's lease of an order-id node: extends it while it is ours, takes it back
-- when it expired or Redis lost it (restarted empty), and says so when another instance holds it.
-- KEYS[1] surge:api:node:<n>  ARGV[1] this instance's token  ARGV[2] lease in milliseconds
-- Returns 1 while the node is ours, 0 when another instance holds it.
local held = redis.call('GET', KEYS[1])
if held == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not held then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
