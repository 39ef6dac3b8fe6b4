# syntax=docker/dockerfile:1
# One Dockerfile, one target per image, so the Maven reactor and the UI are built once for all of them:
#   docker build --target order-api .        (also: order-consumer, stock-sync, web)
# docker-compose.yml builds every target from this file. Needs BuildKit (default since Docker 23 and in
# `docker compose`; with docker-compose 1.29 set DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1).

ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG JRE_IMAGE=eclipse-temurin:25-jre
ARG NODE_IMAGE=node:24-alpine
ARG NGINX_IMAGE=nginx:1.30-alpine

# ---- the UI: frontend/dist ---------------------------------------------------------------------
FROM ${NODE_IMAGE} AS ui
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --loglevel=error
COPY frontend/ ./
RUN npm run build

# ---- the jars: one reactor build, tests skipped (./test.sh and CI run them) -----------------------
FROM ${JDK_IMAGE} AS jars
WORKDIR /src
# the whole reactor: Maven reads every module's pom even when building only some (.dockerignore
# keeps target/, node_modules/, .git/ and local data out)
COPY . .
# order-api packages ../frontend/dist as its static files, so the API also serves the UI on its own
RUN rm -rf frontend/dist
COPY --from=ui /src/frontend/dist/ frontend/dist/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Djacoco.skip=true -pl order-api,order-consumer,stock-sync -am package \
 && mkdir /out \
 && cp order-api/target/order-api-*-exec.jar /out/order-api.jar \
 && cp order-consumer/target/order-consumer-*-exec.jar /out/order-consumer.jar \
 && cp stock-sync/target/stock-sync-*-exec.jar /out/stock-sync.jar

# ---- the common runtime: JRE, a non-root user, container-aware memory ----------------------------
FROM ${JRE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 surge \
 && useradd --system --uid 10001 --gid surge --home-dir /app --shell /usr/sbin/nologin surge \
 && mkdir -p /app && chown surge:surge /app
COPY --chmod=0755 deploy/scripts/healthcheck.sh /usr/local/bin/healthcheck
WORKDIR /app
# The heap follows the container's memory limit; compose may override the whole variable.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=30 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC"
USER surge:surge

FROM runtime AS order-api
COPY --from=jars --chown=surge:surge /out/order-api.jar /app/app.jar
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 CMD ["healthcheck", "8080"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS order-consumer
COPY --from=jars --chown=surge:surge /out/order-consumer.jar /app/app.jar
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=5 CMD ["healthcheck", "8081"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS stock-sync
COPY --from=jars --chown=surge:surge /out/stock-sync.jar /app/app.jar
# a short-lived CLI: a small fixed heap, no JIT warm-up worth paying for
ENV JAVA_TOOL_OPTIONS="-Xmx256m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
CMD ["--help"]

# ---- nginx: the built UI, /api balanced across the API instances -------------------------------
FROM ${NGINX_IMAGE} AS web
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/nginx/surge.conf /etc/nginx/conf.d/default.conf
COPY --from=ui /src/frontend/dist/ /usr/share/nginx/html/
# the official image runs its workers as `nginx`; the master needs root only to bind :80, so listen on 8080
RUN chown -R nginx:nginx /var/cache/nginx /usr/share/nginx/html
USER nginx
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
