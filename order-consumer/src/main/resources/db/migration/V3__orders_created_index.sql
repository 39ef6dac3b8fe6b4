-- The dashboard's throughput (orders per second over the last minutes) reads orders by time.
CREATE INDEX ix_orders_created ON orders (created_at, status);
