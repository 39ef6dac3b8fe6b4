-- Surge schema. Runs on MySQL 8.x and MariaDB 10.6+/11.

CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uk_users_username UNIQUE (username),
    CONSTRAINT ck_users_role CHECK (role IN ('CUSTOMER', 'ADMIN'))
);

CREATE TABLE products (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    image_url     VARCHAR(500),
    price_cents   BIGINT       NOT NULL,
    warning_stock INT          NOT NULL DEFAULT 0,
    deleted       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_products_price CHECK (price_cents >= 0),
    CONSTRAINT ck_products_warning CHECK (warning_stock >= 0)
);

CREATE TABLE product_stock (
    product_id BIGINT NOT NULL PRIMARY KEY,
    total      BIGINT NOT NULL,
    available  BIGINT NOT NULL,
    locked     BIGINT NOT NULL DEFAULT 0,
    sold       BIGINT NOT NULL DEFAULT 0,
    version    BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_stock_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_stock_available CHECK (available >= 0),
    CONSTRAINT ck_stock_locked CHECK (locked >= 0),
    CONSTRAINT ck_stock_sold CHECK (sold >= 0),
    CONSTRAINT ck_stock_balance CHECK (total = available + locked + sold)
);

CREATE TABLE orders (
    id              BIGINT       NOT NULL PRIMARY KEY,
    order_no        VARCHAR(40)  NOT NULL,
    user_id         BIGINT       NOT NULL,
    status          VARCHAR(24)  NOT NULL,
    status_reason   VARCHAR(200),
    total_cents     BIGINT       NOT NULL,
    idempotency_key VARCHAR(100),
    created_at      TIMESTAMP(3) NOT NULL,
    expires_at      TIMESTAMP(3),
    paid_at         TIMESTAMP(3),
    updated_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_orders_order_no UNIQUE (order_no),
    INDEX ix_orders_user (user_id, id),
    INDEX ix_orders_status_expiry (status, expires_at)
);

CREATE TABLE order_items (
    order_id         BIGINT NOT NULL,
    product_id       BIGINT NOT NULL,
    quantity         INT    NOT NULL,
    unit_price_cents BIGINT NOT NULL,
    PRIMARY KEY (order_id, product_id),
    INDEX ix_items_product (product_id),
    CONSTRAINT ck_items_quantity CHECK (quantity > 0)
);

-- Reservations the consumer gave up on (ReservationExpired before OrderPlaced): a late
-- OrderPlaced for one of these ids is ignored.
CREATE TABLE abandoned_orders (
    order_id   BIGINT       NOT NULL PRIMARY KEY,
    at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

CREATE TABLE payments (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id     BIGINT       NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    amount_cents BIGINT       NOT NULL,
    at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX ix_payments_order (order_id)
);

CREATE TABLE stock_log (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id      BIGINT       NOT NULL,
    order_id        BIGINT,
    change_type     VARCHAR(16)  NOT NULL,
    delta_available BIGINT       NOT NULL DEFAULT 0,
    delta_locked    BIGINT       NOT NULL DEFAULT 0,
    delta_sold      BIGINT       NOT NULL DEFAULT 0,
    delta_total     BIGINT       NOT NULL DEFAULT 0,
    operator        VARCHAR(64),
    reason          VARCHAR(200),
    redis_applied   BOOLEAN      NOT NULL DEFAULT TRUE,
    at              TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    -- NULL order ids (restock, adjust) never collide; order-driven rows apply once
    CONSTRAINT uk_stock_log_order UNIQUE (order_id, product_id, change_type),
    INDEX ix_stock_log_product (product_id, id),
    INDEX ix_stock_log_pending (redis_applied, id),
    CONSTRAINT ck_stock_log_type CHECK (change_type IN
        ('PRELOCK', 'PAY_CONFIRM', 'RELEASE', 'REFUND_RETURN', 'RESTOCK', 'ADJUST'))
);

CREATE TABLE order_status_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id    BIGINT       NOT NULL,
    from_status VARCHAR(24),
    to_status   VARCHAR(24)  NOT NULL,
    operator    VARCHAR(64)  NOT NULL,
    reason      VARCHAR(200),
    at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX ix_status_log_order (order_id, id)
);

CREATE TABLE security_log (
    id       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    username VARCHAR(64),
    ip       VARCHAR(64),
    route    VARCHAR(200),
    action   VARCHAR(40)  NOT NULL,
    outcome  VARCHAR(40)  NOT NULL,
    detail   VARCHAR(500),
    INDEX ix_security_log_at (at)
);
