#!/usr/bin/env bash
# Runs LedgerBridge's own Xero traffic through shared/tools/xero-contract-proxy and prints the proxy's
# violation counts. Starts, in the background and on loopback only: the embedded stack with the Xero
# sandbox (LocalStackMain, data in a temporary directory), the contract proxy in front of the sandbox's
# Accounting API, and the service (prod profile) with XERO_API_URL pointing at the proxy. Then it sends
# the sample events plus a few generated orders, waits until every document has an outcome, prints
# GET /__contract/summary and stops everything.
# This script is for manual runs. The automated check is ContractProxyIT (src/test/java/io/ledgerbridge/it/,
# part of ./mvnw verify): the whole app with its Accounting API base URL on the proxy, driven through every
# kind of Accounting API call the service makes, failing on any request or response violation.
#   bench/contract-run.sh            (needs ../shared beside the project, as CI has it)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
proxy_dir="$root/../shared/tools/xero-contract-proxy"
[ -x "$proxy_dir/run.sh" ] || { echo "no $proxy_dir/run.sh: run beside shared/" >&2; exit 2; }
work=$(mktemp -d -t ledgerbridge-contract.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# The stack, the sandbox and SendEvent are development-time services: on the test classpath, not in the jar.
[ -f target/bench.classpath ] || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
[ -d target/test-classes/io/ledgerbridge/localstack ] || ./mvnw -B -ntp -q test-compile
launch() { local main=$1; shift; exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"; }
# Waits for a line in a log while its process lives; a process that died shows its log and stops the run.
await_log() { local pid=$1 log=$2 text=$3; until grep -q "$text" "$log" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "process $pid stopped; its log:" >&2; tail -40 "$log" >&2; exit 1; }; sleep 1; done; }

echo "== stack (postgres 25432, kafka 29092, sandbox 28089) in $work"
LEDGERBRIDGE_LOCAL_STACK_DATA_DIRECTORY="$work/data" LEDGERBRIDGE_LOCAL_STACK_POSTGRES_PORT=25432 \
LEDGERBRIDGE_LOCAL_STACK_KAFKA_PORT=29092 LEDGERBRIDGE_LOCAL_STACK_KAFKA_CONTROLLER_PORT=29093 \
LEDGERBRIDGE_LOCAL_STACK_SMTP_PORT=23025 LEDGERBRIDGE_LOCAL_STACK_IMAP_PORT=23143 \
LEDGERBRIDGE_LOCAL_STACK_XERO_SANDBOX_PORT=28089 launch io.ledgerbridge.localstack.LocalStackMain > "$work/stack.log" 2>&1 &
pids+=($!)
await_log "${pids[-1]}" "$work/stack.log" "local stack is up"

echo "== contract proxy on 24010 -> sandbox"
"$proxy_dir/run.sh" --upstream http://localhost:28089/api.xro/2.0 --listen 24010 > "$work/proxy.log" 2>&1 &
pids+=($!)
until curl -s -o /dev/null localhost:24010/__contract/summary; do
  kill -0 "${pids[-1]}" 2>/dev/null || { tail -40 "$work/proxy.log" >&2; exit 1; }; sleep 1; done

# The application from the test classpath (not the jar): the demo workspaces the events name are seeded and connected by
# the local stack's classes, which the product does not carry.
echo "== service (prod profile) with XERO_API_URL through the proxy"
SPRING_PROFILES_ACTIVE=prod PORT=28080 \
DATABASE_URL=jdbc:postgresql://localhost:25432/ledgerbridge DATABASE_USERNAME=postgres DATABASE_PASSWORD= \
KAFKA_BROKERS=localhost:29092 XERO_API_URL=http://localhost:24010/api.xro/2.0 \
XERO_IDENTITY_URL=http://localhost:28089/identity XERO_LOGIN_URL=http://localhost:28089 \
XERO_CONNECTIONS_URL=http://localhost:28089/connections LEDGERBRIDGE_DEMO_CONNECTIONS_FROM=http://localhost:28089 \
XERO_CLIENT_ID=ledgerbridge-local XERO_CLIENT_SECRET=local-secret LEDGERBRIDGE_API_TOKENS=contract-run \
LEDGERBRIDGE_TOKEN_KEY=bG9jYWwtb25seSBsZWRnZXJicmlkZ2UgdG9rZW4gayE= LEDGERBRIDGE_SEED_DEMO_WORKSPACES=true \
launch io.ledgerbridge.Application > "$work/service.log" 2>&1 &
pids+=($!)
until curl -s localhost:28080/actuator/health/readiness | grep -q '^{"status":"UP"'; do
  kill -0 "${pids[-1]}" 2>/dev/null || { tail -40 "$work/service.log" >&2; exit 1; }; sleep 1; done

echo "== events"
(KAFKA_BROKERS=localhost:29092 launch io.ledgerbridge.localstack.SendEvent samples/invoice-generated.json \
  samples/order-updated.json samples/broken-event.json) > "$work/send.log" 2>&1
python3 - "$work" <<'PY'
import json, sys, uuid
base = json.load(open("samples/invoice-generated.json"))
for i, (tax, sku) in enumerate([("GST", "APL-01"), ("WINE_TAX", "NEW-1"), ("GST_FREE", "NEW-2")]):
    event = json.loads(json.dumps(base))
    event["id"] = "evt-contract-%d-%s" % (i, uuid.uuid4().hex[:6])
    event["data"]["orderId"] = "ord-contract-%d-%s" % (i, uuid.uuid4().hex[:6])
    event["data"]["invoiceNumber"] = "INV-C%d-%s" % (i, uuid.uuid4().hex[:6])
    event["data"]["lines"][0]["taxCode"] = tax
    event["data"]["lines"][0]["sku"] = sku
    json.dump(event, open("%s/order-%d.json" % (sys.argv[1], i), "w"))
PY
(KAFKA_BROKERS=localhost:29092 launch io.ledgerbridge.localstack.SendEvent "$work"/order-*.json) >> "$work/send.log" 2>&1
api() { curl -s -H 'Authorization: Bearer contract-run' "localhost:28080/api/v1/workspaces/$1/documents?limit=100"; }
for i in $(seq 1 120); do
  pending=$( (api demo-supplier; api demo-venue) | python3 -c "import sys,json; print(sum(1 for line in sys.stdin for d in json.loads(line) if d['state']=='PENDING'))" 2>/dev/null || echo 1)
  [ "$pending" = "0" ] && break; sleep 1
done
echo "== documents"; (api demo-supplier; echo; api demo-venue) | python3 -c "
import sys, json
for line in sys.stdin:
    if line.strip():
        for d in json.loads(line): print(d['workspaceId'], d['orderId'], d['xeroType'], 'v%d' % d['version'], d['state'], d['error'] or '')"
echo "== contract proxy summary"; curl -s localhost:24010/__contract/summary; echo
grep -E "VIOLATION|violation" "$work/proxy.log" | head -20 || true
