# Shared helpers for Steward's scripts (sourced, not executed).

STEWARD_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=versions.env
. "$STEWARD_HOME/config/versions.env"
# shellcheck source=processes.sh
. "$STEWARD_HOME/config/processes.sh"

STEWARD_DATA="${STEWARD_DATA:-$STEWARD_HOME/data}"
mkdir -p "$STEWARD_DATA"
STEWARD_DATA="$(cd "$STEWARD_DATA" && pwd)"
STEWARD_HTTP_PORT="${STEWARD_HTTP_PORT:-8080}"
STEWARD_ADMIN_PORT="${STEWARD_ADMIN_PORT:-4848}"
STEWARD_KEYCLOAK_PORT="${STEWARD_KEYCLOAK_PORT:-8180}"
export STEWARD_DATA STEWARD_HTTP_PORT STEWARD_ADMIN_PORT STEWARD_KEYCLOAK_PORT

log() { printf '%s %s\n' "[steward]" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Path of an artifact in the local Maven repository, downloading it from Maven Central if absent.
maven_artifact() { # groupId artifactId version packaging
  local group=$1 artifact=$2 version=$3 packaging=$4
  local repo="${STEWARD_MAVEN_REPO:-$HOME/.m2/repository}"
  local file="$repo/${group//.//}/$artifact/$version/$artifact-$version.$packaging"
  if [ ! -f "$file" ]; then
    log "fetching $group:$artifact:$version:$packaging through Maven"
    mvn -q -B dependency:get -Dartifact="$group:$artifact:$version:$packaging" -Dtransitive=false >&2 \
      || die "could not fetch $group:$artifact:$version"
  fi
  [ -f "$file" ] || die "artifact not found at $file (set STEWARD_MAVEN_REPO if your local repository is elsewhere)"
  printf '%s\n' "$file"
}

# The JDK Payara Server runs on (17): STEWARD_PAYARA_JAVA_HOME, else JAVA_HOME, else the java on
# the PATH.
payara_java_home() {
  if [ -n "${STEWARD_PAYARA_JAVA_HOME:-}" ]; then printf '%s\n' "$STEWARD_PAYARA_JAVA_HOME"; return; fi
  if [ -n "${JAVA_HOME:-}" ]; then printf '%s\n' "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

# A secret kept under the data directory, generated on first use; never printed.
data_secret() { # name
  local file="$STEWARD_DATA/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$STEWARD_DATA/secrets" && chmod 700 "$STEWARD_DATA/secrets"
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
  fi
  cat "$file"
}

# Wait until a URL answers with one of the accepted HTTP statuses.
wait_for_http() { # url timeout-seconds [accepted-status-regex]
  local url=$1 timeout=$2 accepted=${3:-200} waited=0 status
  while [ "$waited" -lt "$timeout" ]; do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    if [[ "$status" =~ ^($accepted)$ ]]; then return 0; fi
    sleep 1; waited=$((waited + 1))
  done
  return 1
}

# The Payara domain's process, as the supervisor and `./steward down` see it.
PAYARA_DOMAIN_ROOT="$STEWARD_DATA/payara/domains/steward"
PAYARA_PID_FILE="$PAYARA_DOMAIN_ROOT/config/pid"
STEWARD_STOP_GRACE_SECONDS="${STEWARD_STOP_GRACE_SECONDS:-30}"

# Timestamped lines for logs that outlive a terminal (the supervisor's).
tlog() { printf '%s %s\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$*" >&2; }

# The running Payara server of this data directory: the pid in the domain's pid file when that
# process is alive and is this domain's server, else whatever server JVM runs this domain.
payara_pid() {
  local pid
  pid=$(tr -dc '0-9' 2>/dev/null < "$PAYARA_PID_FILE" || true)
  if [ -n "$pid" ] && tr '\0' '\n' 2>/dev/null < "/proc/$pid/cmdline" \
      | grep -qxF -e "-Dcom.sun.aas.instanceRoot=$PAYARA_DOMAIN_ROOT"; then
    printf '%s\n' "$pid"; return 0
  fi
  pids_with_arg "-Dcom.sun.aas.instanceRoot=$PAYARA_DOMAIN_ROOT" | head -n 1
}
