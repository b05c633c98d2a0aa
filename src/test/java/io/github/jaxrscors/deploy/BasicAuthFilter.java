package io.github.jaxrscors.deploy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet authentication filter as applications write them: every request without the one
 * user's Basic credentials gets 401 through {@code sendError}, preflights included (they never
 * carry credentials).
 */
final class BasicAuthFilter implements Filter {

    /** {@code Authorization} of the one user ({@code user:secret}). */
    static final String CREDENTIALS = "Basic dXNlcjpzZWNyZXQ=";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!CREDENTIALS.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
            HttpServletResponse out = (HttpServletResponse) response;
            out.setHeader("WWW-Authenticate", "Basic realm=\"notes\"");
            out.sendError(401);
            return;
        }
        chain.doFilter(request, response);
    }
}
