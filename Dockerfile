# One image per deployable, from this one file:
#   docker build --build-arg SERVICE=customer -t screenmagic/customer .
# SERVICE is customer, outgoing, incoming or gateway. docker-compose.yml builds all four.
# The gateway's image also holds the web console's built files (the console stage).
#
# What runs is the deployable's bundle (infra/build/bundle.ts: one JavaScript file with the
# workspace packages and npm dependencies in it), as `pnpm start` runs it: no type
# stripping at run time, a small module graph (README, Benchmarks: memory). The image keeps
# the workspace layout (/app/packages/*, /app/services/*, /app/gateway) with pnpm's
# symlinks: the few packages the bundle leaves outside, and the files its modules read,
# are found where the sources would find them; `scripts/migrate.ts` runs the sources.
# infra/docker/prune.ts picks what goes in; infra/validate/image-layout.ts runs the same
# steps without Docker in CI and starts the result.

ARG NODE_IMAGE=node:24-slim

# --- everything pnpm needs to install, and the sources the deployable runs
FROM ${NODE_IMAGE} AS prune
ARG SERVICE
WORKDIR /src
COPY . .
RUN node infra/docker/prune.ts "${SERVICE}" /src /out

# --- production dependencies only, for the deployable and the workspace packages it uses.
# This layer is rebuilt only when a package.json or the lockfile changes.
FROM ${NODE_IMAGE} AS deps
# Pinned as in package.json's packageManager (scripts/validate-infra.sh checks they agree).
# npm, not corepack: corepack's signature check needs the network at run time.
ARG PNPM_VERSION=10.34.9
RUN npm install --global --no-fund --no-audit --loglevel=error "pnpm@${PNPM_VERSION}" \
    && npm cache clean --force
# Declared after the pnpm layer, so the four images share it.
ARG SERVICE
WORKDIR /app
COPY --from=prune /out/manifests/ ./
RUN pnpm install --prod --frozen-lockfile --filter "@screenmagic/${SERVICE}..." \
        --reporter=append-only --store-dir /tmp/pnpm-store \
    && rm -rf /tmp/pnpm-store

# --- the web console's static files, for the gateway image (served at /console); the other
# images get an empty folder. Built here with the console's dev dependencies (Vite), which
# never reach the runtime: only console/dist is copied from this stage.
FROM ${NODE_IMAGE} AS console
ARG PNPM_VERSION=10.34.9
ARG SERVICE
WORKDIR /src
COPY --from=prune /out/manifests/ ./
COPY console/ ./console/
COPY packages/client/ ./packages/client/
RUN mkdir -p console/dist \
    && if [ "${SERVICE}" = "gateway" ]; then \
         npm install --global --no-fund --no-audit --loglevel=error "pnpm@${PNPM_VERSION}" \
         && pnpm install --frozen-lockfile --filter "@screenmagic/console..." \
              --reporter=append-only --store-dir /tmp/pnpm-store \
         && node console/build.ts --force; \
       fi

# --- the bundle: the same install plus the bundler (@screenmagic/infra's one production
# dependency, rolldown), which stays in this stage
FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION=10.34.9
RUN npm install --global --no-fund --no-audit --loglevel=error "pnpm@${PNPM_VERSION}" \
    && npm cache clean --force
ARG SERVICE
WORKDIR /app
COPY --from=prune /out/manifests/ ./
RUN pnpm install --prod --frozen-lockfile --filter "@screenmagic/${SERVICE}..." \
        --filter @screenmagic/infra --reporter=append-only --store-dir /tmp/pnpm-store \
    && rm -rf /tmp/pnpm-store
COPY --from=prune /out/app/ ./
COPY --from=prune /src/infra/build/ ./infra/build/
COPY --from=prune /src/infra/docker/prune.ts ./infra/docker/
RUN node infra/build/bundle.ts "${SERVICE}" --into /out

# --- what runs: Node, the dependencies, the bundle (and the sources, for migrate.ts);
# no pnpm, no npm cache, no tests
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="screenmagic-${SERVICE}" \
      org.opencontainers.image.description="screenmagic ${SERVICE} (Node 24, bundled JavaScript)"
ENV NODE_ENV=production \
    SERVICE=${SERVICE}
WORKDIR /app
# Owned by root and not writable by the process: the code cannot be changed at run time.
COPY --from=deps /app/ ./
COPY --from=prune /out/app/ ./
# The gateway serves it from here (CONSOLE_DIR's default, relative to its sources).
COPY --from=console /src/console/dist/ ./console/dist/
COPY --from=build /out/ ./
# current -> services/<name> or gateway (made by prune.ts), so one CMD fits all.
WORKDIR /app/current
# The unprivileged user of the node images (uid 1000).
USER node
# Liveness only (/healthz does no I/O): readiness is the orchestrator's business (/readyz).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "const p=process.env.PORT||{customer:3001,outgoing:3002,incoming:3003,gateway:8080}[process.env.SERVICE];fetch('http://127.0.0.1:'+p+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# What `pnpm start` runs, without pnpm: `node [the start script's flags] dist/server.js`.
# `exec` replaces the shell, so Node is the process that gets SIGTERM (npm/pnpm would not
# forward it): the service stops taking work, finishes what is in flight, closes its pools
# and exits. docker-compose.yml adds `init: true` (Docker's tini) to reap and forward.
STOPSIGNAL SIGTERM
CMD ["/bin/sh", "-c", "exec node $(cat .node-flags) dist/server.js"]
