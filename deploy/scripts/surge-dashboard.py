#!/usr/bin/env python3
"""Writes deploy/grafana/dashboards/surge.json, the provisioned Surge dashboard.

The dashboard is generated so that it stays small to review; edit this file and run it again:
    python3 deploy/scripts/surge-dashboard.py
"""
import json
import pathlib

PROM = {"type": "prometheus", "uid": "surge-prometheus"}
MYSQL = {"type": "mysql", "uid": "surge-mysql"}
ORDERS = 'job="order-api",method="POST",uri="/api/orders"'

panels = []


def panel(title, kind, x, y, w, h, targets, description, **extra):
    panels.append({
        "id": len(panels) + 1, "title": title, "type": kind, "description": description,
        "gridPos": {"x": x, "y": y, "w": w, "h": h},
        "datasource": targets[0].get("datasource", PROM), "targets": targets, **extra})


def prom(expr, legend, ref="A"):
    return {"datasource": PROM, "expr": expr, "legendFormat": legend, "refId": ref}


def unit(u, **defaults):
    return {"fieldConfig": {"defaults": {"unit": u, **defaults}, "overrides": []}}


def green_below(value, color):
    """Thresholds: green, and `color` from `value` on."""
    return {"mode": "absolute", "steps": [{"color": "green", "value": None}, {"color": color, "value": value}]}


panel("Orders accepted /s", "stat", 0, 0, 6, 5,
      [prom(f'sum(rate(http_server_requests_seconds_count{{{ORDERS},status="202"}}[1m]))', "orders/s")],
      "POST /api/orders answered 202 (reserved in Redis, acknowledged by Kafka), both API instances.",
      **unit("reqps", decimals=0))
panel("Sold out (409) /s", "stat", 6, 0, 6, 5,
      [prom(f'sum(rate(http_server_requests_seconds_count{{{ORDERS},status="409"}}[1m]))', "409/s")],
      "Out-of-stock answers: the Redis gate said no.", **unit("reqps", decimals=0))
panel("Unavailable (503) /s", "stat", 12, 0, 6, 5,
      [prom(f'sum(rate(http_server_requests_seconds_count{{{ORDERS},status="503"}}[1m]))', "503/s")],
      "Redis or Kafka unavailable (breaker open or publish failed); answered with Retry-After.",
      **unit("reqps", decimals=1, thresholds=green_below(0.1, "red")))
panel("Instances up", "stat", 18, 0, 6, 5,
      [prom('sum by (job) (up{job=~"order-api|order-consumer"})', "{{job}}")],
      "Scraped instances per service (2 each in docker-compose).", **unit("none"))

panel("POST /api/orders by status", "timeseries", 0, 5, 12, 8,
      [prom(f'sum by (status) (rate(http_server_requests_seconds_count{{{ORDERS}}}[1m]))', "{{status}}")],
      "202 accepted, 409 out of stock, 429 rate limited, 503 unavailable, 4xx invalid.",
      **unit("reqps"))
panel("POST /api/orders latency", "timeseries", 12, 5, 12, 8,
      [prom(f'histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{{{ORDERS}}}[1m])))',
            "p99"),
       prom(f'histogram_quantile(0.50, sum by (le) (rate(http_server_requests_seconds_bucket{{{ORDERS}}}[1m])))',
            "p50", "B"),
       prom(f'max(http_server_requests_seconds_max{{{ORDERS}}})', "max", "C")],
      "Needs management.metrics.distribution.percentiles-histogram.http.server.requests=true "
      "(set by docker-compose.yml).", **unit("s"))

panel("Consumer lag (records)", "timeseries", 0, 13, 12, 8,
      [prom('sum by (topic) (kafka_consumer_fetch_manager_records_lag{job="order-consumer"})', "{{topic}}"),
       prom('max(kafka_consumer_fetch_manager_records_lag_max{job="order-consumer"})', "max per partition", "B")],
      "Records written to Kafka and not yet applied by order-consumer (Kafka client metrics).",
      **unit("short"))
panel("Consumed /s", "timeseries", 12, 13, 12, 8,
      [prom('sum by (instance) (rate(kafka_consumer_fetch_manager_records_consumed_total{job="order-consumer"}[1m]))',
            "{{instance}}")],
      "Records fetched by each order-consumer instance.", **unit("short"))

panel("Circuit breakers", "state-timeline", 0, 21, 12, 7,
      [prom('max by (name) (2 * resilience4j_circuitbreaker_state{job="order-api",state=~"open|forced_open"} '
            'or resilience4j_circuitbreaker_state{job="order-api",state="half_open"})', "{{name}}")],
      "Worst state over the API instances: CLOSED, HALF_OPEN or OPEN (resilience4j).",
      fieldConfig={"defaults": {"mappings": [{"type": "value", "options": {
          "0": {"text": "CLOSED", "color": "green"}, "1": {"text": "HALF_OPEN", "color": "yellow"},
          "2": {"text": "OPEN", "color": "red"}}}], "color": {"mode": "thresholds"},
          "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}]}}, "overrides": []})
panel("Stock per product (MySQL)", "barchart", 12, 21, 12, 7,
      [{"datasource": MYSQL, "refId": "A", "format": "table", "rawQuery": True, "editorMode": "code",
        "rawSql": "SELECT p.name AS product, s.available, s.locked, s.sold\n"
                  "FROM product_stock s JOIN products p ON p.id = s.product_id\n"
                  "WHERE NOT p.deleted ORDER BY p.id LIMIT 50"}],
      "available / locked (awaiting payment) / sold, from the source of truth.",
      options={"stacking": "normal", "orientation": "horizontal", "xField": "product",
               "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True}},
      **unit("short"))

# ---- the business: what came of the orders (surge_* meters of order-api and order-consumer) ----
panel("Orders by outcome /s", "timeseries", 0, 28, 12, 8,
      [prom('sum by (outcome) (rate(surge_orders_placed_seconds_count{job="order-api"}[1m]))', "{{outcome}}")],
      "How POST /api/orders ended: accepted, sold_out (nothing left), out_of_stock (fewer left than "
      "asked), unavailable, invalid, idempotency outcomes.", **unit("reqps"))
panel("Orders in MySQL and their commands /s", "timeseries", 12, 28, 12, 8,
      [prom('sum by (status) (rate(surge_orders_intake_total{job="order-consumer"}[1m]))', "intake {{status}}"),
       prom('sum by (action) (rate(surge_orders_commands_total{job="order-consumer",outcome="applied"}[1m]))',
            "{{action}}", "B")],
      "Orders written by the consumer (PENDING_PAYMENT, or REJECTED when MySQL had no stock) and the "
      "commands applied: payments, payment timeouts (EXPIRE), fulfilment, refunds.", **unit("short"))
panel("Payment failures", "stat", 0, 36, 6, 5,
      [prom('sum(rate(surge_orders_commands_total{action="PAYMENT_FAILURE",outcome="applied"}[15m])) / '
            'sum(rate(surge_orders_commands_total{action=~"PAYMENT_SUCCESS|PAYMENT_FAILURE",outcome="applied"}[15m]))',
            "failed")],
      "Share of payments reported failed over 15 minutes (alert SurgePaymentFailures above 20 %).",
      **unit("percentunit", decimals=1))
panel("Reservations expired (15 min)", "stat", 6, 36, 6, 5,
      [prom('sum(increase(surge_reservations_expired_total{job="order-api"}[15m]))', "expired")],
      "Reservations the sweeper settled because Kafka did not confirm the publish in time.",
      **unit("short", decimals=0, thresholds=green_below(1, "orange")))
panel("Dead letters", "stat", 12, 36, 6, 5,
      [prom('max by (topic) (surge_dlt_records{job="order-consumer"})', "{{topic}}")],
      "Records waiting in the dead-letter topics (stock-sync dlt list / replay).",
      **unit("short", decimals=0, thresholds=green_below(1, "red")))
panel("Drift (latest reconcile)", "stat", 18, 36, 6, 5,
      [prom('max(surge_reconcile_drifting_products{job="order-consumer"})', "drifting products")],
      "Products the latest full stock-sync check/reconcile found drifting (Redis vs MySQL).",
      **unit("short", decimals=0, thresholds=green_below(1, "red")))
panel("Firing alerts", "table", 0, 41, 24, 6,
      [prom('ALERTS{alertstate="firing"}', "{{alertname}}")],
      "Prometheus alert rules (deploy/prometheus/alerts.yml) firing now.",
      options={"showHeader": True})

dashboard = {
    "uid": "surge-overview", "title": "Surge", "tags": ["surge"], "editable": False,
    "schemaVersion": 39, "version": 1, "refresh": "5s", "time": {"from": "now-15m", "to": "now"},
    "timepicker": {}, "templating": {"list": []}, "annotations": {"list": []}, "panels": panels,
}
out = pathlib.Path(__file__).resolve().parents[1] / "grafana" / "dashboards" / "surge.json"
out.write_text(json.dumps(dashboard, indent=2) + "\n")
print(f"wrote {out}")
