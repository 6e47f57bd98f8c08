package io.ledgerbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads every file in routes/ as an engineer would: each route has an id, a description and opts into
 * the shared error handling; every outbound step has an id; each file starts with its header comment.
 */
class RouteFilesTest {

    private static final Set<String> STEPS_WITH_IDS = Set.of("to", "toD", "bean", "wireTap", "enrich", "pollEnrich");

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(file -> file.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Path file) throws IOException {
        Object parsed = new Yaml().load(Files.readString(file));
        assertThat(parsed).as(file + " is a YAML list").isInstanceOf(List.class);
        return (List<Map<String, Object>>) parsed;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteHasAnIdADescriptionAndSharedErrorHandling() throws IOException {
        Set<String> configurations = new HashSet<>();
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Path file : routeFiles()) {
            for (Map<String, Object> entry : entries(file)) {
                if (entry.containsKey("routeConfiguration")) {
                    configurations.add((String) ((Map<String, Object>) entry.get("routeConfiguration")).get("id"));
                }
                if (entry.containsKey("route")) {
                    routes.add((Map<String, Object>) entry.get("route"));
                }
            }
        }
        assertThat(routes).as("routes").isNotEmpty();
        assertThat(configurations).contains("intake-errors", "dead-letter-errors");
        for (Map<String, Object> route : routes) {
            String id = (String) route.get("id");
            assertThat(id).as("route id").isNotBlank().matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat((String) route.get("description")).as("description of " + id).isNotBlank();
            assertThat(configurations).as("routeConfigurationId of " + id).contains((String) route.get("routeConfigurationId"));
            Map<String, Object> from = (Map<String, Object>) route.get("from");
            if ("direct".equals(from.get("uri")) || String.valueOf(from.get("uri")).startsWith("direct:")) {
                assertThat(String.valueOf(from.get("uri"))).as("direct endpoint of " + id).isEqualTo("direct:" + id);
            }
            assertStepsHaveIds(id, (List<Object>) from.get("steps"));
        }
    }

    @Test
    void everyFileStartsWithItsHeaderComment() throws IOException {
        for (Path file : routeFiles()) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.subList(0, 2)).as(file + " header").allSatisfy(line -> assertThat(line).startsWith("# "));
            assertThat(Files.readString(file)).as(file + " uses block scalars, not escaped newlines").doesNotContain("\\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertStepsHaveIds(String routeId, List<Object> steps) {
        if (steps == null) {
            return;
        }
        for (Object step : steps) {
            Map<String, Object> node = (Map<String, Object>) step;
            node.forEach((kind, body) -> {
                if (STEPS_WITH_IDS.contains(kind)) {
                    assertThat(body).as(kind + " step in " + routeId + " uses the explicit form").isInstanceOf(Map.class);
                    assertThat(((Map<String, Object>) body).get("id")).as(kind + " step in " + routeId + " has an id")
                            .isNotNull();
                }
                if (body instanceof Map<?, ?> map && map.get("steps") instanceof List<?> nested) {
                    assertStepsHaveIds(routeId, (List<Object>) nested);
                }
            });
        }
    }
}
