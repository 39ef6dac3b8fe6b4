-- The dedup tables are pruned by age (surge.retention.keep): abandoned_orders by its at, too.
CREATE INDEX ix_abandoned_orders_at ON abandoned_orders (at);
