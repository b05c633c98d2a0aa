package io.github.jaxrscors;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Startup warnings for settings that work, but wider than they read: origins left to the default
 * {@code "*"} (every site's origin echoed) where nothing chose them, and path rules written as
 * globs ({@code /api/*}), which as whole-match regexes cover only {@code /api} and {@code /api/}.
 */
final class StartupNotices {

    /** A {@code *} used as a glob: after a {@code /}, at the start, or doubled. */
    private static final Pattern GLOB_STAR = Pattern.compile("(?:^|(?<=/))\\*\\*?");

    /** The policies whose origins came from the defaults, by target. */
    private final Set<String> defaultOrigins = new ConcurrentSkipListSet<>();

    /** Notes {@code target} when none of its layers (highest first, absent ones null) chooses origins. */
    void resolved(String target, @Nullable Layer... layers) {
        for (Layer layer : layers) {
            for (Layer l = layer; l != null; l = l.composed()) {
                if (l.options().setsGroup(Option.ORIGINS)) {
                    return;
                }
            }
        }
        defaultOrigins.add(target);
    }

    /** One WARNING, at startup, naming the policies whose origins came from the defaults; none when there are none. */
    void warnDefaultOrigins() {
        if (defaultOrigins.isEmpty()) {
            return;
        }
        int n = defaultOrigins.size();
        String targets = n <= 5 ? String.join(", ", defaultOrigins)
                : String.join(", ", defaultOrigins.stream().limit(5).toList()) + " and " + (n - 5) + " more";
        CorsLog.warn("CORS allows any origin, echoed, by default in " + targets + ": no origins were chosen, so the default "
                + "origins \"*\" apply and every website can read these responses. Choose the origins explicitly: "
                + "CorsFeature.builder().origins(\"https://app.example.com\"), @CrossOrigin(origins = ...), or the property "
                + CorsProperties.ORIGINS + "; origins(\"*\") or " + CorsProperties.ORIGINS + "=* keeps any origin and says so.");
    }

    /**
     * A WARNING when a {@code resource(...)} regex reads like a glob ({@code /api/*}, {@code /**}),
     * naming the regex meant.
     */
    static void warnGlobRule(String regex) {
        Matcher m = GLOB_STAR.matcher(regex);
        if (!m.find()) {
            return;
        }
        String meant;
        String alternative = null;
        if (regex.endsWith("/*") || regex.endsWith("/**")) {
            String base = regex.substring(0, regex.lastIndexOf('/'));
            meant = base + "/.*";
            alternative = base.isEmpty() ? null : base + "(/.*)?";
        } else {
            meant = GLOB_STAR.matcher(regex).replaceAll(r -> r.group().length() == 2 ? ".*" : "[^/]+");
        }
        CorsLog.warn("resource(\"" + regex + "\") is a whole-match regular expression, not a glob: \"*\" repeats the "
                + "character before it, so the rule covers almost none of the paths it seems to (flask-cors matches its "
                + "rules as prefixes; this library does not). Write resource(\"" + meant + "\")"
                + (alternative == null ? "" : " for the paths below, or resource(\"" + alternative + "\") for the path and those below")
                + " (docs/flask-cors.md).");
    }
}
