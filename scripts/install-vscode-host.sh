#!/usr/bin/env bash
# Installs the offline VS Code host used by the integration tests (docs: VSCODE-TESTS.md):
# Debian packages (chromium, ripgrep, fonts, build deps) and code-server into a cache directory
# outside the repo. Idempotent: a completed install leaves a marker file and a second call only
# re-checks the Debian packages (well under a second).
#
#   scripts/install-vscode-host.sh            # uses ${SPEECH_DRAFT_CACHE:-$HOME/.cache/speech-draft}
#
# Runs as root (CI) or as a user with sudo for the apt part.
set -euo pipefail

CODE_SERVER_VERSION=4.96.4
# The @vscode/proxy-agent release whose registry tarball has the integrity code-server's
# shrinkwrap pins for its git+ssh dependency (unreachable offline).
PROXY_AGENT_VERSION=0.27.0
# What @vscode/ripgrep@1.15.9's postinstall looks for (lib/postinstall.js VERSION, lib/download.js
# tmpDir = os.tmpdir()/vscode-ripgrep-cache-<package version>) before it tries GitHub.
RIPGREP_PACKAGE_VERSION=1.15.9
RIPGREP_ASSET_VERSION=v13.0.0-10

CACHE_ROOT="${SPEECH_DRAFT_CACHE:-$HOME/.cache/speech-draft}"
PREFIX="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$PREFIX/.install-complete"
LOG="$CACHE_ROOT/install-code-server-$CODE_SERVER_VERSION.log"

# chromium + fonts: the browser that renders the workbench (Chinese glyphs need wqy-microhei).
# ripgrep: replaces the rg binary @vscode/ripgrep would download. libkrb5-dev, python3, make, g++:
# source builds of kerberos/argon2/node-pty. xvfb, xauth: xvfb-run for the Electron host.
APT_PACKAGES=(chromium ripgrep fonts-wqy-microhei libkrb5-dev python3 make g++ xvfb xauth)

say() { printf '[install-vscode-host] %s\n' "$*"; }
die() { printf '[install-vscode-host] ERROR: %s\n' "$*" >&2; exit 1; }

install_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == "install ok installed" ]] || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    say "Debian packages present: ${APT_PACKAGES[*]}"
    return
  fi
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "missing Debian packages (${missing[*]}); run as root or install them"
    sudo=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed for: ${missing[*]}"
}

# Runs a step with its (long) output in $LOG; on failure shows the end of the log.
run_logged() {
  local what="$1"; shift
  printf '\n### %s\n' "$what" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    die "$what failed (full log: $LOG)"
  fi
}

# Points the shrinkwrap's git+ssh @vscode/proxy-agent at the registry tarball (after checking the
# integrity hashes agree) and lets the nested `npm install` in lib/vscode run the install scripts
# of its native modules (npm 11 blocks dependency scripts that allowScripts does not list).
patch_vscode_lib() {
  local tarball integrity
  tarball="$(npm view "@vscode/proxy-agent@$PROXY_AGENT_VERSION" dist.tarball)" \
    || die "npm view @vscode/proxy-agent@$PROXY_AGENT_VERSION failed"
  integrity="$(npm view "@vscode/proxy-agent@$PROXY_AGENT_VERSION" dist.integrity)" \
    || die "npm view @vscode/proxy-agent@$PROXY_AGENT_VERSION failed"
  local dir="$PREFIX/node_modules/code-server/lib/vscode"
  TARBALL="$tarball" INTEGRITY="$integrity" node - "$dir" <<'EOF' || die "could not patch $dir"
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const readJson = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const writeJson = (f, v) => fs.writeFileSync(path.join(dir, f), JSON.stringify(v, null, 2) + '\n');

const shrinkwrap = readJson('npm-shrinkwrap.json');
const entry = shrinkwrap.packages['node_modules/@vscode/proxy-agent'];
if (!entry) throw new Error('no @vscode/proxy-agent entry in lib/vscode/npm-shrinkwrap.json');
if (entry.integrity !== process.env.INTEGRITY) {
  throw new Error(`integrity mismatch: shrinkwrap ${entry.integrity}, registry ${process.env.INTEGRITY}`);
}
entry.resolved = process.env.TARBALL;
writeJson('npm-shrinkwrap.json', shrinkwrap);

const pkg = readJson('package.json');
pkg.allowScripts = {
  '@parcel/watcher': true,
  '@vscode/deviceid': true,
  '@vscode/ripgrep': true,
  '@vscode/spdlog': true,
  'kerberos': true,
  'native-watchdog': true,
  'node-pty': true,
  // Windows-only modules: nothing to build on Linux.
  '@vscode/windows-process-tree': false,
  '@vscode/windows-registry': false,
};
writeJson('package.json', pkg);
EOF
}

# A tarball of Debian's rg where @vscode/ripgrep's postinstall finds a "cached download".
make_ripgrep_tarball() {
  local target
  case "$(uname -m)" in
    x86_64) target=x86_64-unknown-linux-musl ;;
    aarch64) target=aarch64-unknown-linux-musl ;;
    *) die "unsupported architecture $(uname -m) for the ripgrep tarball" ;;
  esac
  local dir="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION" stage="$TMPDIR/rg-stage"
  mkdir -p "$dir" "$stage"
  cp /usr/bin/rg "$stage/rg"
  tar -czf "$dir/ripgrep-$RIPGREP_ASSET_VERSION-$target.tar.gz" -C "$stage" rg
}

check_install() {
  local vs="$PREFIX/node_modules/code-server/lib/vscode" f
  for f in \
    "$PREFIX/node_modules/.bin/code-server" \
    "$PREFIX/node_modules/argon2/lib/binding/napi-v3/argon2.node" \
    "$vs/node_modules/@vscode/ripgrep/bin/rg" \
    "$vs/node_modules/kerberos/build/Release/kerberos.node" \
    "$vs/node_modules/node-pty/build/Release/pty.node" \
    "$vs/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
    "$vs/node_modules.asar"; do
    [[ -e "$f" ]] || die "install incomplete: $f is missing (full log: $LOG)"
  done
  # code-server writes a default config under XDG_CONFIG_HOME even for --version.
  XDG_CONFIG_HOME="$TMPDIR/xdg-config" XDG_DATA_HOME="$TMPDIR/xdg-data" \
    "$PREFIX/node_modules/.bin/code-server" --version >>"$LOG" 2>&1 \
    || die "code-server --version failed (full log: $LOG)"
}

install_code_server() {
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')" || die "node not found"
  [[ "$node_major" == 20 ]] || die "code-server $CODE_SERVER_VERSION needs Node 20 (found $(node --version))"

  say "installing code-server $CODE_SERVER_VERSION into $PREFIX (log: $LOG)"
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  : >"$LOG"
  # A private TMPDIR keeps the ripgrep "download cache" out of the shared /tmp.
  export TMPDIR="$PREFIX/tmp"
  mkdir -p "$TMPDIR"
  cat >"$PREFIX/package.json" <<EOF
{
  "name": "speech-draft-code-server-host",
  "private": true,
  "description": "Offline VS Code host for speech-draft integration tests (scripts/install-vscode-host.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  cd "$PREFIX"

  say "step 1/4: npm install code-server --ignore-scripts"
  run_logged "npm install" npm install --ignore-scripts --no-audit --no-fund
  say "step 2/4: pointing lib/vscode's @vscode/proxy-agent at the registry tarball"
  patch_vscode_lib
  say "step 3/4: building native modules and VS Code's dependencies (about a minute)"
  make_ripgrep_tarball
  # code-server's postinstall refuses to run as root without unsafe_perm (npm 11 warns that it
  # does not know the setting; the script reads the environment variable itself).
  run_logged "npm rebuild" env npm_config_unsafe_perm=true npm rebuild --foreground-scripts
  say "step 4/4: checking the install"
  check_install
  rm -rf "$TMPDIR"
  echo "$CODE_SERVER_VERSION" >"$MARKER"
  say "done: $(du -sh "$PREFIX" | cut -f1) in $PREFIX"
}

main() {
  install_apt_packages
  if [[ -f "$MARKER" ]]; then
    say "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
    return
  fi
  mkdir -p "$CACHE_ROOT"
  # Serialise concurrent installers; the second one finds the marker.
  exec 9>"$CACHE_ROOT/.install.lock"
  flock 9
  if [[ -f "$MARKER" ]]; then
    say "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
    return
  fi
  install_code_server
}

main "$@"
