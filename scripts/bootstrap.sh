#!/usr/bin/env bash
# Makes a machine ready to run screenmagic, using only the npm registry:
#   1. Node >= 24 on PATH: the system's when it is new enough, otherwise the npm package
#      `node@24` installed into ~/.cache/node24 (put first on PATH);
#   2. the pnpm version pinned in package.json's `packageManager` (npm i -g; corepack's
#      signature check fails offline);
#   3. `pnpm install --frozen-lockfile`;
#   4. Debian's `chromium` when missing (as root, with apt-get): the console's browser tests
#      (e2e/console) drive it with playwright-core, which never downloads a browser.
# Idempotent: a second run (in any shell) installs nothing. Source it (`. scripts/bootstrap.sh`) to keep Node 24 on your shell's PATH;
# `bash scripts/bootstrap.sh` also works (pnpm scripts find Node 24 in node_modules/.bin).

sm_bootstrap() {
  local root node_version pnpm_version node_major
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  node_version="24.21.0"
  pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$root/package.json")"

  node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$node_major" -lt 24 ]; then
    local prefix="$HOME/.cache/node24"
    if [ "$("$prefix/node_modules/.bin/node" --version 2>/dev/null)" != "v$node_version" ]; then
      echo "bootstrap: installing Node $node_version into $prefix (system Node is ${node_major:-none})"
      command -v npm >/dev/null || { echo "bootstrap: npm is required to install Node 24" >&2; return 1; }
      npm install --prefix "$prefix" --no-save --loglevel=error "node@$node_version" || return 1
    fi
    export PATH="$prefix/node_modules/.bin:$PATH"
  fi
  echo "bootstrap: node $(node --version)"

  # A new shell's PATH may lack where an earlier run installed pnpm (npm's global bin for
  # the Node above, or the fallback folder): put the pinned version back on PATH first.
  if [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
    local dir
    for dir in "$(npm prefix --global 2>/dev/null)/bin" "$HOME/.cache/pnpm/node_modules/.bin"; do
      if [ "$("$dir/pnpm" --version 2>/dev/null)" = "$pnpm_version" ]; then
        export PATH="$dir:$PATH"
        hash -r
        break
      fi
    done
  fi
  if [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
    echo "bootstrap: installing pnpm $pnpm_version"
    if npm install --global --loglevel=error "pnpm@$pnpm_version"; then
      # npm's global prefix follows the `node` on PATH: with Node 24 from ~/.cache/node24
      # it is that package's folder, whose bin/ is not on PATH yet.
      export PATH="$(npm prefix --global)/bin:$PATH"
    else
      npm install --prefix "$HOME/.cache/pnpm" --loglevel=error "pnpm@$pnpm_version" || return 1
      export PATH="$HOME/.cache/pnpm/node_modules/.bin:$PATH"
    fi
    hash -r
  fi
  echo "bootstrap: pnpm $(pnpm --version)"

  (cd "$root" && pnpm install --frozen-lockfile --reporter=append-only) || return 1

  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "bootstrap: installing chromium (Debian) for the console's browser tests"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || return 1
    else
      echo "bootstrap: chromium is missing; the console's browser tests need it (sudo apt-get install chromium)" >&2
    fi
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  sm_bootstrap
else
  sm_bootstrap || return 1
fi
