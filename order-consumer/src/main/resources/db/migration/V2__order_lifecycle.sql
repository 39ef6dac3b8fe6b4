-- Order lifecycle: commands applied once, restocks idempotent on their request id,
-- low-stock alert state. Runs on MySQL 8.x and MariaDB 10.6+/11.

-- A restock (or demo adjustment) request applies once per product; NULLs never collide.
ALTER TABLE stock_log ADD COLUMN request_id VARCHAR(64) NULL AFTER order_id;
ALTER TABLE stock_log ADD CONSTRAINT uk_stock_log_request UNIQUE (request_id, product_id);

-- The orders.v1 records (partition, offset) whose command was decided, applied or not, in the
-- same transaction as its effect: a redelivered record is recognised and skipped, so a
-- command never applies twice, even where the state machine has cycles
-- (FULFILLING <-> FULFILMENT_FAILED, COMPLETED <-> AFTER_SALE).
CREATE TABLE applied_commands (
    topic_partition INT          NOT NULL,
    record_offset   BIGINT       NOT NULL,
    order_id        BIGINT       NOT NULL,
    at              TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (topic_partition, record_offset),
    INDEX ix_applied_commands_at (at)
);

-- Whether a product was last seen below its warning level, so a crossing is alerted once
-- across restarts and consumer instances.
CREATE TABLE stock_alerts (
    product_id BIGINT       NOT NULL PRIMARY KEY,
    low        BOOLEAN      NOT NULL,
    changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
