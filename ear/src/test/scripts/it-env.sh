#!/usr/bin/env bash
# The integration-test environment, driven by the ear module's build (see ear/pom.xml):
#   start       Keycloak + Payara domain with the freshly built EAR on H2 and the Lucene index
#               (fresh data directory)
#   postgresql  point the same domain at a fresh PostgreSQL database and a fresh OpenSearch node as
#               its search index, the production shape, and redeploy
#   crash-server  kill Payara (kill -9) and wait until the supervisor of `steward up --detach` has
#               started it again and Steward is ready
#   rotate-master-key  restart Payara with a new master key, the old one kept as previous
#   restart     start whatever is not running (Keycloak, Payara, the supervisor) again, on the same
#               database and search index, with the test settings (after `steward down`)
#   stop        stop the supervisor, Keycloak, Payara and OpenSearch; fails if one still runs
#   break-db / restore-db   make the database unreachable and back (readiness test)
#   pause-keycloak / resume-keycloak   freeze Keycloak's process and let it go on (readiness test)
#   hold-approvals POINT   approvals reaching POINT (decided, applying) wait there until
#               release-approvals or crash-server (ApprovalCrashIT)
#   await-approval-hold    wait until an approval is held
#   release-approvals      let held approvals go on
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$0")/../../../.." && pwd)"
. "$HOME_DIR/config/lib.sh"
PG_URL="${STEWARD_IT_POSTGRESQL_URL:-jdbc:postgresql://127.0.0.1:5432/steward_it}"
PG_DB="${PG_URL##*/}"
PG_HOSTPORT="${PG_URL#jdbc:postgresql://}"; PG_HOSTPORT="${PG_HOSTPORT%%/*}"
OPENSEARCH="$(dirname "$0")/opensearch.sh"
# The search cluster's URL while the PostgreSQL run uses one (empty on H2: the Lucene index).
SEARCH_URL_FILE="$STEWARD_DATA/run/it-search-url"
# While this file exists and names a point, approvals reaching it wait there; the server writes
# "$HOLD_FILE.held" when one does (see ApprovalFaultHold).
HOLD_FILE="$STEWARD_DATA/run/hold-approvals"

# What the test environment's processes are started with: a Keycloak master-realm administrator
# for tests only (ExpiredTokenIT adds a client with it), traces exported over OTLP to where
# ObservabilityIT listens, knowledge pages fetchable from the tests' own web server on loopback
# (with a short timeout for the slow-page test), knowledge limits low enough for
# KnowledgeQuotaIT to reach, the hosted model pointed at the tests' scripted
# OpenAI-compatible server (with a short timeout for the stalled-model test and short pauses
# between retries), workspace providers allowed to reach that server's port on loopback and
# nothing else there (ProviderAddressIT), and per-workspace rate limits below twice the
# per-person ones, so that two people of one workspace reach them in RateLimitIT, yet far above
# the suite's own traffic, and approvals held at a point on request (ApprovalCrashIT).
SETTINGS=(
  KC_BOOTSTRAP_ADMIN_USERNAME=it-admin KC_BOOTSTRAP_ADMIN_PASSWORD=it-admin
  OTEL_TRACES_EXPORTER=otlp OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
  OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:${STEWARD_IT_OTLP_PORT:-9099}" OTEL_BSP_SCHEDULE_DELAY=500
  STEWARD_KNOWLEDGE_URL_ALLOWED_HOSTS=127.0.0.1 STEWARD_KNOWLEDGE_URL_TIMEOUT_SECONDS=3
  STEWARD_KNOWLEDGE_MAX_DOCUMENTS=40 STEWARD_KNOWLEDGE_MAX_CHUNKS=300
  STEWARD_MODEL_BASE_URL="http://127.0.0.1:${STEWARD_IT_MODEL_PORT:-9098}/v1"
  STEWARD_MODEL_NAME=scripted-model STEWARD_MODEL_API_KEY=it-key STEWARD_MODEL_TIMEOUT_SECONDS=4
  STEWARD_MODEL_RETRY_BASE_MILLIS=100
  STEWARD_PROVIDER_URL_ALLOWED_HOSTS="127.0.0.1:${STEWARD_IT_MODEL_PORT:-9098}"
  STEWARD_RATE_LIMIT_WORKSPACE_REQUESTS_PER_MINUTE=1500 STEWARD_RATE_LIMIT_WORKSPACE_RUNS_PER_MINUTE=100
  STEWARD_FAULTS_HOLD_APPROVALS="$HOLD_FILE"
)

case "${1:-}" in
  start)
    "$HOME_DIR/steward" down >/dev/null 2>&1 || true
    "$OPENSEARCH" stop
    rm -rf "$STEWARD_DATA"
    env "${SETTINGS[@]}" "$HOME_DIR/steward" up --detach ;;
  postgresql)
    psql -h "${PG_HOSTPORT%%:*}" -p "${PG_HOSTPORT##*:}" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -c "drop database if exists $PG_DB with (force)" -c "create database $PG_DB"
    # A fresh server process for the second database: nothing of the first run (open feeds,
    # background jobs, pooled connections) carries over into the switch. The application is
    # undeployed first, so the restarted server does not load it while it is deployed again.
    "$HOME_DIR/config/payara.sh" asadmin undeploy steward >/dev/null || true
    "$HOME_DIR/config/payara.sh" stop
    # The search index belongs to the database it was built from: the Lucene index goes, and the
    # PostgreSQL run indexes into an empty OpenSearch node.
    rm -rf "$STEWARD_DATA/index"
    rm -f "$STEWARD_DATA/run/deployed-ear.sha256"
    "$OPENSEARCH" start > "$SEARCH_URL_FILE"
    env "${SETTINGS[@]}" STEWARD_DB_URL="$PG_URL" STEWARD_DB_USER=postgres \
      STEWARD_SEARCH_URL="$(cat "$SEARCH_URL_FILE")" "$HOME_DIR/steward" up --detach ;;
  break-db)
    case "$(cat "$STEWARD_DATA/run/db-url")" in
      jdbc:postgresql:*) broken=jdbc:postgresql://127.0.0.1:1/unreachable ;;
      *) broken=jdbc:h2:tcp://127.0.0.1:1/unreachable ;;
    esac
    "$HOME_DIR/config/payara.sh" asadmin set "resources.jdbc-connection-pool.StewardPool.property.URL=$broken" >/dev/null
    "$HOME_DIR/config/payara.sh" asadmin flush-connection-pool StewardPool >/dev/null ;;
  restore-db)
    url=$(cat "$STEWARD_DATA/run/db-url")
    "$HOME_DIR/config/payara.sh" asadmin set "resources.jdbc-connection-pool.StewardPool.property.URL=$url" >/dev/null
    "$HOME_DIR/config/payara.sh" asadmin flush-connection-pool StewardPool >/dev/null ;;
  pause-keycloak|resume-keycloak)
    # Keycloak stops answering without closing its port, as a hung server does (ReadinessIT).
    signal=STOP; [ "$1" = resume-keycloak ] && signal=CONT
    pkill "-$signal" -f "$STEWARD_DATA/keycloak/keycloak-" ;;
  crash-server)
    # RunRecoveryIT (runs cut off by a crash) and SelfHealingIT: the supervisor, not the test,
    # brings the server back.
    pid=$(payara_pid)
    [ -n "$pid" ] || { echo "crash-server: Payara is not running" >&2; exit 1; }
    kill -9 "$pid"
    wait_gone 30 "$pid" || { echo "crash-server: Payara (pid $pid) survived kill -9" >&2; exit 1; }
    # The server comes back without a fault hold: it finishes what the crash cut off.
    rm -f "$HOLD_FILE" "$HOLD_FILE.held"
    deadline=$((SECONDS + 300))
    until new=$(payara_pid) && [ -n "$new" ] && [ "$new" != "$pid" ] \
        && curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$STEWARD_HTTP_PORT/health/ready"; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        echo "crash-server: the supervisor did not bring Payara back within 300s; its log:" >&2
        tail -n 30 "$STEWARD_DATA/logs/supervisor.log" >&2 || true
        exit 1
      fi
      sleep 1
    done
    echo "crash-server: Payara back (pid $new) and ready" ;;
  rotate-master-key|restart)
    # Starts Payara again on the database and search index it used, with the test settings:
    # rotate-master-key stops it first and starts it with a new master key, the old one kept as
    # previous (SecretRotationIT). `steward up` replaces the supervisor, so the new settings are
    # also what it restarts Payara with; `config/payara.sh stop` marks the stop as deliberate, so
    # the old supervisor does not start Payara meanwhile. H2 runs as "sa", the test PostgreSQL as
    # "postgres".
    url=$(cat "$STEWARD_DATA/run/db-url")
    case "$url" in jdbc:postgresql:*) user=postgres ;; *) user=sa ;; esac
    extra=()
    if [ "$1" = rotate-master-key ]; then
      extra=(STEWARD_SECRETS_PREVIOUS_MASTER_KEYS="$(cat "$STEWARD_DATA/secrets/master-key")")
      "$HOME_DIR/config/payara.sh" stop
      rm -f "$STEWARD_DATA/secrets/master-key"
    fi
    env "${SETTINGS[@]}" "${extra[@]}" STEWARD_DB_URL="$url" STEWARD_DB_USER="$user" \
      STEWARD_SEARCH_URL="$(cat "$SEARCH_URL_FILE" 2>/dev/null || true)" \
      "$HOME_DIR/steward" up --detach ;;
  hold-approvals)
    case "${2:-}" in decided|applying) ;; *) echo "hold-approvals: decided or applying" >&2; exit 2 ;; esac
    rm -f "$HOLD_FILE.held"
    printf '%s\n' "$2" > "$HOLD_FILE" ;;
  await-approval-hold)
    deadline=$((SECONDS + 60))
    until [ -f "$HOLD_FILE.held" ]; do
      [ "$SECONDS" -lt "$deadline" ] || { echo "await-approval-hold: no approval held within 60s" >&2; exit 1; }
      sleep 0.2
    done ;;
  release-approvals)
    rm -f "$HOLD_FILE" "$HOLD_FILE.held" ;;
  stop)
    rc=0
    "$HOME_DIR/steward" down || rc=$?
    "$OPENSEARCH" stop || rc=$?
    exit "$rc" ;;
  *) echo "usage: $0 start|postgresql|crash-server|rotate-master-key|restart|stop|break-db|restore-db|pause-keycloak|resume-keycloak|hold-approvals|await-approval-hold|release-approvals" >&2; exit 2 ;;
esac
