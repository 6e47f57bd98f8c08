package io.ledgerbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Three doors. The API ({@code /api/**}) takes a bearer token and answers problem+json. The connect pages
 * ({@code /oauth/xero/**}) and Xero's webhooks are open: a one-use state or a signature is their key. Operations
 * (Hawtio, Jolokia) need a login, unless {@code ledgerbridge.ops.open-console} is set (local profile);
 * health and Prometheus stay open for probes and scraping.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ObjectMapper json) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/openapi.json").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(settings.api().tokens()), AnonymousAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized(json)))
                .build();
    }

    /**
     * What reaches the service without the API's token: Xero's redirect back after consent and the choice of
     * organisation (the one-use state and choice token of each request bind it to the workspace that started it), and
     * Xero's webhooks (their signature is their key). Neither a session nor a CSRF cookie is needed.
     */
    @Bean
    @Order(2)
    SecurityFilterChain connectPages(HttpSecurity http) throws Exception {
        return http.securityMatcher("/oauth/xero/**", "/webhooks/xero")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operations(HttpSecurity http, SecuritySettings settings) throws Exception {
        boolean openConsole = settings.ops().openConsole();
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                    "/actuator/prometheus", "/error").permitAll();
            if (openConsole) {
                requests.anyRequest().permitAll();
            } else {
                requests.anyRequest().authenticated();
            }
        });
        // Hawtio reads the CSRF token from this cookie and sends it back with its Jolokia POSTs.
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()));
        if (!openConsole) {
            http.formLogin(Customizer.withDefaults()).httpBasic(Customizer.withDefaults());
        }
        return http.build();
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, exception) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "This API needs 'Authorization: Bearer <token>' with a token LedgerBridge accepts"
                            + " (ledgerbridge.api.tokens).");
            problem.setTitle("Unauthorized");
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", "Bearer realm=\"ledgerbridge\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }
}
