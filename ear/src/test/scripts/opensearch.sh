#!/usr/bin/env bash
# A real single-node OpenSearch cluster for the integration tests' PostgreSQL run, which uses the
# Elasticsearch/OpenSearch search backend as a clustered installation would (it-env.sh).
#   start   lay the node out under $STEWARD_DATA/opensearch, start it, wait until it answers
#   stop    stop it
# Everything comes from Maven Central (../opensearch/pom.xml): the server distribution with its
# HTTP transport, the k-NN plugin, and the modules of the full distribution the index needs, whose
# published jars lack the plugin descriptor written here. The k-NN plugin's Lucene engine needs no
# native code. OpenSearch refuses to run as root; as root it runs as nobody (65534).
set -euo pipefail
HOME_DIR="$(cd "$(dirname "$0")/../../../.." && pwd)"
. "$HOME_DIR/config/lib.sh"

PORT="${STEWARD_IT_SEARCH_PORT:-9250}"
BASE="$STEWARD_DATA/opensearch"
NODE="$BASE/home"
PID_FILE="$BASE/opensearch.pid"
V="$OPENSEARCH_VERSION"

# A module of the full distribution: its jars (those the server's lib/ lacks) and a descriptor.
module() { # name plugin-class extended-plugins description jar...
  local name=$1 class=$2 extended=$3 description=$4 dir="$NODE/modules/$1" jar
  shift 4
  mkdir -p "$dir"
  for jar in "$@"; do [ -e "$NODE/lib/$jar" ] || cp "$BASE/artifacts/$jar" "$dir/"; done
  cat > "$dir/plugin-descriptor.properties" <<PROPERTIES
description=$description
version=$V
name=$name
classname=$class
java.version=11
opensearch.version=$V
custom.foldername=
extended.plugins=$extended
has.native.controller=false
PROPERTIES
}

lay_out() {
  rm -rf "$BASE" && mkdir -p "$BASE/data" "$BASE/logs" "$BASE/tmp"
  mvn -q -B -f "$HOME_DIR/ear/src/test/opensearch/pom.xml" dependency:copy-dependencies \
    -Dopensearch.version="$V" -DoutputDirectory="$BASE/artifacts" >&2 \
    || die "could not fetch OpenSearch $V"
  unzip -q "$BASE/artifacts/opensearch-$V.zip" -d "$BASE"
  mv "$BASE/opensearch-$V" "$NODE"
  module lang-painless org.opensearch.painless.PainlessPlugin "" "Painless scripting" \
    "lang-painless-$V.jar" "opensearch-scripting-painless-spi-$V.jar" antlr4-runtime-4.13.1.jar \
    asm-9.7.jar asm-util-9.7.jar asm-tree-9.7.jar asm-commons-9.7.jar asm-analysis-9.7.jar
  printf 'grant {\n  permission java.lang.RuntimePermission "createClassLoader";\n  permission java.lang.RuntimePermission "getClassLoader";\n};\n' \
    > "$NODE/modules/lang-painless/plugin-security.policy"
  module analysis-common org.opensearch.analysis.common.CommonAnalysisPlugin lang-painless \
    "Common analysis components" "analysis-common-$V.jar"
  module mapper-extras org.opensearch.index.mapper.MapperExtrasPlugin "" "Extra field mappers" \
    "mapper-extras-client-$V.jar"
  module reindex org.opensearch.index.reindex.ReindexPlugin "" "Reindex and delete-by-query" \
    "reindex-client-$V.jar" "opensearch-rest-client-$V.jar" "opensearch-ssl-config-$V.jar" \
    httpclient-4.5.14.jar httpcore-4.4.16.jar httpasyncclient-4.1.5.jar httpcore-nio-4.4.16.jar \
    commons-codec-1.16.1.jar commons-logging-1.2.jar
  printf 'grant {\n  permission java.net.SocketPermission "*", "connect";\n};\ngrant codeBase "${codebase.opensearch-rest-client}" {\n  permission java.net.NetPermission "getProxySelector";\n};\ngrant codeBase "${codebase.httpasyncclient}" {\n  permission java.net.NetPermission "getProxySelector";\n};\n' \
    > "$NODE/modules/reindex/plugin-security.policy"
  mkdir -p "$NODE/plugins/opensearch-knn"
  unzip -q "$BASE/artifacts/opensearch-knn-$V.0.zip" -d "$NODE/plugins/opensearch-knn"
  cat > "$NODE/config/opensearch.yml" <<YAML
cluster.name: steward-it
node.name: node-1
path.data: $BASE/data
path.logs: $BASE/logs
network.host: 127.0.0.1
http.port: $PORT
transport.port: $((PORT + 100))
discovery.type: single-node
bootstrap.memory_lock: false
# Test machines may have little free disk; the node must not turn indices read-only over it.
cluster.routing.allocation.disk.threshold_enabled: false
YAML
  printf -- '-Xms512m\n-Xmx512m\n-XX:-AlwaysPreTouch\n' > "$NODE/config/jvm.options.d/steward.options"
}

start() {
  if curl -fs -o /dev/null --max-time 3 "http://127.0.0.1:$PORT/"; then
    die "something already answers on port $PORT (STEWARD_IT_SEARCH_PORT)"
  fi
  lay_out
  local as_user=()
  if [ "$(id -u)" = 0 ]; then
    chown -R 65534:65534 "$BASE"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  fi
  log "starting OpenSearch $V on port $PORT"
  local started=$SECONDS
  # Every stream of the node goes to its log: a build waiting for this script's output must not
  # wait for the node too.
  (cd "$NODE" && exec "${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="$BASE" \
    OPENSEARCH_JAVA_HOME="$(payara_java_home)" OPENSEARCH_TMPDIR="$BASE/tmp" \
    "$NODE/bin/opensearch" -p "$PID_FILE") > "$BASE/logs/console.log" 2>&1 < /dev/null &
  wait_for_http "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=1s" 180 \
    || die "OpenSearch did not start; see $BASE/logs/console.log"
  log "OpenSearch ready in $((SECONDS - started))s"
}

stop() {
  [ -f "$PID_FILE" ] || return 0
  local pid
  pid=$(cat "$PID_FILE")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start) start; printf 'http://127.0.0.1:%s\n' "$PORT" ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
