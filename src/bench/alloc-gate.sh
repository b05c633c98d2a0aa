#!/usr/bin/env bash
# The allocation gate (docs/performance.md): the pipeline's allowed GET, allowed preflight and
# disallowed GET with -prof gc, each one's bytes per request held to src/bench/alloc-baseline.txt,
# at most 5 % over. Bytes repeat within a few dozen across runs, so two short forks are enough;
# times are printed, not gated. Exits 4 when a case is over (or missing), as BenchMain says.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Pbench test-compile exec:exec -Dbench.load=warn -Dbench.include=PipelineBenchmark \
  -Dbench.allocBaseline=src/bench/alloc-baseline.txt \
  -Dbench.args="-foe true -f 2 -wi 8 -i 3 -w 1s -r 1s -prof gc -p config=jaxrsCors \
-p scenario=allowed,preflightAllowed,disallowed -p origins=1 -p annotated=1"
