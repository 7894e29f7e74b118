#!/usr/bin/env bash
# Validates the deployment files offline (no Docker engine, no cluster) and runs them as far
# as a machine without Docker can: the infra/ test suite (infra/vitest.config.ts).
#   - Dockerfile: linted (dockerfile-utils) and checked stage by stage; its prune and
#     install steps run for each deployable, which is then started with production
#     dependencies only and stopped with SIGTERM;
#   - docker-compose.yml: `docker compose config` (or Debian's docker-compose 1.29, installed
#     here with apt when missing and run as root) validates it against the Compose schema,
#     with and without .env.example, then the result is checked;
#   - infra/k8s: `kubectl kustomize` renders the base and both overlays; every object is
#     validated against the Kubernetes schemas (kubernetes-models) and for unknown fields;
#   - infra/monitoring: the Grafana dashboard against Grafana's schema (@grafana/schema), the
#     alert rules' shape, every PromQL expression with Prometheus's grammar
#     (@prometheus-io/lezer-promql); scrape annotations and each container's V8 heap limit
#     (measured with Node) against its memory limit;
#   - the MySQL init script, `pnpm migrate`, and graceful shutdown under load, against the
#     test database (MYSQL_URL, else 127.0.0.1:3306 — scripts/ensure-mysql.sh).
# Needs `pnpm install` done. Usage: bash scripts/validate-infra.sh [vitest args…]
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "validate-infra: installing Debian's docker-compose (Compose schema validation, offline)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  else
    echo "validate-infra: needs \`docker compose\` or \`docker-compose\` (apt-get install docker-compose)" >&2
    exit 1
  fi
fi
if ! command -v "${KUBECTL:-kubectl}" >/dev/null 2>&1; then
  echo "validate-infra: needs kubectl (with kustomize v5) on PATH, or KUBECTL=/path/to/kubectl" >&2
  exit 1
fi
echo "validate-infra: $( (docker compose version 2>/dev/null || docker-compose version) | head -1); kubectl $("${KUBECTL:-kubectl}" version --client 2>/dev/null | head -1)"

pnpm --filter @screenmagic/infra exec vitest run --config vitest.config.ts "$@"
echo "validate-infra: passed in $((SECONDS - started)) s"
