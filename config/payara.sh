#!/usr/bin/env bash
# Runs Steward's Payara Server domain: fetch the distribution through Maven, create and set up a
# domain under $STEWARD_DATA, point its connection pool at H2 or PostgreSQL, deploy the EAR.
# Usage: config/payara.sh start|stop|status|pid|deploy EAR|configure-db|asadmin ARGS...
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DOMAIN=steward
PAYARA_DIR="$STEWARD_DATA/payara/payara6"
DOMAIN_DIR="$STEWARD_DATA/payara/domains"
ADMIN_PASSWORD_FILE="$STEWARD_DATA/secrets/payara-admin-passwordfile"
# Every other port the domain opens is the HTTP port plus 20001..20010, so changing the HTTP port
# moves them all and two Steward installations with different HTTP ports never collide.
EXTRA_PORT_BASE=$((STEWARD_HTTP_PORT + 20000))
RUN_DIR="$STEWARD_DATA/run"
# Held while the domain starts or stops, so that the supervisor, `./steward up` and `./steward
# down` never start and stop the domain at the same time.
LOCK_FILE="$RUN_DIR/payara.lock"
# Written by `stop` (a deliberate stop): the supervisor does not start the domain again then.
STOPPED_MARKER="$RUN_DIR/payara.stopped"
# Set by the configure_* steps when a changed JVM option needs a restart to take effect.
RESTART_NEEDED=false
# While a new domain is set up: it stops at the end of that anyway.
CREATING=false

# asadmin for commands on the domain directory (create, start, stop) ...
asadmin_local() {
  AS_JAVA="$(payara_java_home)" "$PAYARA_DIR/bin/asadmin" --user admin \
    --passwordfile "$ADMIN_PASSWORD_FILE" --interactive=false "$@"
}

# ... and for commands to the running domain through its admin port.
asadmin() {
  asadmin_local --port "$STEWARD_ADMIN_PORT" "$@"
}

fetch() {
  [ -x "$PAYARA_DIR/bin/asadmin" ] && return 0
  local zip
  zip=$(maven_artifact fish.payara.distributions payara "$PAYARA_VERSION" zip)
  log "unpacking Payara Server $PAYARA_VERSION"
  mkdir -p "$STEWARD_DATA/payara"
  unzip -q -o "$zip" -d "$STEWARD_DATA/payara"
}

# The admin password protects the admin console; the embedded default runs with an empty one on
# loopback only. Set STEWARD_ADMIN_PASSWORD before the first start to create a protected domain.
write_password_file() {
  mkdir -p "$STEWARD_DATA/secrets" && chmod 700 "$STEWARD_DATA/secrets"
  (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "${STEWARD_ADMIN_PASSWORD:-}" > "$ADMIN_PASSWORD_FILE")
}

create_domain() {
  [ -d "$DOMAIN_DIR/$DOMAIN" ] && return 0
  write_password_file
  CREATING=true
  local p=$EXTRA_PORT_BASE
  log "creating Payara domain '$DOMAIN' (http $STEWARD_HTTP_PORT, admin $STEWARD_ADMIN_PORT, others $((p+1))-$((p+10)))"
  local props="http.ssl.port=$((p+1)):orb.listener.port=$((p+2)):orb.ssl.port=$((p+3))"
  props="$props:orb.mutualauth.port=$((p+4)):domain.jmxPort=$((p+5)):jms.port=$((p+6))"
  props="$props:osgi.shell.telnet.port=$((p+7)):java.debugger.port=$((p+8))"
  local nopassword=()
  [ -z "${STEWARD_ADMIN_PASSWORD:-}" ] && nopassword=(--nopassword)
  asadmin_local create-domain "${nopassword[@]}" --domaindir "$DOMAIN_DIR" \
    --adminport "$STEWARD_ADMIN_PORT" --instanceport "$STEWARD_HTTP_PORT" --domainproperties "$props" \
    --checkports=true "$DOMAIN" >&2
  install_native_libraries
  start_server
  local driver
  driver=$(maven_artifact org.postgresql postgresql "$POSTGRESQL_DRIVER_VERSION" jar)
  asadmin add-library --type common "$driver" >&2
  asadmin delete-jvm-options '-Xmx512m' >&2
  asadmin create-jvm-options '-Xmx1536m' >&2
  asadmin create-jvm-options "-Dsteward.data=$STEWARD_DATA" >&2
  configure_jvm
  configure_search
  configure_threads
  # Access tokens carry the person's workspace memberships, so people in many workspaces send
  # long Authorization headers; the default 8 KB header buffer would refuse them.
  asadmin set "configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.header-buffer-length-bytes=65536" >&2
  # Each executing agent run (and knowledge ingestion) holds an EJB asynchronous thread while it
  # waits for its model; the default pool runs only 16 at once and queues the rest.
  asadmin set configs.config.server-config.ejb-container.property.thread-core-pool-size=128 \
    configs.config.server-config.ejb-container.property.thread-max-pool-size=128 \
    configs.config.server-config.ejb-container.property.allow-core-thread-timeout=true >&2
  asadmin set-hazelcast-configuration --dasport $((p+9)) --startport $((p+10)) >&2
  asadmin set-log-attributes \
    'com.sun.enterprise.server.logging.GFFileHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter' >&2
  if [ -n "${STEWARD_ADMIN_PASSWORD:-}" ]; then asadmin enable-secure-admin >&2; fi
  asadmin create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource \
    --restype javax.sql.DataSource --isconnectvalidatereq=true --validationmethod=auto-commit \
    --failconnection=true --steadypoolsize 2 --maxpoolsize 32 --maxwait 10000 \
    --property "URL=jdbc\\:h2\\:mem\\:placeholder" StewardPool >&2
  asadmin create-jdbc-resource --connectionpoolid StewardPool jdbc/steward >&2
  asadmin_local stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2
  # The next start runs with every option set above.
  RESTART_NEEDED=false
  CREATING=false
}

# Puts the embedding model's native-code libraries into the domain's common library directory
# (see versions.env); takes effect at the next start of the domain.
install_native_libraries() {
  local lib="$DOMAIN_DIR/$DOMAIN/lib" artifact jar
  mkdir -p "$lib"
  for artifact in "com.microsoft.onnxruntime onnxruntime $ONNXRUNTIME_VERSION" \
      "ai.djl api $DJL_VERSION" "ai.djl.huggingface tokenizers $DJL_VERSION" \
      "com.google.code.gson gson $GSON_VERSION" "net.java.dev.jna jna $JNA_VERSION" \
      "org.slf4j slf4j-api $SLF4J_VERSION" "org.slf4j slf4j-jdk14 $SLF4J_VERSION"; do
    # shellcheck disable=SC2086
    jar=$(maven_artifact $artifact jar)
    [ -f "$lib/$(basename "$jar")" ] || cp "$jar" "$lib/"
  done
}

running() {
  curl -s -o /dev/null --max-time 3 "http://127.0.0.1:$STEWARD_ADMIN_PORT/" 2>/dev/null
}

start_server() {
  if running; then return 0; fi
  # A pid file left by a killed server names a process that is gone (or, later, another one).
  [ -n "$(payara_pid)" ] || rm -f "$PAYARA_PID_FILE"
  log "starting Payara domain '$DOMAIN'"
  local started=$SECONDS
  asadmin_local start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >&2
  log "Payara domain ready in $((SECONDS - started))s"
}

# Points jdbc/steward at the database named by STEWARD_DB_URL (default: the H2 file under the
# data directory). Reapplied on every start, so changing the variables switches the database.
configure_db() {
  local url=${STEWARD_DB_URL:-"jdbc:h2:$STEWARD_DATA/db/steward"}
  local user=${STEWARD_DB_USER:-sa} password=${STEWARD_DB_PASSWORD:-}
  local datasource=org.h2.jdbcx.JdbcDataSource
  case "$url" in
    jdbc:postgresql:*) datasource=org.postgresql.ds.PGSimpleDataSource ;;
    jdbc:h2:*) ;;
    *) die "STEWARD_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL" ;;
  esac
  local pool=resources.jdbc-connection-pool.StewardPool
  asadmin set "$pool.datasource-classname=$datasource" "$pool.property.URL=$url" \
    "$pool.property.User=$user" "$pool.property.Password=${password:-()}" >&2
  asadmin flush-connection-pool StewardPool >/dev/null 2>&1 || true
  mkdir -p "$STEWARD_DATA/run" && printf '%s\n' "$url" > "$STEWARD_DATA/run/db-url"
  log "database: ${url%%\?*}"
}

# The knowledge index: a Lucene directory under the data directory, or the Elasticsearch/OpenSearch
# cluster at STEWARD_SEARCH_URL (comma-separated URLs of its nodes). Hibernate Search reads these
# hibernate.* system properties at deployment. Reapplied on every start; a change restarts the
# domain once, so that the application starts on the other index. Other hibernate.search.backend
# options an administrator adds (a cluster's credentials) are left alone.
configure_search() {
  local wanted current option
  if [ -n "${STEWARD_SEARCH_URL:-}" ]; then
    # request_timeout bounds a whole request on the search client's own timer, so a call ends
    # even when the client's I/O thread is stuck (its read_timeout alone would not).
    wanted=$(printf '%s\n' "-Dhibernate.search.backend.type=elasticsearch" \
      "-Dhibernate.search.backend.uris=$STEWARD_SEARCH_URL" \
      "-Dhibernate.search.backend.request_timeout=60000" | sort)
  else
    wanted=$(printf '%s\n' "-Dhibernate.search.backend.type=lucene" \
      "-Dhibernate.search.backend.directory.root=$STEWARD_DATA/index" | sort)
  fi
  current=$(asadmin list-jvm-options \
    | grep -E '^-Dhibernate\.search\.backend\.(type|uris|directory\.root|request_timeout)=' | sort || true)
  if [ "$current" != "$wanted" ]; then
    # asadmin separates options with colons, so those inside one are escaped.
    while read -r option; do
      [ -z "$option" ] || asadmin delete-jvm-options "${option//:/\\:}" >&2
    done <<< "$current"
    while read -r option; do asadmin create-jvm-options "${option//:/\\:}" >&2; done <<< "$wanted"
    if [ -n "$current" ]; then
      log "the search index settings changed; Payara restarts"
      RESTART_NEEDED=true
    fi
  fi
  log "search index: ${STEWARD_SEARCH_URL:-Lucene in $STEWARD_DATA/index}"
}

# What keeps a server alive and diagnosable, on every start (also for domains created before):
# an OutOfMemoryError ends the JVM (a JVM that lives on after one is in an unknown state; the
# supervisor of ./steward starts a fresh one) after writing a heap dump to $STEWARD_DATA/dumps,
# and a JVM crash report goes to the logs directory. A running server that lacks one of them is
# restarted once.
configure_jvm() {
  local dumps="$STEWARD_DATA/dumps" wanted current option cmdline pid
  mkdir -p "$dumps" "$STEWARD_DATA/logs"
  prune_dumps "$dumps"
  wanted=$(printf '%s\n' -XX:+ExitOnOutOfMemoryError -XX:+HeapDumpOnOutOfMemoryError \
    "-XX:HeapDumpPath=$dumps" "-XX:ErrorFile=$STEWARD_DATA/logs/hs_err_pid%p.log" | sort)
  current=$(asadmin list-jvm-options | grep -E \
    '^-XX:([+-](ExitOnOutOfMemoryError|HeapDumpOnOutOfMemoryError)$|(HeapDumpPath|ErrorFile)=)' | sort || true)
  if [ "$current" != "$wanted" ]; then
    # asadmin separates options with colons, so those inside one are escaped.
    while read -r option; do
      [ -z "$option" ] || asadmin delete-jvm-options "${option//:/\\:}" >&2
    done <<< "$current"
    while read -r option; do asadmin create-jvm-options "${option//:/\\:}" >&2; done <<< "$wanted"
  fi
  pid=$(payara_pid)
  [ -n "$pid" ] && ! $CREATING || return 0
  cmdline=$(tr '\0' '\n' 2>/dev/null < "/proc/$pid/cmdline" || true)
  while read -r option; do
    if ! grep -qxF -e "$option" <<< "$cmdline"; then
      log "the server runs without $option; Payara restarts"
      RESTART_NEEDED=true
      return 0
    fi
  done <<< "$wanted"
}

# Heap dumps are as large as the heap; only the newest STEWARD_HEAP_DUMPS_KEEP (2) are kept.
prune_dumps() { # directory
  local keep=${STEWARD_HEAP_DUMPS_KEEP:-2} dump
  [[ "$keep" =~ ^[0-9]+$ ]] || die "STEWARD_HEAP_DUMPS_KEEP must be a number"
  # shellcheck disable=SC2012
  { ls -1t "$1"/*.hprof 2>/dev/null || true; } | tail -n "+$((keep + 1))" | while read -r dump; do
    log "removing old heap dump $dump"
    rm -f "$dump"
  done
}

# Worker threads of the HTTP listeners: each request holds one for as long as it runs, also while
# it waits on something remote (Keycloak, a model provider, a fetched web page, the database pool)
# or streams a response. Payara's default of 5 let a handful of such requests starve every other
# one, /health/live included. Threads that wait cost little (their stacks are reserved, not used),
# so the pool is sized for waiting, not for CPU: at most max(64, 32 x cores), STEWARD_HTTP_THREADS
# to override; 4 per core stay started. Applied at every start; Payara takes a changed pool only
# at its next start ("Unprocessed event" in the log), so a change restarts the domain once.
configure_threads() {
  local cores max min pool=configs.config.server-config.thread-pools.thread-pool.http-thread-pool
  cores=$(nproc 2>/dev/null || echo 2)
  max=${STEWARD_HTTP_THREADS:-$((32 * cores > 64 ? 32 * cores : 64))}
  [[ "$max" =~ ^[0-9]+$ ]] && [ "$max" -ge 8 ] || die "STEWARD_HTTP_THREADS must be a number of at least 8"
  min=$((4 * cores < max ? 4 * cores : max))
  if [ "$(asadmin get "$pool.*" | grep -E -e '-thread-pool-size=' | sort)" \
      != "$(printf '%s\n' "$pool.max-thread-pool-size=$max" "$pool.min-thread-pool-size=$min")" ]; then
    asadmin set "$pool.max-thread-pool-size=$max" "$pool.min-thread-pool-size=$min" >&2
    if ! $CREATING; then
      log "the HTTP thread pool changed; Payara restarts"
      RESTART_NEEDED=true
    fi
  fi
  log "HTTP worker threads: $min to $max"
}

restart_if_needed() {
  $RESTART_NEEDED || return 0
  log "restarting Payara for the changed settings"
  stop_server || die "Payara did not stop for its restart"
  start_server
  RESTART_NEEDED=false
}

# Stops the domain: asadmin stop-domain, bounded; a server still alive after
# STEWARD_STOP_GRACE_SECONDS (hung, or stopped with SIGSTOP) is killed by its pid. Fails only if
# a server process of this domain is still alive at the end.
stop_server() {
  local grace=$STEWARD_STOP_GRACE_SECONDS started=$SECONDS pids
  pids=$(pids_with_arg "-Dcom.sun.aas.instanceRoot=$PAYARA_DOMAIN_ROOT" | tr '\n' ' ')
  if [ -z "${pids// /}" ]; then
    running && log "something answers on admin port $STEWARD_ADMIN_PORT, but it is not the domain in $PAYARA_DOMAIN_ROOT"
    rm -f "$PAYARA_PID_FILE"
    log "Payara domain '$DOMAIN' is not running"
    return 0
  fi
  log "stopping Payara domain '$DOMAIN' (pid ${pids% })"
  timeout -k 5 "$grace" env AS_JAVA="$(payara_java_home)" "$PAYARA_DIR/bin/asadmin" --user admin \
      --passwordfile "$ADMIN_PASSWORD_FILE" --interactive=false stop-domain --domaindir "$DOMAIN_DIR" \
      "$DOMAIN" >&2 < /dev/null || log "asadmin stop-domain failed or did not finish within ${grace}s"
  # shellcheck disable=SC2086
  if ! wait_gone $((grace - (SECONDS - started))) $pids; then
    log "Payara did not stop within ${grace}s"
    # shellcheck disable=SC2086
    kill_pids "Payara" $pids || { log "error: Payara (pid ${pids% }) is still running"; return 1; }
  fi
  rm -f "$PAYARA_PID_FILE"
  log "Payara domain '$DOMAIN' stopped in $((SECONDS - started))s"
}

start() {
  rm -f "$STOPPED_MARKER"
  fetch; create_domain; install_native_libraries; start_server
  configure_jvm; configure_search; configure_threads; configure_db
  restart_if_needed
}

stop() {
  mkdir -p "$RUN_DIR" && : > "$STOPPED_MARKER"
  stop_server
}

# Runs this script's command under the start/stop lock (flock -o: the lock is not inherited by the
# server JVM the command starts). A stop that waited long enough for a start goes ahead anyway.
locked() { # wait-seconds command
  local rc=0
  mkdir -p "$RUN_DIR"
  flock -o -E 75 -w "$1" "$LOCK_FILE" "$0" "$2" || rc=$?
  if [ "$rc" -eq 75 ]; then
    [ "$2" = _stop ] || die "another start or stop of the domain still runs after $1s"
    log "a start of the domain still runs after $1s; stopping anyway"
    rc=0; stop || rc=$?
  fi
  return "$rc"
}

deploy() { # ear
  local ear=$1 started=$SECONDS
  [ -f "$ear" ] || die "no EAR at $ear (build it with: mvn -q package -DskipTests)"
  log "deploying $(basename "$ear") ($(du -h "$ear" | cut -f1))"
  asadmin deploy --force=true --name steward "$ear" >&2
  log "EAR deployed in $((SECONDS - started))s"
}

case "${1:-}" in
  start) locked 900 _start ;;
  _start) start ;;
  stop) if [ -d "$DOMAIN_DIR/$DOMAIN" ]; then locked 120 _stop; fi ;;
  _stop) stop ;;
  status)
    pid=$(payara_pid)
    if [ -n "$pid" ]; then echo "payara: running (pid $pid, admin port $STEWARD_ADMIN_PORT)"; exit 0; fi
    echo "payara: stopped"; exit 3 ;;
  pid) payara_pid ;;
  deploy) deploy "${2:?EAR path}" ;;
  configure-db) configure_db ;;
  asadmin) shift; asadmin "$@" ;;
  *) echo "usage: $0 start|stop|status|pid|deploy EAR|configure-db|asadmin ARGS..." >&2; exit 2 ;;
esac
