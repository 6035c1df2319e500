#!/usr/bin/env bash
# Builds the server's container image (the Dockerfile at the repository root) with podman and proves it:
#   - the image runs as a non-root user, listens on 8080, has a HEALTHCHECK and the /data volume;
#   - `db migrate` runs as a one-off command against an empty data volume;
#   - the server starts on a read-only root with SQLite in the volume and answers /health/ready;
#   - the image's HEALTHCHECK command passes against it;
#   - a user and a task survive a restart (they are in the volume), and `db migrate` then has nothing to do.
#
# Usage: deploy/container-test.sh        (as root; about 4 minutes from scratch, 1-2 with the base images kept)
#
# Base images. With TODO_CONTAINER_BASE=official the image is built FROM the official .NET images (the Dockerfile's
# defaults, which need registry access). Otherwise (the default) it is built FROM two stand-ins made here with no
# registry: a Debian root from `debootstrap --variant=minbase`, plus this machine's .NET (the whole SDK for the
# build stage, the .NET and ASP.NET Core runtimes for the run stage), its CA certificates and its NuGet
# configuration, so that restore inside the build works wherever `dotnet restore` works on this machine. The
# stand-ins are kept in podman's storage under a tag naming their content and reused; TODO_CONTAINER_FRESH=1
# rebuilds them. TODO_DEBIAN_MIRROR overrides the mirror (default: the first in this machine's apt sources).
#
# Running. Where `podman run` works, the image runs with `podman run --read-only`. Where it is refused (a
# container inside a container whose runtime cannot set rlimits), the test mounts the image read-only
# (`podman image mount`) and starts its entrypoint under chroot, as the image's user, with the image's
# environment, in a private mount namespace with the data folder bind-mounted on /data (and /proc, /dev and a
# /tmp tmpfs, as a container has). TODO_CONTAINER_RUN=podman|chroot forces one. Without a network namespace the
# server shares this machine's ports, so it listens on a free port (ASPNETCORE_HTTP_PORTS) instead of 8080.
#
# Every step is bounded in time; the server, mounts and temporary folders are always cleaned up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

image=localhost/todo:container-test
started=$SECONDS
log() { printf '[container-test %3ds] %s\n' $((SECONDS - started)) "$*"; }
fail() {
  printf '[container-test %3ds] FAIL: %s\n' $((SECONDS - started)) "$*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (podman image mount and chroot need it)"
command -v podman >/dev/null || fail "podman is missing: apt-get install -y podman"
for tool in curl jq; do
  command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install -y $tool"
done

tmp="$(mktemp -d /tmp/todo-container-test.XXXXXX)"
server_pid=""
container=""
mounted=""
cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -z "$container" ] || timeout 60 podman rm -f "$container" >/dev/null 2>&1 || true
  [ -z "$mounted" ] || timeout 60 podman image unmount "$image" >/dev/null 2>&1 || true
  # Never follow a bind mount left behind by a killed step: delete only what no longer has one under it.
  if ! grep -q " $tmp/" /proc/mounts; then
    rm -rf "$tmp"
  else
    echo "container-test: left $tmp (still mounted)" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- base images ---------------------------------------------------------------------------------------------------
build_args=()
if [ "${TODO_CONTAINER_BASE:-standin}" != official ]; then
  command -v debootstrap >/dev/null || fail "debootstrap is missing: apt-get install -y debootstrap"
  dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  runtime_version="$(find "$dotnet_root/shared/Microsoft.AspNetCore.App" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)"
  [ -d "$dotnet_root/shared/Microsoft.NETCore.App/$runtime_version" ] ||
    fail "no Microsoft.NETCore.App $runtime_version next to Microsoft.AspNetCore.App $runtime_version in $dotnet_root"
  sdk_version="$(cd / && dotnet --version)"
  nuget_config=""
  for f in "${NUGET_CONFIG:-}" "$HOME/.nuget/NuGet/NuGet.Config"; do
    if [ -n "$f" ] && [ -f "$f" ]; then nuget_config="$f"; break; fi
  done
  # What the stand-ins carry from this machine, for their tag: change any of it and they are made again.
  fingerprint="$({
    echo "recipe 2 $sdk_version $runtime_version ${NUGET_CERT_REVOCATION_MODE:-}"
    cat /usr/local/share/ca-certificates/*.crt "$nuget_config" /etc/nuget/* 2>/dev/null || true
  } | sha256sum | cut -c1-12)"
  sdk_base="localhost/todo-standin-sdk:$sdk_version-$fingerprint"
  runtime_base="localhost/todo-standin-aspnet:$runtime_version-$fingerprint"

  if [ -n "${TODO_CONTAINER_FRESH:-}" ] || ! podman image exists "$sdk_base" || ! podman image exists "$runtime_base"; then
    mirror="${TODO_DEBIAN_MIRROR:-}"
    if [ -z "$mirror" ]; then
      mirror="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs: *\([^ ]*debian\/*\)$/\1/p' | head -n 1)"
      [ -n "$mirror" ] || mirror="$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) bookworm .*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n 1)"
      [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
    fi
    root="$tmp/root"
    log "debootstrap bookworm from $mirror (the stand-ins for the official .NET images)"
    timeout 900 debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata \
      bookworm "$root" "$mirror" >"$tmp/debootstrap.log" 2>&1 || {
      tail -n 20 "$tmp/debootstrap.log" >&2
      fail "debootstrap failed"
    }
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    # This machine's local CA certificates (a TLS-inspecting proxy's, say), trusted as on the host.
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
    timeout 120 chroot "$root" update-ca-certificates >/dev/null
    # The official images' non-root account.
    echo 'app:x:1654:1654:app:/home/app:/usr/sbin/nologin' >>"$root/etc/passwd"
    echo 'app:x:1654:' >>"$root/etc/group"
    install -d -o 1654 -g 1654 "$root/home/app"
    path_env='ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

    log "import $runtime_base"
    install -d "$root/usr/share/dotnet/shared"
    cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$root/usr/share/dotnet/"
    cp -a "$dotnet_root/LICENSE.txt" "$root/usr/share/dotnet/" 2>/dev/null || true
    for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
      install -d "$root/usr/share/dotnet/shared/$framework"
      cp -a "$dotnet_root/shared/$framework/$runtime_version" "$root/usr/share/dotnet/shared/$framework/"
    done
    ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
    tar -C "$root" -c . | timeout 600 podman import \
      --change "$path_env" --change 'ENV APP_UID=1654' --change 'ENV ASPNETCORE_HTTP_PORTS=8080' \
      --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' - "$runtime_base" >/dev/null || fail "podman import $runtime_base failed"

    log "import $sdk_base"
    cp -a "$dotnet_root/." "$root/usr/share/dotnet/"
    if [ -n "$nuget_config" ]; then
      install -D -m 644 "$nuget_config" "$root/root/.nuget/NuGet/NuGet.Config"
    fi
    if [ -d /etc/nuget ]; then
      cp -a /etc/nuget "$root/etc/"
    fi
    # This machine's NuGet package folder, when the build mounts it on /nuget-host, is a fallback folder: restore takes
    # what it holds from there instead of downloading it again (only a speed-up; restore works without it).
    cat >"$root/NuGet.Config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <fallbackPackageFolders>
    <add key="host" value="/nuget-host" />
  </fallbackPackageFolders>
</configuration>
XML
    sdk_env=(--change "$path_env" --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' --change 'ENV DOTNET_NOLOGO=1')
    [ -z "${NUGET_CERT_REVOCATION_MODE:-}" ] || sdk_env+=(--change "ENV NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE")
    tar -C "$root" -c . | timeout 600 podman import "${sdk_env[@]}" - "$sdk_base" >/dev/null ||
      fail "podman import $sdk_base failed"
    rm -rf "$root"
    # Stand-ins made earlier from other content are of no more use.
    podman images --format '{{.Repository}}:{{.Tag}}' |
      grep -E '^localhost/todo-standin-(sdk|aspnet):' | grep -vxF -e "$sdk_base" -e "$runtime_base" |
      xargs -r podman rmi >/dev/null 2>&1 || true
  else
    log "reusing $sdk_base and $runtime_base"
  fi
  build_args=(--build-arg "SDK_IMAGE=$sdk_base" --build-arg "RUNTIME_IMAGE=$runtime_base")
  host_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  [ ! -d "$host_packages" ] || build_args+=(--volume "$host_packages:/nuget-host:ro")
fi

# --- the image -----------------------------------------------------------------------------------------------------
log "podman build $image"
if ! timeout 1200 podman build --isolation=chroot --format docker "${build_args[@]}" -t "$image" -f Dockerfile . \
  >"$tmp/build.log" 2>&1; then
  tail -n 40 "$tmp/build.log" >&2
  fail "podman build failed"
fi
grep -E '^ *Restored ' "$tmp/build.log" || true
log "built $(podman image inspect --format '{{.Id}}' "$image" | cut -c1-12) ($(podman image inspect --format '{{.Size}}' "$image" | numfmt --to=iec))"

config() { podman image inspect --format "$1" "$image"; }
user="$(config '{{.Config.User}}')"
workdir="$(config '{{.Config.WorkingDir}}')"
mapfile -t entrypoint < <(config '{{range .Config.Entrypoint}}{{println .}}{{end}}' | sed '/^$/d')
mapfile -t image_env < <(config '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
mapfile -t healthcheck < <(config '{{if .Config.Healthcheck}}{{range .Config.Healthcheck.Test}}{{println .}}{{end}}{{end}}' | sed '/^$/d')

[[ "$user" =~ ^[0-9]+:[0-9]+$ ]] || fail "the image's user is '$user', not numeric UID:GID"
uid="${user%%:*}"
gid="${user##*:}"
[ "$uid" -ne 0 ] || fail "the image runs as root"
exposed="$(config '{{range $port, $_ := .Config.ExposedPorts}}{{println $port}}{{end}}')"
volumes="$(config '{{range $volume, $_ := .Config.Volumes}}{{println $volume}}{{end}}')"
grep -qx '8080/tcp' <<<"$exposed" || fail "the image exposes no 8080/tcp"
grep -qx 'ASPNETCORE_HTTP_PORTS=8080' < <(printf '%s\n' "${image_env[@]}") || fail "ASPNETCORE_HTTP_PORTS=8080 is not in the image's environment"
grep -qx '/data' <<<"$volumes" || fail "the image declares no /data volume"
[ "${healthcheck[0]:-}" = CMD ] || fail "the image has no HEALTHCHECK CMD (build with --format docker): '${healthcheck[*]:-}'"
healthcheck=("${healthcheck[@]:1}")
log "user $user, workdir $workdir, entrypoint ${entrypoint[*]}, healthcheck ${healthcheck[*]}"

# --- running it ----------------------------------------------------------------------------------------------------
mode="${TODO_CONTAINER_RUN:-}"
if [ -z "$mode" ]; then
  if timeout 120 podman run --rm --network none --entrypoint dotnet "$image" --list-runtimes >"$tmp/probe.log" 2>&1; then
    mode=podman
  else
    mode=chroot
  fi
fi
log "running the image with $mode"

data="$tmp/data"
install -d -m 700 -o "$uid" -g "$gid" "$data"
signing_key="container-test-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

if [ "$mode" = chroot ]; then
  mounted="$(timeout 120 podman image mount "$image")" || fail "podman image mount failed"
  [ -d "$mounted/data" ] || fail "the image has no /data folder to mount the volume on"
  if touch "$mounted/app/.write-test" 2>/dev/null; then
    rm -f "$mounted/app/.write-test"
    fail "the mounted image is writable; the test needs a read-only root"
  fi
fi
# A free port on 127.0.0.1: one nothing answers on.
for _ in $(seq 50); do
  port=$((20000 + RANDOM % 30000))
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
done
base="http://127.0.0.1:$port"

# The image's environment plus the settings given to a container: the signing key (a secret, by environment).
run_env=("${image_env[@]}" "Auth__SigningKey=$signing_key")
[ "$mode" = podman ] || run_env+=("ASPNETCORE_HTTP_PORTS=$port")

# in_image SECONDS ARG...: runs ARGS in the image the way the container runtime would, killed after SECONDS (0: never).
# It execs, so call it in a subshell: $(in_image ...) or in_image ... & (whose $! is then the server itself).
in_image() {
  local limit=(timeout -s KILL "$1")
  shift
  [ "${limit[3]}" != 0 ] || limit=()
  if [ "$mode" = podman ]; then
    exec "${limit[@]}" podman run --rm --read-only --tmpfs /tmp --network host -v "$data:/data" \
      -e "Auth__SigningKey=$signing_key" "$image" "$@"
  else
    exec "${limit[@]}" unshare --mount --propagation private -- bash -ec '
      mnt=$1 data=$2 user=$3 workdir=$4 count=$5
      shift 5
      envs=("${@:1:count}")
      shift "$count"
      mount --bind "$data" "$mnt/data"
      mount -t proc proc "$mnt/proc"
      mount --rbind /dev "$mnt/dev"
      mount -t tmpfs -o mode=1777,size=64m tmpfs "$mnt/tmp"
      exec env -i "${envs[@]}" chroot --userspec="$user" "$mnt" /usr/bin/env -C "$workdir" "$@"
    ' in_image "$mounted" "$data" "$user" "$workdir" "${#run_env[@]}" "${run_env[@]}" "$@"
  fi
}

start_server() {
  local name=$1
  if [ "$mode" = podman ]; then
    container="todo-container-test-$$"
    timeout 120 podman run -d --name "$container" --read-only --tmpfs /tmp -p "127.0.0.1:$port:8080" -v "$data:/data" \
      -e "Auth__SigningKey=$signing_key" "$image" >/dev/null || fail "podman run failed"
    timeout 600 podman logs -f "$container" >"$tmp/$name.log" 2>&1 &
  else
    in_image 0 "${entrypoint[@]}" >"$tmp/$name.log" 2>&1 &
    server_pid=$!
  fi
  local deadline=$((SECONDS + 120))
  until curl -fsS --max-time 5 -o /dev/null "$base/health/ready" 2>/dev/null; do
    if [ "$mode" = chroot ] && ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$tmp/$name.log" >&2
      fail "the server exited before it was ready"
    fi
    if ((SECONDS > deadline)); then
      cat "$tmp/$name.log" >&2
      fail "the server was not ready within 120 s"
    fi
    sleep 1
  done
  log "$name: ready on $base"
}

stop_server() {
  local name=$1
  if [ "$mode" = podman ]; then
    timeout 60 podman stop -t 30 "$container" >/dev/null || fail "podman stop failed"
    local code
    code="$(podman inspect --format '{{.State.ExitCode}}' "$container")"
    timeout 60 podman rm -f "$container" >/dev/null || true
    container=""
    [ "$code" -eq 0 ] || fail "$name: the server exited with $code on SIGTERM"
  else
    kill -TERM "$server_pid"
    local code=0
    timeout 40 tail --pid="$server_pid" -f /dev/null || fail "$name: the server did not stop within 40 s of SIGTERM"
    wait "$server_pid" || code=$?
    server_pid=""
    [ "$code" -eq 0 ] || { cat "$tmp/$name.log" >&2; fail "$name: the server exited with $code on SIGTERM"; }
  fi
  log "$name: stopped on SIGTERM"
}

api() { # api METHOD PATH [JSON] -> body on stdout; fails unless 2xx
  local method=$1 path=$2 body=${3:-}
  local args=(-sS --max-time 20 -X "$method" -H 'Content-Type: application/json' -w '\n%{http_code}')
  [ -z "${token:-}" ] || args+=(-H "Authorization: Bearer $token")
  [ -z "$body" ] || args+=(--data "$body")
  local answer code
  answer="$(curl "${args[@]}" "$base$path")" || fail "$method $path: no answer"
  code="${answer##*$'\n'}"
  answer="${answer%$'\n'*}"
  [[ "$code" == 2?? ]] || fail "$method $path: $code $answer"
  printf '%s' "$answer"
}

log "db migrate (one-off) on the empty volume"
out="$(in_image 120 "${entrypoint[@]}" db migrate 2>&1)" || fail "db migrate failed: $out"
[[ "$out" == Applied:* ]] || fail "db migrate printed: $out"
[ -f "$data/todo.db" ] || fail "db migrate left no todo.db in the volume"
[ "$(stat -c %u "$data/todo.db")" = "$uid" ] || fail "todo.db is not owned by the image's user $uid"

start_server first
curl -fsS --max-time 5 -o /dev/null "$base/health/live" || fail "/health/live did not answer 200"
if [ "$mode" = podman ]; then
  timeout 60 podman healthcheck run "$container" >/dev/null || fail "podman healthcheck run failed"
else
  out="$(in_image 60 "${healthcheck[@]}" 2>&1)" || fail "the HEALTHCHECK command failed: $out"
fi
log "HEALTHCHECK (${healthcheck[*]}) passed"

email="container-test-$$@example.com"
password="container-test-password-$$"
token=""
api POST /api/auth/register "{\"email\":\"$email\",\"password\":\"$password\"}" >/dev/null
token="$(api POST /api/auth/login "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .access_token)"
title="Kept across a restart $$"
api POST /api/tasks "{\"title\":\"$title\"}" >/dev/null
log "registered $email and created a task"
stop_server first

out="$(in_image 120 "${entrypoint[@]}" db migrate 2>&1)" || fail "db migrate (again) failed: $out"
[[ "$out" == Nothing\ to\ apply* ]] || fail "db migrate on a migrated volume printed: $out"

start_server second
token=""
token="$(api POST /api/auth/login "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .access_token)"
api GET '/api/tasks?status=all' | jq -e --arg title "$title" '[.. | objects | select(.title? == $title)] | length == 1' >/dev/null ||
  fail "the task created before the restart is gone"
log "the user and the task are still there after the restart"
stop_server second

unexpected="$(find "$data" -mindepth 1 -not -name 'todo.db*' -printf '%P\n')"
[ -z "$unexpected" ] || fail "the server wrote more than its database to the volume: $unexpected"
log "PASS ($mode, $((SECONDS - started)) s)"
