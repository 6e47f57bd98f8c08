package io.ledgerbridge.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Xero account code as a request may carry it: 1 to 10 characters without spaces (Xero's limit),
 * or the empty string where the field may be cleared. Null is left to {@code @NotNull}/{@code @NotBlank}.
 */
@Pattern(regexp = "^[^\\s]{0,10}$")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AccountCode {

    String message() default "must be a Xero account code (up to 10 characters, no spaces)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
