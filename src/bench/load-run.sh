#!/bin/bash
# Load run over real HTTP: wrk against the benchmark application on Grizzly (or as a servlet in
# Jetty 12), without CORS and with jaxrs-cors, two warm-up runs each, then alternating 10-second
# runs; prints each run and the ratio of the medians.
# Needs wrk (Debian: apt-get install wrk). With taskset and 2 cores or more, both servers run on
# core 0 and wrk on core 1, so the load generator does not take the measured server's CPU (only
# one server is loaded at a time); PIN=0 turns that off. CONFIGS names the configurations measured
# against none (default jaxrsCors; e.g. CONFIGS="shape shapeHeaders jaxrsCors" adds the library's
# three filters without the library, bare and with its three headers: see PipelineBenchmark).
# Usage: [CONFIGS="..."] bash src/bench/load-run.sh [rounds] [seconds] [grizzly|jetty]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
seconds=${2:-10}
runtime=${3:-grizzly}
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
mvn -q -B -Pbench test-compile
mvn -q -B -Pbench dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
server_cpu=(); client_cpu=()
if [ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  server_cpu=(taskset -c 0); client_cpu=(taskset -c 1)
  echo "servers pinned to core 0, wrk to core 1"
fi
read -r -a configs <<<"none ${CONFIGS:-jaxrsCors}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for i in "${!configs[@]}"; do
  "${server_cpu[@]}" java -XX:+UseSerialGC -Xms512m -Xmx512m -cp "$cp" io.github.jaxrscors.bench.LoadServer "${configs[$i]}" $((18090 + i)) "$runtime" &
  pids+=($!)
done
for i in "${!configs[@]}"; do
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$((18090 + i))/items" && break; sleep 0.2; done
done
origin="Origin: https://app.example.com"
for i in "${!configs[@]}"; do
  [ "${configs[$i]}" = jaxrsCors ] || continue
  check=$(curl -s -D - -o /dev/null -H "$origin" "http://127.0.0.1:$((18090 + i))/items" | tr -d '\r')
  grep -q "^Access-Control-Allow-Origin: https://app.example.com" <<<"$check" || { echo "CORS server did not answer CORS: $check" >&2; exit 1; }
done
echo "$runtime; warm-up: 2 runs of $seconds s each"
for _ in 1 2; do
  for i in "${!configs[@]}"; do "${client_cpu[@]}" wrk -t1 -c8 -d"${seconds}s" -H "$origin" "http://127.0.0.1:$((18090 + i))/items" >/dev/null; done
done
declare -A results=()
for round in $(seq "$rounds"); do
  for i in "${!configs[@]}"; do
    name=${configs[$i]}
    rps=$("${client_cpu[@]}" wrk -t1 -c8 -d"${seconds}s" -H "$origin" "http://127.0.0.1:$((18090 + i))/items" | awk '/Requests\/sec/ {print $2}')
    echo "round $round $name: $rps requests/s"
    results[$name]+="$rps "
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
none=$(median "${results[none]}")
for name in "${configs[@]:1}"; do
  m=$(median "${results[$name]}")
  echo "$runtime median none: $none requests/s; median $name: $m requests/s; ratio $name/none: $(awk -v a="$m" -v b="$none" 'BEGIN {printf "%.3f", a/b}')"
done
