#!/usr/bin/env bash
# The framework artifacts, each a separate Maven project with the library's version: builds, tests and
# installs them to the local repository, after installing the library from the root (with the current JDK).
#   spring-boot-starter/  io.github.jaxrscors:jaxrs-cors-spring-boot-starter, tested on Boot 3.5 (current JDK)
#                         and, when a JDK 21+ is given or found, the same classes on Boot 4 (Jersey 4)
#   dropwizard-bundle/    io.github.jaxrscors:jaxrs-cors-dropwizard, tested on Dropwizard 5
# Usage: src/integrations/run.sh [JDK_HOME of Java 21 or later, for Boot 4; default /usr/lib/jvm/temurin-25-jdk-*]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

jdk21="${1:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -n 1 || true)}"

(cd "$root" && mvn -B -q install -DskipTests -Dcheckstyle.skip)

(cd "$here/spring-boot-starter" && mvn -B install)
if [ -n "$jdk21" ]; then
  # The classes installed above, built against Boot 3.5, under Boot 4's tests: no recompilation.
  (cd "$here/spring-boot-starter" && JAVA_HOME="$jdk21" mvn -B verify -Pboot4 -Dmaven.main.skip)
else
  echo "No JDK 21 or later given or found under /usr/lib/jvm/temurin-25-jdk-*: the starter is not tested on Boot 4." >&2
  exit 1
fi
(cd "$here/dropwizard-bundle" && mvn -B install)
