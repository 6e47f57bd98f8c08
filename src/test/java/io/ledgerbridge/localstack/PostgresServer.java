package io.ledgerbridge.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from zonky's binaries, with its data directory kept under the stack's data directory
 * so that local data survives a restart. As root, zonky runs the server through {@code unshare}.
 */
final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final LocalStackSettings settings;
    private final Path dataDirectory;
    private EmbeddedPostgres postgres;

    PostgresServer(LocalStackSettings settings) {
        this.settings = settings;
        this.dataDirectory = settings.dataDirectory().resolve("postgres");
    }

    void start() throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        stopOrphanedServer();
        postgres = EmbeddedPostgres.builder()
                .setPort(settings.postgresPort())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // An acknowledged commit must survive a crash of the process that made it.
                .setServerConfig("synchronous_commit", "on")
                // PostgreSQL's built-in 128 MB is smaller than a few hundred thousand documents with their indexes:
                // past it, every pass reads and writes pages through the kernel (the overhead benchmark spent
                // most of PostgreSQL's CPU in pread and pwrite). A production server is sized by its operator.
                .setServerConfig("shared_buffers", "512MB")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        createDatabaseIfMissing();
        log.info("PostgreSQL 17 listening on {} (data in {})", settings.jdbcUrl(), dataDirectory);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, settings.postgresDatabase());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // A database name cannot be a bind parameter; this one comes from our own configuration.
                create.execute("CREATE DATABASE \"" + settings.postgresDatabase().replace("\"", "") + "\"");
            }
        }
    }

    /**
     * A SIGKILLed local run leaves its PostgreSQL child behind, holding the port and the data directory.
     * Such an orphan (its parent is gone) is stopped; a server whose parent still lives belongs to a
     * running stack, and we refuse to take its data away.
     */
    private void stopOrphanedServer() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        if (server.isEmpty() || !server.get().isAlive()) {
            return;
        }
        boolean orphaned = server.get().parent().map(parent -> parent.pid() == 1).orElse(true);
        if (!orphaned) {
            throw new IllegalStateException("PostgreSQL of another running local stack (pid " + server.get().pid()
                    + ") owns " + dataDirectory + ". Stop it, or run the service with the prod profile against it.");
        }
        log.warn("Stopping PostgreSQL left behind by an earlier run (pid {})", server.get().pid());
        server.get().destroy();
        try {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.get().destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
