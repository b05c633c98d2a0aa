#!/bin/bash
# Soak over real HTTP (not part of mvn verify): mixed traffic (preflights, allowed and refused
# requests, async, SSE, streams, mapped and unmapped errors, async timeouts) from many loopback
# connections, against the library on Grizzly, then on Jersey as a servlet in Jetty 12. Each run
# checks every answer and prints requests sent and answered, wrong or missing CORS headers and
# unexpected 5xx (both must be 0; the script fails otherwise), and the server's heap after GC and
# thread count at the start (after a warm-up) and at the end.
# Usage: bash src/bench/soak-run.sh [seconds per runtime] [connections] [runtimes, e.g. "grizzly jetty"]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-80}
connections=${2:-16}
runtimes=${3:-grizzly jetty}
mvn -q -B -Pbench test-compile
mvn -q -B -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
status=0
for runtime in $runtimes; do
  fifo=$(mktemp -u); mkfifo "$fifo"
  # The server runs until its standard input closes (the fifo's writer below).
  java -XX:+UseSerialGC -Xms256m -Xmx256m -cp "$cp" io.github.jaxrscors.SoakServer "$runtime" <"$fifo" >target/soak-$runtime.out 2>&1 &
  server=$!
  exec 3>"$fifo"
  for _ in $(seq 100); do grep -q '^port ' target/soak-$runtime.out 2>/dev/null && break; sleep 0.1; done
  port=$(awk '/^port / {print $2}' target/soak-$runtime.out)
  echo "== $runtime on 127.0.0.1:$port"
  # Warm-up, so the start figures are those of a running server, not of a cold one.
  java -cp "$cp" io.github.jaxrscors.SoakClient "$port" 10 "$connections" >/dev/null || true
  java -cp "$cp" io.github.jaxrscors.SoakClient "$port" "$seconds" "$connections" || status=1
  exec 3>&-
  wait "$server" || true
  rm -f "$fifo"
done
exit $status
