package io.ledgerbridge.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real PostgreSQL for tests of SQL that matters (claims, fences, upserts), without Spring or Camel: one embedded
 * server per test JVM (zonky, as the local stack uses), and a fresh database with the project's migrations per call.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;

    /** One database: its data source, and the JDBC helpers the repositories take. */
    public record Database(DataSource dataSource, JdbcClient jdbc, NamedParameterJdbcTemplate batch,
                           TransactionTemplate transaction) {
    }

    private TestDatabase() {
    }

    /** A database with every migration applied. */
    public static Database fresh() {
        return fresh(null);
    }

    /** A database migrated up to {@code target} (e.g. "8"), or fully when null. */
    public static synchronized Database fresh(String target) {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going anyway
                    }
                }));
            }
            String name = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            DataSource dataSource = new DriverManagerDataSource(server.getJdbcUrl("postgres", name), "postgres", "");
            var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
            if (target != null) {
                flyway = flyway.target(target);
            }
            flyway.load().migrate();
            return new Database(dataSource, JdbcClient.create(dataSource), new NamedParameterJdbcTemplate(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("A test database could not be created", e);
        }
    }
}
