#!/usr/bin/env bash
# Deploy time of Steward EARs on a running Steward installation: deploys each EAR in turn
# (alternating, RUNS times each) and measures the deploy, the wait until /health/ready, the first
# knowledge search after it (which loads the embedding model) and a second one, and the resident
# memory of the Payara process after them.
#   bench/knowledge/deploy-times.sh RUNS EAR...
# Reads the installation from the same environment as ./steward (STEWARD_DATA, STEWARD_HTTP_PORT,
# STEWARD_ADMIN_PORT, STEWARD_KEYCLOAK_PORT); redeploys the first EAR given at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:?RUNS}; shift
[ $# -ge 1 ] || { echo "usage: $0 RUNS EAR..." >&2; exit 2; }
HTTP="http://127.0.0.1:${STEWARD_HTTP_PORT:-8080}"
KEYCLOAK="http://127.0.0.1:${STEWARD_KEYCLOAK_PORT:-8180}"
PID_FILE="${STEWARD_DATA:-./data}/payara/domains/steward/config/pid"
ACME=a0000000-0000-4000-8000-000000000001

ms() { date +%s%3N; }

token() {
  curl -s -d grant_type=password -d client_id=steward-cli -d username=alice -d password=steward \
    "$KEYCLOAK/realms/steward/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

search() { # prints the time of one VECTOR search in ms; fails unless it answers without errors
  local start body
  start=$(ms)
  body=$(curl -s --max-time 120 "$HTTP/graphql" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"query\":\"{ searchKnowledge(workspaceId: \\\"$ACME\\\", query: \\\"refund policy\\\", mode: VECTOR) { totalCount } }\"}")
  case "$body" in *'"errors"'*|'') echo "search failed: $body" >&2; return 1 ;; esac
  echo $(( $(ms) - start ))
}

printf '%-24s %4s %10s %10s %14s %15s %12s\n' ear run deploy_ms ready_ms first_search_ms second_search_ms rss_mb
for run in $(seq 1 "$RUNS"); do
  ears=("$@")
  if (( run % 2 == 0 )); then # every other run in reverse order
    reversed=(); for (( i=${#ears[@]}-1; i>=0; i-- )); do reversed+=("${ears[i]}"); done; ears=("${reversed[@]}")
  fi
  for ear in "${ears[@]}"; do
    start=$(ms)
    config/payara.sh asadmin deploy --force=true --name steward "$ear" >/dev/null 2>&1
    deployed=$(ms)
    until curl -sf -o /dev/null --max-time 5 "$HTTP/health/ready"; do sleep 0.2; done
    ready=$(ms)
    TOKEN=$(token)
    first=$(search); second=$(search)
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$(cat "$PID_FILE")/status")
    printf '%-24s %4d %10d %10d %14d %15d %12d\n' "$(basename "$ear")" "$run" \
      $((deployed - start)) $((ready - deployed)) "$first" "$second" "$rss"
  done
done
config/payara.sh asadmin deploy --force=true --name steward "$1" >/dev/null 2>&1
echo "redeployed $(basename "$1")"
