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
      **unit("reqps", decimals=1, thresholds={"mode": "absolute", "steps": [
          {"color": "green", "value": None}, {"color": "red", "value": 0.1}]}))
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

dashboard = {
    "uid": "surge-overview", "title": "Surge", "tags": ["surge"], "editable": False,
    "schemaVersion": 39, "version": 1, "refresh": "5s", "time": {"from": "now-15m", "to": "now"},
    "timepicker": {}, "templating": {"list": []}, "annotations": {"list": []}, "panels": panels,
}
out = pathlib.Path(__file__).resolve().parents[1] / "grafana" / "dashboards" / "surge.json"
out.write_text(json.dumps(dashboard, indent=2) + "\n")
print(f"wrote {out}")
