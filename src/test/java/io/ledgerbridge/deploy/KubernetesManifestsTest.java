package io.ledgerbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files agree with each other and with the app: kubernetes/ (every document of every
 * file), routes/kustomization.yaml and the Dockerfile. No cluster and no Docker needed; Maven runs
 * it from the project directory.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("kubernetes");
    private static final Path ROUTES = Path.of("routes");
    private static final String LABEL = "app.kubernetes.io/name";
    /** What the prod profile reads from the environment (config/application-prod.yaml's header). */
    private static final Set<String> PROD_ENVIRONMENT = Set.of(
            "DATABASE_URL", "DATABASE_USERNAME", "DATABASE_PASSWORD", "KAFKA_BROKERS", "KAFKA_GROUP_ID",
            "LEDGERBRIDGE_API_TOKENS", "OPS_USERNAME", "OPS_PASSWORD", "IMAP_HOST", "IMAP_PORT", "SMTP_HOST",
            "SMTP_PORT", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_INBOX_ADDRESS", "XERO_API_URL",
            "XERO_IDENTITY_URL", "XERO_LOGIN_URL", "XERO_CONNECTIONS_URL");

    /** File name -> its documents, for every file in kubernetes/. */
    private static final Map<String, List<Map<String, Object>>> FILES = new LinkedHashMap<>();

    @BeforeAll
    static void parseEveryFile() throws IOException {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.sorted().toList()) {
                FILES.put(file.getFileName().toString(), documents(file));
            }
        }
        assertThat(FILES).as("files in kubernetes/").isNotEmpty();
    }

    @Test
    void everyDocumentIsANamedKubernetesObject() {
        FILES.forEach((file, documents) -> {
            assertThat(documents).as(file).isNotEmpty();
            for (Map<String, Object> document : documents) {
                assertThat(text(document, "apiVersion")).as(file + " apiVersion").isNotBlank();
                assertThat(text(document, "kind")).as(file + " kind").isNotBlank();
                assertThat(text(document, "metadata", "name")).as(file + " metadata.name").isNotBlank();
            }
        });
    }

    @Test
    void kustomizationListsEveryManifestButTheSecretAndNothingElse() {
        List<String> resources = list(only("Kustomization"), "resources");
        Set<String> files = new TreeSet<>(FILES.keySet());
        files.remove("kustomization.yaml");
        // Applying secret.yaml's empty placeholders would wipe the secret store's values.
        files.remove("secret.yaml");
        assertThat(resources).as("kubernetes/kustomization.yaml resources")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Stream.concat(files.stream(), Stream.of("../routes")).toList());
        assertThat(KUBERNETES.resolve("../routes/kustomization.yaml")).isRegularFile();
    }

    @Test
    void routesConfigMapIsGeneratedFromExactlyTheRouteFiles() throws IOException {
        Map<String, Object> kustomization = documents(ROUTES.resolve("kustomization.yaml")).get(0);
        List<Map<String, Object>> generators = list(kustomization, "configMapGenerator");
        assertThat(generators).hasSize(1);
        assertThat(text(generators.get(0), "name")).isEqualTo("ledgerbridge-routes");
        try (Stream<Path> routes = Files.list(ROUTES)) {
            List<String> routeFiles = routes.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".camel.yaml")).toList();
            assertThat(routeFiles).isNotEmpty();
            assertThat(list(generators.get(0), "files")).as("routes/kustomization.yaml files")
                    .containsExactlyInAnyOrderElementsOf(routeFiles);
        }
    }

    @Test
    void atLeastTwoReplicasAreOwnedByTheAutoscaler() {
        Map<String, Object> deployment = only("Deployment");
        Map<String, Object> hpa = only("HorizontalPodAutoscaler");
        // kubectl apply would otherwise reset a scaled-out Deployment to the file's count.
        assertThat(map(deployment, "spec")).as("Deployment spec").doesNotContainKey("replicas");
        assertThat(text(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(hpa, "spec", "scaleTargetRef")).containsEntry("apiVersion", "apps/v1")
                .containsEntry("kind", "Deployment").containsEntry("name", text(deployment, "metadata", "name"));
        assertThat(number(hpa, "spec", "minReplicas")).isEqualTo(2);
        assertThat(number(hpa, "spec", "maxReplicas")).isEqualTo(6);
        Map<String, Object> cpu = map(list(hpa, "spec", "metrics").get(0), "resource");
        assertThat(cpu).containsEntry("name", "cpu");
        assertThat(map(cpu, "target")).containsEntry("type", "Utilization").containsEntry("averageUtilization", 70);
        assertThat(map(deployment, "spec", "strategy", "rollingUpdate")).containsEntry("maxUnavailable", 0);
    }

    @Test
    void probesUseTheActuatorGroupsOnPort8080() {
        Map<String, Object> container = container();
        assertThat(probe(container, "livenessProbe")).isEqualTo("/actuator/health/liveness:8080");
        assertThat(probe(container, "readinessProbe")).isEqualTo("/actuator/health/readiness:8080");
        assertThat(probe(container, "startupProbe")).isEqualTo("/actuator/health/liveness:8080");
        Map<String, Object> annotations = map(only("Deployment"), "spec", "template", "metadata", "annotations");
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8080").containsEntry("prometheus.io/path", "/actuator/prometheus");
    }

    @Test
    void podRunsAsTheImagesNonRootUserOnAReadOnlyFilesystem() throws IOException {
        Map<String, Object> pod = map(only("Deployment"), "spec", "template", "spec");
        assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", Integer.parseInt(dockerfileUser()));
        Map<String, Object> container = container();
        assertThat(map(container, "securityContext")).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(mounts(container)).containsEntry("/tmp", "tmp");
        assertThat(volume(pod, "tmp")).containsKey("emptyDir");
        assertThat(number(pod, "terminationGracePeriodSeconds")).isGreaterThan(30);
        assertThat(map(container, "resources", "limits")).containsKeys("cpu", "memory");
        assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
    }

    @Test
    void routesComeFromTheMountedConfigMap() {
        Map<String, Object> pod = map(only("Deployment"), "spec", "template", "spec");
        Map<String, Object> container = container();
        assertThat(environment(container)).containsEntry("LEDGERBRIDGE_ROUTES", "file:/app/routes/*.camel.yaml");
        String volume = mounts(container).get("/app/routes");
        assertThat(volume).as("volume mounted at /app/routes").isNotNull();
        assertThat(map(volume(pod, volume), "configMap")).containsEntry("name", "ledgerbridge-routes");
    }

    @Test
    void environmentComesOnlyFromDeclaredSecretAndConfigMapKeys() {
        Map<String, Object> secret = only("Secret");
        Map<String, Object> configMap = only("ConfigMap");
        Set<String> secretKeys = map(secret, "stringData").keySet();
        Set<String> configKeys = map(configMap, "data").keySet();
        assertThat(text(secret, "type")).isEqualTo("Opaque");
        assertThat(map(secret, "stringData").values()).as("secret values in git").allMatch(""::equals);
        assertThat(secret).doesNotContainKey("data");
        assertThat(configKeys).as("secrets in the ConfigMap").noneMatch(key -> key.matches(".*(PASSWORD|SECRET|TOKEN|KEY).*"));

        Map<String, Object> container = container();
        Set<String> provided = new TreeSet<>(environment(container).keySet());
        for (Map<String, Object> source : KubernetesManifestsTest.<Map<String, Object>>list(container, "envFrom")) {
            assertThat(source).as("envFrom takes the ConfigMap only; secrets go by key").containsOnlyKeys("configMapRef");
            assertThat(map(source, "configMapRef")).containsEntry("name", text(configMap, "metadata", "name"));
            provided.addAll(configKeys);
        }
        for (Map<String, Object> variable : KubernetesManifestsTest.<Map<String, Object>>list(container, "env")) {
            if (variable.get("valueFrom") instanceof Map<?, ?> valueFrom) {
                if (valueFrom.containsKey("secretKeyRef")) {
                    Map<String, Object> ref = map(variable, "valueFrom", "secretKeyRef");
                    assertThat(ref).containsEntry("name", text(secret, "metadata", "name"));
                    assertThat(secretKeys).as("secret.yaml keys").contains((String) ref.get("key"));
                } else {
                    Map<String, Object> ref = map(variable, "valueFrom", "configMapKeyRef");
                    assertThat(ref).containsEntry("name", text(configMap, "metadata", "name"));
                    assertThat(configKeys).as("configmap.yaml keys").contains((String) ref.get("key"));
                }
            }
        }
        assertThat(provided).as("environment of the container").containsAll(PROD_ENVIRONMENT).containsAll(secretKeys);
    }

    @Test
    void theProdEnvironmentListMatchesThePlaceholdersInConfig() throws IOException {
        Set<String> placeholders = new TreeSet<>();
        for (String file : List.of("config/application.yaml", "config/application-prod.yaml")) {
            Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(Files.readString(Path.of(file)));
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
            }
        }
        assertThat(placeholders).containsAll(PROD_ENVIRONMENT);
    }

    @Test
    void serviceAndDisruptionBudgetSelectTheDeploymentsPods() {
        Map<String, Object> deployment = only("Deployment");
        Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
        assertThat(podLabels).containsEntry(LABEL, "ledgerbridge");
        assertThat(map(deployment, "spec", "selector", "matchLabels")).isEqualTo(podLabels);

        Map<String, Object> service = only("Service");
        assertThat(text(service, "spec", "type")).isEqualTo("ClusterIP");
        assertThat(podLabels).containsAllEntriesOf(map(service, "spec", "selector"));
        Map<String, Object> port = KubernetesManifestsTest.<Map<String, Object>>list(service, "spec", "ports").get(0);
        assertThat(port).containsEntry("name", "http").containsEntry("port", 80);
        assertThat(containerPort(container(), port.get("targetPort"))).isEqualTo(8080);

        Map<String, Object> pdb = only("PodDisruptionBudget");
        assertThat(text(pdb, "apiVersion")).isEqualTo("policy/v1");
        assertThat(number(pdb, "spec", "minAvailable")).isEqualTo(1);
        assertThat(podLabels).containsAllEntriesOf(map(pdb, "spec", "selector", "matchLabels"));
    }

    @Test
    void podsServiceAccountMayOnlyHoldLeases() {
        Map<String, Object> account = only("ServiceAccount");
        Map<String, Object> role = only("Role");
        Map<String, Object> binding = only("RoleBinding");
        assertThat(text(only("Deployment"), "spec", "template", "spec", "serviceAccountName"))
                .isEqualTo(text(account, "metadata", "name"));
        List<Map<String, Object>> rules = list(role, "rules");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0)).containsEntry("apiGroups", List.of("coordination.k8s.io"))
                .containsEntry("resources", List.of("leases"));
        assertThat(list(rules.get(0), "verbs")).containsExactlyInAnyOrder("get", "create", "update");
        assertThat(map(binding, "roleRef")).containsEntry("kind", "Role")
                .containsEntry("name", text(role, "metadata", "name"));
        assertThat(KubernetesManifestsTest.<Map<String, Object>>list(binding, "subjects")).singleElement()
                .satisfies(subject -> assertThat(subject).containsEntry("kind", "ServiceAccount")
                        .containsEntry("name", text(account, "metadata", "name")));
    }

    @Test
    void dockerfileRunsTheLayeredJarAsNonRootFromApp() throws IOException {
        List<String> runtime = dockerfileRuntimeStage();
        assertThat(runtime.get(0)).isEqualTo("FROM eclipse-temurin:17-jre");
        assertThat(runtime).contains("WORKDIR /app", "ENV SPRING_PROFILES_ACTIVE=prod", "EXPOSE 8080",
                "COPY config/application.yaml config/application-prod.yaml config/", "COPY config/schemas/ config/schemas/",
                "COPY routes/ routes/");
        assertThat(runtime).as("the local profile is development-time only").noneMatch(line -> line.contains("application-local")
                || line.equals("COPY config/ config/"));
        assertThat(Integer.parseInt(dockerfileUser())).isGreaterThan(0);
        List<String> layers = runtime.stream().filter(line -> line.startsWith("COPY --from=build"))
                .map(line -> line.replaceAll(".*/extracted/([a-z-]+)/ \\./$", "$1")).toList();
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(String.join("\n", dockerfile()))
                .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted");
        String entrypoint = runtime.stream().filter(line -> line.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        // Exec form (a JSON array, which YAML reads too): java is PID 1 and receives SIGTERM.
        List<String> command = new Yaml().load(entrypoint.substring("ENTRYPOINT ".length()));
        assertThat(command).startsWith("java").endsWith("org.springframework.boot.loader.launch.JarLauncher")
                .contains("-XX:MaxRAMPercentage=75");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    assertThat(document).as(file + " document").isInstanceOf(Map.class);
                    documents.add(cast(document));
                }
            }
        }
        return documents;
    }

    /** The one document of this kind in kubernetes/. */
    private static Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = FILES.values().stream().flatMap(List::stream)
                .filter(document -> kind.equals(document.get("kind"))).toList();
        assertThat(found).as("documents of kind " + kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = list(only("Deployment"), "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static String probe(Map<String, Object> container, String name) {
        Map<String, Object> get = map(container, name, "httpGet");
        return get.get("path") + ":" + containerPort(container, get.get("port"));
    }

    /** A port number, or a port name resolved against the container's ports. */
    private static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return KubernetesManifestsTest.<Map<String, Object>>list(container, "ports").stream()
                .filter(candidate -> port.equals(candidate.get("name")))
                .map(candidate -> (Integer) candidate.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> variable : KubernetesManifestsTest.<Map<String, Object>>list(container, "env")) {
            environment.put((String) variable.get("name"), String.valueOf(variable.get("value")));
        }
        return environment;
    }

    /** Mount path -> volume name. */
    private static Map<String, String> mounts(Map<String, Object> container) {
        return KubernetesManifestsTest.<Map<String, Object>>list(container, "volumeMounts").stream()
                .collect(Collectors.toMap(mount -> (String) mount.get("mountPath"), mount -> (String) mount.get("name")));
    }

    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return KubernetesManifestsTest.<Map<String, Object>>list(pod, "volumes").stream()
                .filter(volume -> name.equals(volume.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    /** The Dockerfile's instructions, continuation lines joined, comments and blank lines dropped. */
    private static List<String> dockerfile() throws IOException {
        String joined = Files.readString(Path.of("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
        return joined.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static List<String> dockerfileRuntimeStage() throws IOException {
        List<String> lines = dockerfile();
        int last = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return lines.subList(last, lines.size());
    }

    /** The runtime stage's numeric uid; a name could not be checked by runAsNonRoot. */
    private static String dockerfileUser() throws IOException {
        List<String> users = dockerfileRuntimeStage().stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        String user = users.get(0).substring("USER ".length()).split(":")[0];
        assertThat(user).as("USER in the Dockerfile").matches("[0-9]+");
        return user;
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("parent of " + key).isInstanceOf(Map.class);
            current = ((Map<?, ?>) current).get(key);
            assertThat(current).as(String.join(".", path)).isNotNull();
        }
        return current;
    }

    private static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        assertThat(value).as(String.join(".", path)).isInstanceOf(Map.class);
        return cast(value);
    }

    private static <T> List<T> list(Object node, String... path) {
        Object value = at(node, path);
        assertThat(value).as(String.join(".", path)).isInstanceOf(List.class);
        return cast(value);
    }

    private static String text(Object node, String... path) {
        return String.valueOf(at(node, path));
    }

    private static int number(Object node, String... path) {
        Object value = at(node, path);
        assertThat(value).as(String.join(".", path)).isInstanceOf(Integer.class);
        return (Integer) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
