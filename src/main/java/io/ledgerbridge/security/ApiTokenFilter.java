package io.ledgerbridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts {@code Authorization: Bearer <token>} when the token is one of the configured API tokens,
 * compared in constant time. Requests without a valid token stay anonymous and are refused by the
 * security chain with a problem+json 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final List<byte[]> tokens;

    ApiTokenFilter(List<String> tokens) {
        this.tokens = tokens.stream()
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .map(token -> token.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
            if (tokens.stream().anyMatch(token -> MessageDigest.isEqual(token, presented))) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "api-client", null, AuthorityUtils.createAuthorityList("ROLE_API")));
            }
        }
        chain.doFilter(request, response);
    }
}
