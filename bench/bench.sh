#!/usr/bin/env bash
# The benchmarks of issue 4, each on a fresh embedded stack with the service in the prod profile as its own
# JVM; the driver (src/test/java/io/ledgerbridge/bench/Bench.java) sends order events to Kafka and prints
# the figures. Run from anywhere:
#   bench/bench.sh ceiling     6,000 documents, one tenant, Xero's real limits, 50 per call
#   bench/bench.sh baseline    the same with one document per call (180 documents: 3 minutes at 60/min)
#   bench/bench.sh fairness    20 tenants: a 10,000-document backlog, a tenant answered 503, 18 trickling
#   bench/bench.sh overhead    limits and faults off: Kafka -> sandbox documents/s and CPU-ms per document
# BENCH_DOCUMENTS overrides the document count, BENCH_WARMUP the warm-up (overhead: 20,000; ceiling: 500
# on another tenant); BENCH_SERVICE_JAVA_OPTS adds JVM options to the service (e.g.
# -XX:StartFlightRecording=filename=/tmp/service.jfr,settings=profile). Logs stay in the printed directory.
cd "$(dirname "$0")/.."
mode=${1:?usage: bench/bench.sh ceiling|baseline|fairness|overhead}
source bench/lib.sh

start_stack
case "$mode" in
  ceiling|fairness) start_service ;;
  baseline) start_service LEDGERBRIDGE_DELIVERY_BATCH_SIZE=1 ;;
  overhead)
    curl -s -XPUT localhost:28089/sandbox/limits \
      -d '{"perMinute":100000000,"concurrent":1000,"perDay":100000000,"appPerMinute":100000000}' > /dev/null
    start_service XERO_LIMIT_PER_MINUTE=100000 XERO_LIMIT_CONCURRENT=1000 XERO_LIMIT_PER_DAY=100000000 \
      XERO_LIMIT_APP_PER_MINUTE=100000000 ;;
  *) echo "unknown benchmark $mode" >&2; exit 2 ;;
esac
echo "== $mode (logs in $work)"
BENCH_SERVICE_PID=$service_pid BENCH_STACK_PID=$stack_pid BENCH_TOKEN_KEY=$token_key \
  java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.ledgerbridge.bench.Bench "$mode"
