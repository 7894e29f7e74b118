# One image per deployable, from this one file:
#   docker build --build-arg SERVICE=customer -t screenmagic/customer .
# SERVICE is customer, outgoing, incoming or gateway. docker-compose.yml builds all four.
# The gateway's image also holds the web console's built files (the console stage).
#
# There is no build step: Node 24 runs the TypeScript sources. Node refuses to strip types
# from files whose real path is under node_modules, so the image keeps the workspace layout
# (/app/packages/*, /app/services/*, /app/gateway) with pnpm's symlinks between them;
# `pnpm deploy`, which copies workspace packages into node_modules, would break it.
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

# --- what runs: Node, the dependencies, the sources; no pnpm, no npm cache, no tests
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
LABEL org.opencontainers.image.title="screenmagic-${SERVICE}" \
      org.opencontainers.image.description="screenmagic ${SERVICE} (Node 24, TypeScript sources run directly)"
ENV NODE_ENV=production \
    SERVICE=${SERVICE}
WORKDIR /app
# Owned by root and not writable by the process: the code cannot be changed at run time.
COPY --from=deps /app/ ./
COPY --from=prune /out/app/ ./
# The gateway serves it from here (CONSOLE_DIR's default, relative to its sources).
COPY --from=console /src/console/dist/ ./console/dist/
# current -> services/<name> or gateway (made by prune.ts), so one CMD fits all.
WORKDIR /app/current
# The unprivileged user of the node images (uid 1000).
USER node
# Liveness only (/healthz does no I/O): readiness is the orchestrator's business (/readyz).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "const p=process.env.PORT||{customer:3001,outgoing:3002,incoming:3003,gateway:8080}[process.env.SERVICE];fetch('http://127.0.0.1:'+p+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# What `pnpm start` runs, without pnpm: `node [the start script's flags] src/server.ts`.
# `exec` replaces the shell, so Node is the process that gets SIGTERM (npm/pnpm would not
# forward it): the service stops taking work, finishes what is in flight, closes its pools
# and exits. docker-compose.yml adds `init: true` (Docker's tini) to reap and forward.
STOPSIGNAL SIGTERM
CMD ["/bin/sh", "-c", "exec node $(cat .node-flags) src/server.ts"]
