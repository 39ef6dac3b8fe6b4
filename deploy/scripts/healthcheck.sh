#!/usr/bin/env bash
# healthcheck PORT [PATH] — exits 0 when the service on 127.0.0.1:PORT answers PATH with 200.
# Plain bash (/dev/tcp), so the runtime image needs neither curl nor wget.
# Default PATH is Spring Boot's readiness probe: UP once the application has started and is ready.
set -u
port=${1:?usage: healthcheck PORT [PATH]}
path=${2:-/actuator/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 2 status <&3 || exit 1
[[ ${status} == *" 200 "* ]]
