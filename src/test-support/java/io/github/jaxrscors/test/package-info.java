/**
 * Test support for applications that use jaxrs-cors: Hamcrest matchers over
 * {@link jakarta.ws.rs.core.Response} ({@link io.github.jaxrscors.test.CorsMatchers}) and request
 * helpers for the Jersey test framework that cannot lose the {@code Origin} header
 * ({@link io.github.jaxrscors.test.CorsRequests}).
 *
 * <p>Shipped as the attached artifact {@code io.github.jaxrscors:jaxrs-cors:<version>:test-support},
 * for the test classpath only. It needs what a Jersey test already has: the Jakarta REST API, the
 * Jersey client and Hamcrest.
 *
 * <p>Files: {@code CorsMatchers} (public) the matchers; {@code CorsRequests} (public) the helpers;
 * {@code HttpClientConnector} the Jersey client connector over {@code java.net.http.HttpClient}
 * they send through; {@code OriginDelivery} the check that a connector the test chose itself
 * delivers {@code Origin}.
 */
package io.github.jaxrscors.test;
