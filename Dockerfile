# Pay Portal, as docs/deployment.md runs it: compiled JavaScript, no devDependencies, not root.
#   docker build -t pay-portal .
#   docker run -p 8787:8787 -v pay-portal-data:/data --env-file /etc/pay-portal.env pay-portal
# The env file holds at least NODE_ENV's companions: PUBLIC_URL, APP_SECRET and the Stripe keys
# (docs/configuration.md). The SQLite store lives in the /data volume unless DATABASE_URL says
# postgres://….

# Build: every dependency, the element, the staff page, the API reference and the server.
FROM node:22-bookworm-slim AS build
# better-sqlite3 compiles itself where no prebuilt binary fits the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# Run: the compiled server, the built files and the runtime dependencies only.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
  PORT=8787 \
  DATABASE_URL=/data/pay-portal.sqlite
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedding examples, shown at /demo/examples when DEMO=true.
COPY --from=build /app/demo/examples ./demo/examples
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A young generation of at most 4 MB a half: RSS under load stays near its size after start
# (docs/performance.md, "Start and memory").
CMD ["node", "--max-semi-space-size=4", "dist/server/main.js"]
