#!/usr/bin/env bash
# Installs what the stack needs on Debian/Ubuntu and builds it. Idempotent: each step is skipped
# when already done. Only Debian packages and the npm registry are used; no browser download.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[2m…\033[0m %s\n' "$*" >&2; }
ok() { printf '\033[32m✓\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m✗\033[0m %s\n' "$*" >&2; exit 1; }

# Node: Debian's own nodejs is too old, so we only check and explain.
command -v node >/dev/null || die "Node.js 20.19+ is required (https://nodejs.org or NodeSource packages), then run ./admin up again"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $(node --version) is too old: 20.19 or newer is required"

# System packages: binary → Debian package.
declare -A NEED=(
  [redis-server]=redis-server
  [nginx]=nginx
  [chromium]=chromium
  [openssl]=openssl
  [make]=make
  [g++]=g++
  [python3]=python3
  [curl]=curl
)
missing=()
for bin in "${!NEED[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || [[ -x "/usr/sbin/$bin" ]] || missing+=("${NEED[$bin]}")
done
# PostgreSQL's server binaries live off PATH, one folder per major (15 on Debian 12, 16 on Ubuntu 24.04).
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
if ((${#missing[@]} > 0)); then
  if [[ $EUID -eq 0 ]]; then SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n)
  else die "missing system packages: ${missing[*]}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  say "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  ok "system packages installed"
else
  ok "system packages present (redis-server, nginx, chromium, postgresql, openssl, build tools)"
fi

# npm dependencies: reinstall when the lock file changed since the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  ok "npm dependencies installed"
else
  ok "npm dependencies up to date"
fi

say "build (TypeScript services, admin CLI, SPA)"
npm run --silent build
ok "built"
