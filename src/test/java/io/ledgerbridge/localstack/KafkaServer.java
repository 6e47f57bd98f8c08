package io.ledgerbridge.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), the real server from
 * {@code kafka_2.13}. Its log directory lives under the stack's data directory and is formatted once,
 * so topics, records and committed offsets survive a restart.
 */
final class KafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);

    private final LocalStackSettings settings;
    private final Path logDirectory;
    private KafkaRaftServer server;

    KafkaServer(LocalStackSettings settings) {
        this.settings = settings;
        this.logDirectory = settings.dataDirectory().resolve("kafka");
    }

    void start() throws Exception {
        Files.createDirectories(logDirectory);
        Properties config = brokerConfig();
        formatOnce();
        // The broker halts the JVM on a fatal fault; in this process that would take the service down with it.
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka failed fatally (" + status + "): " + message);
        });
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka asked to exit (" + status + "): " + message);
        });
        server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
        server.startup();
        createTopics();
        log.info("Kafka (KRaft) listening on {} (log in {})", settings.kafkaBootstrap(), logDirectory);
    }

    private Properties brokerConfig() {
        String controller = settings.host() + ":" + settings.kafkaControllerPort();
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + controller),
                Map.entry("listeners", "PLAINTEXT://" + settings.kafkaBootstrap() + ",CONTROLLER://" + controller),
                Map.entry("advertised.listeners", "PLAINTEXT://" + settings.kafkaBootstrap()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toString()),
                Map.entry("num.partitions", String.valueOf(settings.kafkaPartitions())),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1")));
        return config;
    }

    /** Writes meta.properties and the bootstrap checkpoint the first time; a formatted directory is kept. */
    private void formatOnce() throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .setIgnoreFormatted(true)
                .run();
    }

    private void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = settings.topics().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, settings.kafkaPartitions(), (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics " + settings.topics() + " within 30 s", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
