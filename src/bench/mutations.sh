#!/usr/bin/env bash
# Hand mutations of the engine and the configuration guards: each one removes or weakens one
# guard in a copy of the tree, runs the engine and configuration tests against it, and counts the
# mutant killed when a test fails (or the copy no longer compiles). Not part of `mvn -B verify`:
# about a minute per mutant. Usage, from the project root:
#   bash src/bench/mutations.sh            every mutant
#   bash src/bench/mutations.sh 3 7        mutants 3 and 7 only
# Prints one line per mutant and the figure; exits 1 when a mutant not marked "accepted" survives.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
main=src/main/java/io/github/jaxrscors
# The engine's and the configuration guards' own tests, unit and in-process.
tests=LookalikeOriginPatternsTest,LoudDefaultsTest,CorsProcessorTest,CrossSiteDecisionTest,PolicyResolverTest,ConfigurationGuardsTest,HttpSyntaxTest,VaryHeaderTest,OriginMatcherTest,PrecedenceMatrixTest,EngineBoundaryTest,StartupErrorsTest,ServerOriginTest

# id :: file :: text (must occur exactly once; \n for a line break) :: replacement :: why a survivor is accepted (or -)
mutants=(
"1 :: CorsProcessor.java :: if (policy.origins().allows(origin, request)) { :: if (origin != null) { :: -"
"2 :: CorsProcessor.java :: boolean forbid = requestOrigin != null && policy.rejectDisallowedOrigins() :: boolean forbid = false && policy.rejectDisallowedOrigins() :: -"
"3 :: CorsProcessor.java ::         if (isSafe(method)) { ::         if (!\"POST\".equals(method)) { :: -"
"4 :: CorsProcessor.java :: if (\"none\".equals(secFetchSite)) { :: if (secFetchSite != null) { :: -"
"5 :: CorsProcessor.java :: if (origin != null && policy.origins().allowsListed(origin, request)) { :: if (origin != null && policy.origins().allows(origin, request)) { :: -"
"6 :: CorsProcessor.java :: if (!HttpSyntax.isToken(requestMethod)) { :: if (false) { :: -"
"7 :: CorsProcessor.java :: if (!policy.methods().contains(method)) { :: if (false) { :: -"
"8 :: CorsProcessor.java :: if (!policy.allowHeaders().allows(headers.get(i))) { :: if (false) { :: -"
"9 :: CorsProcessor.java :: if (!policy.answersWildcard() && !policy.origins().allows(origin, request)) { :: if (false) { :: -"
"10 :: CorsProcessor.java :: if (value.length() > MAX_REQUEST_HEADERS_LENGTH) { :: if (false) { :: -"
"11 :: CorsProcessor.java :: Boolean.toString(first.allowPrivateNetwork()) :: \"true\" :: -"
"12 :: CorsProcessor.java :: return CorsDecision.allowedActual(\"*\", false, :: return CorsDecision.allowedActual(\"*\", policy.supportsCredentials(), :: equivalent: the resolver refuses credentials with \"*\" (mutant 13), so a wildcard policy never has them"
"13 :: PolicyResolver.java :: if (credentials && origins.any()) { :: if (false) { :: -"
"14 :: PolicyResolver.java :: if (credentials && origins.allowNull()) { :: if (false) { :: -"
"15 :: PolicyResolver.java :: if (p.matcher(canary).matches()) {\n                        throw error(target, \"supportsCredentials=true\" :: if (false) {\n                        throw error(target, \"supportsCredentials=true\" :: -"
"16 :: PolicyResolver.java ::             if (h.equals(\"*\")) {\n                if (credentials) { ::             if (h.equals(\"*\")) {\n                if (false) { :: -"
"17 :: PolicyResolver.java :: } else if (!HttpSyntax.isToken(h)) { :: } else if (false) { :: -"
"18 :: PolicyResolver.java :: checkPrivateNetwork(target, privateNetworkLayer, origins, originLayer); :: // checkPrivateNetwork removed :: -"
"19 :: PolicyResolver.java :: OriginPatternAudit.check(target, :: if (false) OriginPatternAudit.check(target, :: -"
"20 :: VaryHeader.java :: if (t.equals(\"*\")) { :: if (false) { :: -"
"21 :: VaryHeader.java :: if (!t.isEmpty() && !containsIgnoreCase(present, t)) { :: if (!t.isEmpty()) { :: -"
"22 :: HttpSyntax.java :: return schemeEnd > 0 && hostAndPortValid(s, schemeEnd + 3, anyCase); :: return schemeEnd > 0; :: -"
"23 :: OriginMatcher.java ::         if (\"null\".equals(origin)) {\n            return allowNull; ::         if (\"null\".equals(origin)) {\n            return true; :: -"
"24 :: OriginMatcher.java :: return HttpSyntax.isSerializedOrigin(origin) && (any || listed(origin, request)); :: return any || listed(origin, request); :: -"
"25 :: ServerOrigin.java :: return origin.equals(requestOrigin) || !publicOrigins.isEmpty() && publicOrigins.contains(origin); :: return origin.equals(requestOrigin); :: -"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$work")
cd "$work"
echo "copy of the tree in $work; warming it up (compiling the tests once)"
mvn -B -q -o test-compile -Dcheckstyle.skip >/dev/null 2>&1 || mvn -B -q test-compile -Dcheckstyle.skip >/dev/null

killed=0; survived=0; accepted=0; unexpected=()
for m in "${mutants[@]}"; do
  id=${m%% :: *}; r=${m#* :: }; file=${r%% :: *}; r=${r#* :: }
  from=${r%% :: *}; r=${r#* :: }; to=${r%% :: *}; why=${r#* :: }; [ "$why" = - ] && why=
  if [ $# -gt 0 ] && [[ " $* " != *" $id "* ]]; then continue; fi
  path="$main/$file"
  cp "$path" "$path.orig"
  if ! FROM="$from" TO="$to" perl -0pi -e '
        BEGIN { ($f, $t) = ($ENV{FROM}, $ENV{TO}); s/\\n/\n/g for $f, $t; }
        $n = () = /\Q$f\E/g; die "mutant text found $n times\n" if $n != 1; s/\Q$f\E/$t/;' "$path"; then
    echo "mutant $id: not applied ($file changed?)"; mv "$path.orig" "$path"; unexpected+=("$id"); continue
  fi
  if mvn -B -q -o test -Dtest="$tests" -Dcheckstyle.skip -Denforcer.skip -Dsurefire.failIfNoSpecifiedTests=false >"$work/mutant-$id.log" 2>&1; then
    if [ -n "$why" ]; then accepted=$((accepted + 1)); echo "mutant $id ($file): survived, accepted: $why"
    else survived=$((survived + 1)); unexpected+=("$id"); echo "mutant $id ($file): SURVIVED: $from"; fi
  else
    killed=$((killed + 1)); echo "mutant $id ($file): killed"
  fi
  mv "$path.orig" "$path"
done
total=$((killed + survived + accepted))
echo "mutants: $total, killed $killed, survived $((survived + accepted)) (accepted $accepted)"
[ ${#unexpected[@]} -eq 0 ]
