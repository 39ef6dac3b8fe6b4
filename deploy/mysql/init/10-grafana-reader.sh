#!/bin/bash
# Runs once, on the first start of an empty data directory (the mysql image's docker-entrypoint-initdb.d).
# A read-only user for Grafana's "stock per product" panel. The tables themselves come later, from
# order-consumer's Flyway migrations; a grant on surge.* covers them.
set -euo pipefail
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS 'grafana'@'%' IDENTIFIED BY '${GRAFANA_MYSQL_PASSWORD}';
GRANT SELECT ON \`${MYSQL_DATABASE}\`.* TO 'grafana'@'%';
SQL
