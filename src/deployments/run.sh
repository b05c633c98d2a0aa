#!/usr/bin/env bash
# The deployment matrix's heavy runtimes, each a separate Maven project that reuses the scenarios in
# scenarios/java: Spring Boot's Jersey starter and Dropwizard. Installs the library from the root
# first (with the current JDK), since both depend on it from the local repository.
#   src/deployments/run.sh                  Boot 3.5 (Jersey 3.1) and Dropwizard 5, on the current JDK
#   src/deployments/run.sh boot4 JDK_HOME   Boot 4 (Jersey 4) only, on the JDK at JDK_HOME (Java 21 or later)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

(cd "$root" && mvn -B -q install -DskipTests -Dcheckstyle.skip)

if [ "${1:-}" = "boot4" ]; then
  jdk="${2:?usage: run.sh boot4 JDK_HOME (Java 21 or later)}"
  (cd "$here/spring-boot" && JAVA_HOME="$jdk" mvn -B verify -Pboot4)
  exit 0
fi

status=0
(cd "$here/spring-boot" && mvn -B verify) || status=1
(cd "$here/dropwizard" && mvn -B verify) || status=1
exit $status
