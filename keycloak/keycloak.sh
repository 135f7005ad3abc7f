#!/usr/bin/env bash
# Local Keycloak for Steward development.
#
# Usage: keycloak/keycloak.sh start|stop|status|run
#
#   start   start Keycloak (dev mode, H2 database) in the background and wait until
#           the `steward` realm answers; harmless if it is already running
#   run     same, but in the foreground (exec), logging to the terminal
#   stop    stop it (TERM, up to STEWARD_STOP_GRACE_SECONDS = 30 s, then KILL); fine if it is not
#           running; fails (exit 1) if a process of it is still alive afterwards
#   status  print running/stopped; exit 0 if running, 3 if stopped
#
# Environment:
#   STEWARD_DATA                    data directory (default: <repo>/data); the Keycloak
#                                   distribution, its H2 database, log and pid file live here
#   STEWARD_KEYCLOAK_PORT           HTTP port (default 8180)
#   STEWARD_KEYCLOAK_TX_PORT        loopback-only port of the transaction manager (default HTTP port + 10)
#   STEWARD_KEYCLOAK_CLIENT_SECRET  secret of the confidential client `steward-app`; if unset it
#                                   is read from $STEWARD_DATA/secrets/keycloak-client-secret,
#                                   which is generated (mode 600) when missing
#   STEWARD_KEYCLOAK_JAVA_HOME      JDK (>= 21) to run Keycloak with; if unset, $JAVA_HOME and
#                                   /usr/lib/jvm/* are searched for one
#
# The realm keycloak/realm-steward.json is imported with --import-realm on every start.
# Keycloak skips a realm that already exists, so users/groups created at runtime survive
# restarts. Consequence: the steward-app client secret is taken from the environment only
# when the realm is first imported; changing the secret later requires deleting
# $STEWARD_DATA/keycloak/keycloak-<version>/data/h2 (or changing it in Keycloak as well).
#
# Ports: the HTTP port (all interfaces) and the transaction manager's process-id port
# (127.0.0.1 only, HTTP port + 10, see TX_PORT below). start-dev opens no HTTPS listener (no certificate
# configured), the management interface (port 9000) is only started when health/metrics are
# enabled (they are not), and dev mode uses a local (non-clustered) cache, so no JGroups port.
set -euo pipefail

REALM="steward"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
REALM_FILE="$SCRIPT_DIR/realm-steward.json"
# shellcheck source=../config/versions.env
. "$REPO_ROOT/config/versions.env"
# shellcheck source=../config/processes.sh
. "$REPO_ROOT/config/processes.sh"

# Absolute path without creating anything (status/stop must not create directories).
abspath() {
    local p="$1"
    [[ "$p" == /* ]] || p="$PWD/$p"
    realpath -m "$p" 2>/dev/null || printf '%s\n' "$p"
}
STEWARD_DATA="$(abspath "${STEWARD_DATA:-$REPO_ROOT/data}")"
PORT="${STEWARD_KEYCLOAK_PORT:-8180}"
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "keycloak: ERROR: STEWARD_KEYCLOAK_PORT must be a number" >&2; exit 2; }
# Besides the HTTP port, Keycloak opens exactly one more listening socket: the Narayana
# transaction manager derives its process id from a server socket it binds on 127.0.0.1
# (SocketProcessId; it never accepts connections), by default on a random free port. It is
# pinned here to HTTP port + 10 (8190 by default) so that it is predictable and does not collide
# with other services (8080/8181/4848).
TX_PORT="${STEWARD_KEYCLOAK_TX_PORT:-$((PORT + 10))}"

KC_BASE="$STEWARD_DATA/keycloak"
DIST="$KC_BASE/keycloak-$KEYCLOAK_VERSION"
KC_SH="$DIST/bin/kc.sh"
LOG_DIR="$STEWARD_DATA/logs"
LOG_FILE="$LOG_DIR/keycloak.log"
RUN_DIR="$STEWARD_DATA/run"
PID_FILE="$RUN_DIR/keycloak.pid"
SECRET_FILE="$STEWARD_DATA/secrets/keycloak-client-secret"
READY_URL="http://127.0.0.1:$PORT/realms/$REALM/.well-known/openid-configuration"
START_TIMEOUT=180
STOP_TIMEOUT="${STEWARD_STOP_GRACE_SECONDS:-30}"
[[ "$STOP_TIMEOUT" =~ ^[0-9]+$ ]] || { echo "keycloak: ERROR: STEWARD_STOP_GRACE_SECONDS must be a number" >&2; exit 2; }

log() { echo "keycloak: $*"; }
die() { echo "keycloak: ERROR: $*" >&2; exit 1; }

usage() {
    echo "usage: $0 start|stop|status|run" >&2
    exit 2
}

# ---------------------------------------------------------------- Java >= 21

# Prints the major version of the given java binary (e.g. 17, 21, 25), or nothing.
java_major() {
    local java="$1" spec
    [[ -x "$java" ]] || return 0
    spec="$("$java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^[[:space:]]*java\.specification\.version = //p' | head -n1)" || true
    spec="${spec#1.}"          # 1.8 -> 8
    spec="${spec%%.*}"
    [[ "$spec" =~ ^[0-9]+$ ]] && echo "$spec"
    return 0
}

find_java_home() {
    local candidate major best="" best_major=0
    if [[ -n "${STEWARD_KEYCLOAK_JAVA_HOME:-}" ]]; then
        major="$(java_major "$STEWARD_KEYCLOAK_JAVA_HOME/bin/java")"
        [[ -n "$major" && "$major" -ge 21 ]] \
            || die "STEWARD_KEYCLOAK_JAVA_HOME=$STEWARD_KEYCLOAK_JAVA_HOME is not a JDK >= 21"
        echo "$STEWARD_KEYCLOAK_JAVA_HOME"
        return 0
    fi
    if [[ -n "${JAVA_HOME:-}" ]]; then
        major="$(java_major "$JAVA_HOME/bin/java")"
        if [[ -n "$major" && "$major" -ge 21 ]]; then
            echo "$JAVA_HOME"
            return 0
        fi
    fi
    shopt -s nullglob
    for candidate in /usr/lib/jvm/*; do
        major="$(java_major "$candidate/bin/java")"
        if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
            best="$candidate"
            best_major="$major"
        fi
    done
    shopt -u nullglob
    [[ -n "$best" ]] || die "no JDK >= 21 found (Keycloak $KEYCLOAK_VERSION needs one); set STEWARD_KEYCLOAK_JAVA_HOME"
    echo "$best"
}

# ---------------------------------------------------------------- distribution

maven_local_repo() {
    local repo=""
    if command -v mvn >/dev/null 2>&1; then
        repo="$(mvn help:evaluate -Dexpression=settings.localRepository -q -DforceStdout 2>/dev/null || true)"
    fi
    if [[ -z "$repo" || ! -d "$repo" ]]; then
        repo="$HOME/.m2/repository"
    fi
    echo "$repo"
}

ensure_dist() {
    [[ -x "$KC_SH" ]] && return 0
    local repo zip
    repo="$(maven_local_repo)"
    zip="$repo/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    if [[ ! -f "$zip" ]]; then
        command -v mvn >/dev/null 2>&1 || die "Maven is needed to download Keycloak ($zip missing)"
        log "downloading Keycloak $KEYCLOAK_VERSION via Maven"
        mvn -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -Dtransitive=false
        [[ -f "$zip" ]] || die "Keycloak distribution not found at $zip after download"
    fi
    log "unpacking $zip into $KC_BASE"
    mkdir -p "$KC_BASE"
    rm -rf "$DIST"
    unzip -q "$zip" -d "$KC_BASE"
    [[ -x "$KC_SH" ]] || die "unexpected archive layout: $KC_SH missing"
}

# ---------------------------------------------------------------- secret

ensure_client_secret() {
    if [[ -z "${STEWARD_KEYCLOAK_CLIENT_SECRET:-}" ]]; then
        if [[ ! -s "$SECRET_FILE" ]]; then
            mkdir -p "$(dirname "$SECRET_FILE")"
            chmod 700 "$(dirname "$SECRET_FILE")"
            local secret
            if command -v openssl >/dev/null 2>&1; then
                secret="$(openssl rand -hex 24)"
            else
                secret="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
            fi
            (umask 077 && printf '%s\n' "$secret" > "$SECRET_FILE")
            chmod 600 "$SECRET_FILE"
            log "generated steward-app client secret in $SECRET_FILE"
        fi
        STEWARD_KEYCLOAK_CLIENT_SECRET="$(tr -d '[:space:]' < "$SECRET_FILE")"
        [[ -n "$STEWARD_KEYCLOAK_CLIENT_SECRET" ]] || die "$SECRET_FILE is empty"
    fi
    # The realm import resolves "${STEWARD_KEYCLOAK_CLIENT_SECRET}" from the environment.
    export STEWARD_KEYCLOAK_CLIENT_SECRET
}

# ---------------------------------------------------------------- process handling

# Pid from the pid file if that process is alive and is our Keycloak, else nothing.
running_pid() {
    [[ -f "$PID_FILE" ]] || return 0
    local pid
    pid="$(tr -dc '0-9' < "$PID_FILE")"
    [[ -n "$pid" ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    # Guard against pid reuse: the process must belong to this distribution.
    if [[ -r "/proc/$pid/cmdline" ]] && ! tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$DIST"; then
        return 0
    fi
    echo "$pid"
}

# Every process of this distribution (kc.sh and its JVM), found by its command line: a lost pid
# file or a process that left the group must not let `stop` say "stopped" while it runs.
dist_pids() { pids_with_arg --containing "$DIST/"; }

realm_ready() {
    local code
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$READY_URL" 2>/dev/null || true)"
    [[ "$code" == "200" ]]
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

check_ports_free() {
    local p
    for p in "$PORT" "$TX_PORT"; do
        if port_in_use "$p"; then
            die "port $p is already in use by another process (not a Keycloak started by this script)"
        fi
    done
}

prepare() {
    [[ -f "$REALM_FILE" ]] || die "realm file $REALM_FILE missing"
    ensure_dist
    ensure_client_secret
    JAVA_HOME="$(find_java_home)"
    export JAVA_HOME
    export PATH="$JAVA_HOME/bin:$PATH"
    # Small heap; kc.sh puts this after its default JVM options.
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
    # On Java >= 24 jboss-threads needs java.lang opened (else IllegalAccessError in its worker
    # threads, e.g. on shutdown); harmless on Java 21.
    export JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:+$JAVA_OPTS_APPEND }--add-opens=java.base/java.lang=ALL-UNNAMED"
    mkdir -p "$DIST/data/import" "$LOG_DIR" "$RUN_DIR"
    cp "$REALM_FILE" "$DIST/data/import/realm-steward.json"
    KC_ARGS=(start-dev
        "-DCoreEnvironmentBean.socketProcessIdPort=$TX_PORT"
        "--http-port=$PORT"
        # Fixed frontend URL: the issuer is always http://localhost:$PORT/realms/steward,
        # whether clients connect via localhost or 127.0.0.1.
        "--hostname=http://localhost:$PORT"
        --import-realm)
}

wait_ready() {
    local pid="$1" start="$2" now
    while :; do
        if realm_ready; then
            now="$(date +%s)"
            log "Keycloak ready in $((now - start))s (http://localhost:$PORT/realms/$REALM)"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "keycloak: ERROR: Keycloak exited during startup; last log lines ($LOG_FILE):" >&2
            tail -n 60 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            exit 1
        fi
        now="$(date +%s)"
        if (( now - start >= START_TIMEOUT )); then
            echo "keycloak: ERROR: realm $REALM not ready after ${START_TIMEOUT}s; last log lines ($LOG_FILE):" >&2
            tail -n 60 "$LOG_FILE" >&2 || true
            echo "keycloak: the process (pid $pid) was left running; '$0 stop' stops it" >&2
            exit 1
        fi
        sleep 1
    done
}

cmd_start() {
    local pid start
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        if realm_ready; then
            log "already running (pid $pid) on port $PORT"
            return 0
        fi
        log "already starting (pid $pid); waiting for it"
        wait_ready "$pid" "$(date +%s)"
        return 0
    fi
    rm -f "$PID_FILE"
    check_ports_free
    prepare
    start="$(date +%s)"
    log "starting Keycloak $KEYCLOAK_VERSION on port $PORT (java: $JAVA_HOME, log: $LOG_FILE)"
    # setsid: own session and process group, so it survives the calling shell and `stop`
    # can signal the whole tree (kc.sh and its java child) via the process group.
    # The inner shell writes its own pid (= session/group leader) and then execs kc.sh.
    setsid nohup bash -c 'echo $$ > "$1"; shift; exec "$@"' keycloak-launcher \
        "$PID_FILE" "$KC_SH" "${KC_ARGS[@]}" >>"$LOG_FILE" 2>&1 </dev/null &
    local i
    for i in $(seq 1 50); do
        [[ -s "$PID_FILE" ]] && break
        sleep 0.1
    done
    pid="$(tr -dc '0-9' < "$PID_FILE" 2>/dev/null || true)"
    [[ -n "$pid" ]] || die "could not determine Keycloak pid; see $LOG_FILE"
    wait_ready "$pid" "$start"
}

cmd_run() {
    local pid
    pid="$(running_pid)"
    [[ -z "$pid" ]] || die "already running in the background (pid $pid); use '$0 stop' first"
    check_ports_free
    prepare
    echo $$ > "$PID_FILE"
    log "running Keycloak $KEYCLOAK_VERSION in the foreground on port $PORT (java: $JAVA_HOME)"
    exec "$KC_SH" "${KC_ARGS[@]}"
}

cmd_stop() {
    local pid i others
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        log "stopping Keycloak (pid $pid)"
        # Signal the whole process group if the pid leads one (started via `start`), else the pid.
        local target="$pid"
        if [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]]; then
            target="-$pid"
        fi
        kill -TERM -- "$target" 2>/dev/null || true
        for ((i = 0; i < STOP_TIMEOUT * 2; i++)); do
            kill -0 -- "$target" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 -- "$target" 2>/dev/null; then
            log "still running after ${STOP_TIMEOUT}s, killing"
            kill -KILL -- "$target" 2>/dev/null || true
            wait_gone 10 "$pid" || true
        fi
    fi
    # What is left of this distribution (not found through the pid file, or outside the group) is
    # ended by pid.
    mapfile -t others < <(dist_pids)
    kill_pids "processes of $DIST" "${others[@]}" || true
    mapfile -t others < <(dist_pids)
    if ((${#others[@]})); then
        echo "keycloak: ERROR: Keycloak could not be stopped; still running: pid ${others[*]}" >&2
        exit 1
    fi
    rm -f "$PID_FILE"
    if [[ -n "$pid" ]]; then log "stopped"; else log "not running"; fi
}

cmd_status() {
    local pid
    pid="$(running_pid)"
    if [[ -n "$pid" ]]; then
        if realm_ready; then
            echo "running (pid $pid, http://localhost:$PORT/realms/$REALM)"
        else
            echo "running (pid $pid, starting or realm not available)"
        fi
        return 0
    fi
    local others
    others="$(dist_pids | tr '\n' ' ')"
    if [[ -n "$others" ]]; then
        echo "running (pid ${others% }, without a pid file)"
        return 0
    fi
    echo "stopped"
    return 3
}

case "${1:-}" in
    start)  cmd_start ;;
    stop)   cmd_stop ;;
    status) cmd_status || exit $? ;;
    run)    cmd_run ;;
    *)      usage ;;
esac
