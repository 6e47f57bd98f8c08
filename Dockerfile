# LedgerBridge image: built from source with the Maven Wrapper, run as the extracted layered jar.
#   docker build -t ledgerbridge:0.1.0 .
# Configuration comes from the environment only (see kubernetes/); nothing environment-specific is baked in.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# Wrapper and pom first: the dependency layer below is reused until pom.xml or the wrapper changes.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B dependency:go-offline
# Everything the jar is made of (pom.xml maps routes/ and config/ as resources); src/test is not needed.
COPY src/main/ src/main/
COPY config/ config/
COPY routes/ routes/
# Split the jar into Spring Boot's layers (tools jar mode, Spring Boot 3.3+), launcher included,
# so a code change only rebuilds the small application layer of the image.
RUN ./mvnw -B -DskipTests package \
 && cp target/ledgerbridge-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
# A fixed numeric uid/gid: Kubernetes can only verify runAsNonRoot for a numeric USER.
RUN groupadd --system --gid 10001 ledgerbridge \
 && useradd --system --uid 10001 --gid ledgerbridge --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin ledgerbridge
# Spring Boot reads ./config/application*.yaml from here; files stay root-owned, so read-only to the app.
WORKDIR /app
# Least to most often changed, so pulls after a code change fetch only the last layers.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Only the product's configuration: the local profile (application-local.yaml) is development-time only.
COPY config/application.yaml config/application-prod.yaml config/
COPY config/schemas/ config/schemas/
# The routes also ship in the jar (classpath:routes/, the default). This copy is what
# LEDGERBRIDGE_ROUTES=file:/app/routes/*.camel.yaml reads; Kubernetes mounts the routes ConfigMap over it.
COPY routes/ routes/
# The production profile: every endpoint from the environment, nothing embedded starts.
ENV SPRING_PROFILES_ACTIVE=prod
USER 10001:10001
EXPOSE 8080
# Exec form: java is PID 1 and gets SIGTERM for the graceful shutdown. Heap follows the container's
# memory limit; on OutOfMemoryError exit so Kubernetes restarts the pod instead of it limping on.
# Extra JVM flags: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "org.springframework.boot.loader.launch.JarLauncher"]
