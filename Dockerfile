# The service in a container: production dependencies, the code and the knowledge; the SQLite database
# in the volume /data, or PostgreSQL through DATABASE_URL. See docs/deploy.md.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, so that a change to the code or the knowledge reuses this layer. better-sqlite3
# downloads its prebuilt binary for this Node version.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY adapters ./adapters
COPY knowledge ./knowledge

ENV PORT=3978 HOST=0.0.0.0 DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3978

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# What `npm start` runs, without npm in between, so that SIGTERM reaches the service.
CMD ["node", "--import", "tsx", "adapters/main.ts"]
