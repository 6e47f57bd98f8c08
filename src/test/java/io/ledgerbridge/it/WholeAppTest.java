package io.ledgerbridge.it;

import io.ledgerbridge.Application;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on the embedded stack, on a random port, with metrics on as in production. Every IT
 * uses exactly this, so they share one application context (and one Kafka consumer) per JVM. The one
 * exception, ContractProxyIT, adds properties of its own and so gets a context of its own, kept apart
 * from the shared one (its own topic, consumer group and schema) and closed after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// a base class of ITs (DeliveryTestBase) passes it on, so JUnit finds Spring's extension on the subclasses too
@Inherited
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
@AutoConfigureObservability
@interface WholeAppTest {
}
