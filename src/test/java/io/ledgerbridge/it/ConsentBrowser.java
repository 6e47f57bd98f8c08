package io.ledgerbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person's browser does in the connect flow, over plain HTTP: opens the authorize URL (the sandbox's consent
 * page), ticks organisations and allows or cancels, and follows Xero's redirect back to LedgerBridge, whose pages it
 * reads and whose choose form it submits. Redirects are not followed by themselves, so a test sees each step.
 */
final class ConsentBrowser {

    /** A page as the browser got it; {@code location} is where a redirect points. */
    record Page(int status, String body, String location) {

        /** The value of the hidden input with this name, or null. */
        String hidden(String name) {
            Matcher input = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\">")
                    .matcher(body);
            return input.find() ? unescape(input.group(1)) : null;
        }

        /** The text of the element with this id. */
        String text(String id) {
            Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\">(.*?)</").matcher(body);
            return element.find() ? unescape(element.group(1)) : null;
        }

        String title() {
            Matcher h1 = Pattern.compile("<h1>(.*?)</h1>").matcher(body);
            return h1.find() ? unescape(h1.group(1)) : null;
        }
    }

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Page post(String url, Map<String, List<String>> form) {
        String body = form.entrySet().stream()
                .flatMap(field -> field.getValue().stream().map(value -> enc(field.getKey()) + "=" + enc(value)))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Opens Xero's consent page at {@code authorizeUrl}, ticks only {@code tenants}, and allows access (or cancels):
     * the URL Xero redirects back to, not yet opened.
     */
    String consent(String authorizeUrl, List<UUID> tenants, boolean allow) {
        Page consent = get(authorizeUrl);
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        for (UUID tenant : tenants) {
            assertThat(consent.body()).as("the consent page offers " + tenant).contains("value=\"" + tenant + "\"");
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(consent.body());
        while (hidden.find()) {
            form.put(hidden.group(1), List.of(unescape(hidden.group(2))));
        }
        form.put("tenantId", tenants.stream().map(UUID::toString).toList());
        form.put("decision", List.of(allow ? "allow" : "deny"));
        URI page = URI.create(authorizeUrl);
        Page redirect = post(page.getScheme() + "://" + page.getRawAuthority() + "/identity/connect/authorize", form);
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return redirect.location();
    }

    /** Submits LedgerBridge's choose page for {@code tenant}. */
    Page choose(String serviceBase, Page choosePage, UUID tenant) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("workspace", List.of(choosePage.hidden("workspace")));
        form.put("choice", List.of(choosePage.hidden("choice")));
        form.put("tenantId", List.of(tenant.toString()));
        return post(serviceBase + "/oauth/xero/choose", form);
    }

    /** The organisations a choose page offers, in its order. */
    static List<UUID> offered(Page choosePage) {
        List<UUID> tenants = new ArrayList<>();
        Matcher radio = Pattern.compile("name=\"tenantId\" required value=\"([^\"]+)\"").matcher(choosePage.body());
        while (radio.find()) {
            tenants.add(UUID.fromString(radio.group(1)));
        }
        return tenants;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("No answer from " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
