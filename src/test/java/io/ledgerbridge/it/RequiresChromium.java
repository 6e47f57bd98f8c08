package io.ledgerbridge.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * A test class that drives Debian's Chromium: skipped, naming the install command, where Chromium or its driver is
 * missing, and failed instead when {@code CI=true} ({@link ChromiumInstall#verdict()}). A condition rather than an
 * assumption in {@code @BeforeAll}, so a skipped class does not start the whole app first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
@interface RequiresChromium {

    /** JUnit's side of it: a failure thrown here is reported as the class's failure. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            ChromiumInstall.Verdict verdict = ChromiumInstall.configured().verdict();
            return switch (verdict.outcome()) {
                case RUN -> ConditionEvaluationResult.enabled(verdict.reason());
                case SKIP -> ConditionEvaluationResult.disabled(verdict.reason());
                case FAIL -> throw new AssertionFailedError(verdict.reason());
            };
        }
    }
}
