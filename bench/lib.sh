# Shared by the scripts in bench/: start the embedded stack (LocalStackMain) and the service (prod profile)
# as background processes on loopback ports of their own, and stop them all on exit.
# Source it from the project root; it sets: work (temporary directory), jar, pids.
set -euo pipefail
work=$(mktemp -d -t ledgerbridge-bench.XXXXXX)
pids=()
# The stack's data (up to a GB of Kafka log and PostgreSQL files) goes with the run; the logs stay.
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work/data"; }
trap cleanup EXIT

jar=$(ls target/ledgerbridge-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  ./mvnw -B -ntp -q -DskipTests package; jar=$(ls target/ledgerbridge-*.jar | grep -v original | head -1)
fi
# Development-time services (the embedded stack, the sandbox, SendEvent) live on the test classpath, not in the jar.
[ -f target/bench.classpath ] && [ -z "${BENCH_REBUILD:-}" ] || \
  ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
[ -d target/test-classes/io/ledgerbridge/localstack ] && [ -z "${BENCH_REBUILD:-}" ] || ./mvnw -B -ntp -q test-compile
launch() { local main=$1; shift; exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"; }
# Waits for a line in a log while its process lives; a process that died shows its log and stops the run.
await_log() { local pid=$1 log=$2 text=$3; until grep -q "$text" "$log" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "process $pid stopped; its log:" >&2; tail -40 "$log" >&2; exit 1; }; sleep 1; done; }

token_key=bG9jYWwtb25seSBsZWRnZXJicmlkZ2UgdG9rZW4gayE=

# PostgreSQL 25432, Kafka 29092, sandbox 28089, data in $work. Sets stack_pid.
start_stack() {
  echo "== stack (postgres 25432, kafka 29092, sandbox 28089) in $work"
  LEDGERBRIDGE_LOCAL_STACK_DATA_DIRECTORY="$work/data" LEDGERBRIDGE_LOCAL_STACK_POSTGRES_PORT=25432 \
  LEDGERBRIDGE_LOCAL_STACK_KAFKA_PORT=29092 LEDGERBRIDGE_LOCAL_STACK_KAFKA_CONTROLLER_PORT=29093 \
  LEDGERBRIDGE_LOCAL_STACK_SMTP_PORT=23025 LEDGERBRIDGE_LOCAL_STACK_IMAP_PORT=23143 \
  LEDGERBRIDGE_LOCAL_STACK_XERO_SANDBOX_PORT=28089 launch io.ledgerbridge.localstack.LocalStackMain > "$work/stack.log" 2>&1 &
  stack_pid=$!
  pids+=($stack_pid)
  await_log "$stack_pid" "$work/stack.log" "local stack is up"
}

# The service in the prod profile on :28080 against that stack; extra environment (VAR=value ...) as arguments.
# Xero's Accounting API is the sandbox unless XERO_API_URL is given. Sets service_pid.
start_service() {
  echo "== service (prod profile) on 28080 $*"
  env SPRING_PROFILES_ACTIVE=prod PORT=28080 \
    DATABASE_URL=jdbc:postgresql://localhost:25432/ledgerbridge DATABASE_USERNAME=postgres DATABASE_PASSWORD= \
    KAFKA_BROKERS=localhost:29092 XERO_API_URL=http://localhost:28089/api.xro/2.0 \
    XERO_IDENTITY_URL=http://localhost:28089/identity XERO_LOGIN_URL=http://localhost:28089 \
    XERO_CONNECTIONS_URL=http://localhost:28089/connections \
    XERO_CLIENT_ID=ledgerbridge-local XERO_CLIENT_SECRET=local-secret LEDGERBRIDGE_API_TOKENS=bench \
    LEDGERBRIDGE_TOKEN_KEY=$token_key "$@" \
    java ${BENCH_SERVICE_JAVA_OPTS:-} -jar "$jar" > "$work/service.log" 2>&1 &
  service_pid=$!
  pids+=($service_pid)
  until curl -s localhost:28080/actuator/health/readiness | grep -q '^{"status":"UP"'; do
    kill -0 "$service_pid" 2>/dev/null || { tail -40 "$work/service.log" >&2; exit 1; }; sleep 1; done
}
