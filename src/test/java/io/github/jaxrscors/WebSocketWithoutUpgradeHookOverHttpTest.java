package io.github.jaxrscors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.github.jaxrscors.support.LogCapture;
import io.github.jaxrscors.support.RawUpgrade;
import io.github.jaxrscors.support.WebSocketRuntime;
import io.github.jaxrscors.support.WebSocketRuntime.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jetty 12 and Tomcat without the library's upgrade hook ({@link CorsServletFilter} not added as
 * the context's initializer): {@code checkOrigin} sees the {@code Origin} alone. Startup says so
 * with the fix; where path rules decide, every cross-origin upgrade is refused with 403 (never a
 * 500, never the application-wide origins in the rule's place); publicOrigins and upgrades
 * without {@code Origin} still pass. With the hook, the same application lets the rule's origin in.
 */
@Tag("http")
@Isolated
class WebSocketWithoutUpgradeHookOverHttpTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : List.of(Kind.JETTY_12, Kind.TOMCAT)) {
            cases.add(Arguments.of(kind, "/team-a", "https://a.example.com", false));
            cases.add(Arguments.of(kind, "/team-a", "https://app.example.com", false));
            cases.add(Arguments.of(kind, "/chat", "https://app.example.com", false));
            cases.add(Arguments.of(kind, "/chat", "https://public.example.com", true));
            cases.add(Arguments.of(kind, "/chat", null, true));
        }
        return cases.stream();
    }

    private static CorsFeature feature() {
        return CorsFeature.builder().origins("https://app.example.com").publicOrigins("https://public.example.com")
                .resource("/team-a", CorsOptions.builder().origins("https://a.example.com").build())
                .resource("/.*").build();
    }

    @ParameterizedTest(name = "{0}: {1} from Origin {2}: accepted {3}")
    @MethodSource("cases")
    void whereAPathRuleWouldDecideEveryCrossOriginUpgradeIsRefusedWith403(Kind kind, String path, String origin, boolean accepted)
            throws Exception {
        try (LogCapture log = new LogCapture();
                WebSocketRuntime runtime = WebSocketRuntime.startOnFreePort(kind, port -> feature(), Map.of(), false)) {
            RawUpgrade.assertPath(kind, runtime.port(), path, origin, accepted);
            assertThat(log.messages(Level.WARNING), hasItem(containsString("serves WebSocket endpoints, but "
                    + "io.github.jaxrscors.CorsServletFilter is not registered as its ServletContainerInitializer")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"JETTY_12", "TOMCAT"})
    void withTheHookTheSameApplicationLetsTheRulesOriginIn(Kind kind) throws Exception {
        try (LogCapture log = new LogCapture();
                WebSocketRuntime runtime = WebSocketRuntime.startOnFreePort(kind, port -> feature(), Map.of(), true)) {
            RawUpgrade.assertPath(kind, runtime.port(), "/team-a", "https://a.example.com", true);
            assertThat(log.messages(Level.WARNING).toString().contains("is not registered as its ServletContainerInitializer"), is(false));
        }
    }
}
