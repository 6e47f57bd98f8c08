package io.ledgerbridge.localstack;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded stack before any bean is created when {@code ledgerbridge.local-stack.enabled}
 * is true (the local profile), and points the datasource, Kafka and mail settings at it.
 * Registered in META-INF/spring.factories, because it must run before the application context exists.
 */
public class LocalStackEnvironmentListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String PROPERTY_SOURCE = "ledgerbridge-local-stack";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.getProperty(LocalStackSettings.PREFIX + "enabled", Boolean.class, false)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        // Spring Boot runs its shutdown handlers once the application context is closed: Camel has stopped its
        // consumers by then. A JVM shutdown hook of our own would stop the broker at the same time instead.
        LocalStack stack = LocalStack.startOnce(LocalStackSettings.from(environment::getProperty),
                SpringApplication.getShutdownHandlers()::add);
        Map<String, Object> properties = new HashMap<>(stack.settings().serviceProperties());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public int getOrder() {
        // After Spring Boot has loaded application*.yaml and the active profiles.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
