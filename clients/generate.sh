#!/usr/bin/env bash
# Regenerates the API clients from the server's own OpenAPI description:
#   1. builds the server and starts it on SQLite in a temporary folder, with a random signing key,
#      on a port of 127.0.0.1 the system picks;
#   2. fetches /openapi/v1.json into openapi.json (its servers entry set to "/", so the file does not depend on
#      the port);
#   3. lints it with Redocly's recommended rules (redocly.yaml): any error fails;
#   4. generates the C# client with Kiota (csharp/Todo.Client/Generated) and the TypeScript types with
#      openapi-typescript (typescript/src/schema.ts).
#
#   clients/generate.sh                 regenerate the committed files
#   clients/generate.sh --out DIR       write the same files under DIR instead (the check that the committed ones are current)
#   options: --no-build (use the server already built), --configuration Debug|Release (default Release)
#
# Needs the .NET SDK and node/npm; runs `dotnet tool restore` and `npm ci` when their tools are missing.
# On exit (also on failure) the server is stopped and the temporary folder removed.
set -euo pipefail

CLIENTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$CLIENTS")
OUT=$CLIENTS
BUILD=1
CONFIGURATION=Release
while (($#)); do
  case "$1" in
    --out) OUT=$2; shift ;;
    --no-build) BUILD=0 ;;
    --configuration) CONFIGURATION=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "generate.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

log() { printf '[generate] %s\n' "$*" >&2; }
die() { echo "generate.sh: $*" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Redocly: no usage data sent, no update check; Kiota: no tutorial hints, no network look-ups.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------
(cd "$REPO" && dotnet tool restore >/dev/null)
[ -x "$CLIENTS/node_modules/.bin/redocly" ] && [ -x "$CLIENTS/node_modules/.bin/openapi-typescript" ] ||
  npm ci --prefix "$CLIENTS" --no-audit --no-fund >&2

# --- the server --------------------------------------------------------------------------------
SERVER_OUT="$REPO/src/Todo.Server/bin/$CONFIGURATION/net10.0"
if ((BUILD)); then
  log "building the server"
  dotnet build "$REPO/src/Todo.Server/Todo.Server.csproj" -c "$CONFIGURATION" --nologo -v q -clp:ErrorsOnly >"$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log" >&2; die "the server did not build"; }
fi
[ -f "$SERVER_OUT/Todo.Server.dll" ] || die "$SERVER_OUT/Todo.Server.dll is missing (run without --no-build)"

log "starting the server on SQLite in $WORK"
# The log exists before the server starts: the subshell opens its redirect only once it runs, and the wait below reads it.
: >"$WORK/server.log"
(
  cd "$SERVER_OUT"
  exec env ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Todo="Data Source=$WORK/todo.db" \
    Auth__SigningKey="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
    dotnet Todo.Server.dll --urls http://127.0.0.1:0
) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

URL=""
for _ in $(seq 1 600); do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server exited before it was ready"; }
  URL=${URL:-$(sed -n 's/.*Now listening on: \(http:[^ ]*\).*/\1/p' "$WORK/server.log" | head -n 1)}
  if [ -n "$URL" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/health/live")" = 200 ]; then break; fi
  sleep 0.2
done
[ -n "$URL" ] || { cat "$WORK/server.log" >&2; die "the server was not listening within 120 s"; }

# --- the description -----------------------------------------------------------------------------
log "fetching $URL/openapi/v1.json"
curl -sf --max-time 30 "$URL/openapi/v1.json" -o "$WORK/served.json" || die "could not fetch the OpenAPI description"
node "$CLIENTS/normalize-description.mjs" "$WORK/served.json" "$OUT/openapi.json"

log "linting (Redocly, recommended rules)"
"$CLIENTS/node_modules/.bin/redocly" lint --config "$CLIENTS/redocly.yaml" "$OUT/openapi.json" >"$WORK/lint.log" 2>&1 ||
  { cat "$WORK/lint.log" >&2; die "the description has lint errors"; }
grep -E '^(✅|Woohoo|You have|❌|Validation)' "$WORK/lint.log" >&2 || true

# --- the clients ---------------------------------------------------------------------------------
# Kiota names the description in its lock file relative to the output folder, the same wherever OUT is.
log "generating the C# client (Kiota)"
mkdir -p "$OUT/csharp/Todo.Client"
(
  cd "$REPO" # where the tool manifest is
  dotnet kiota generate --language CSharp --openapi "$OUT/openapi.json" --output "$OUT/csharp/Todo.Client/Generated" \
    --class-name TodoApiClient --namespace-name Todo.Client --clean-output --exclude-backward-compatible \
    --log-level Warning >"$WORK/kiota.log" 2>&1
) || { cat "$WORK/kiota.log" >&2; die "Kiota failed"; }

log "generating the TypeScript types (openapi-typescript)"
mkdir -p "$OUT/typescript/src"
"$CLIENTS/node_modules/.bin/openapi-typescript" "$OUT/openapi.json" --output "$OUT/typescript/src/schema.ts" >"$WORK/ts.log" 2>&1 ||
  { cat "$WORK/ts.log" >&2; die "openapi-typescript failed"; }

log "done: $OUT/openapi.json, $OUT/csharp/Todo.Client/Generated, $OUT/typescript/src/schema.ts"
