package io.ledgerbridge.xero;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerbridge.xero.XeroFailure.Kind;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class XeroErrorClassifierTest {

    @Test
    void a429IsThrottledForAsLongAsRetryAfterSays() {
        XeroFailure failure = XeroErrorClassifier.classify(429, "17", "minute", "");
        assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(failure.detail()).isEqualTo("Xero's minute limit was reached");
        assertThat(failure.isTemporary()).isTrue();
        assertThat(XeroErrorClassifier.classify(429, null, null, "").retryAfter()).as("unknown: the caller waits a window").isNull();
    }

    @Test
    void anExpiredTokenIsRefreshedAndAnyOther401Or403ParksTheTenant() {
        assertThat(XeroErrorClassifier.classify(401, null, null,
                "{\"Type\":null,\"Title\":\"Unauthorized\",\"Status\":401,\"Detail\":\"TokenExpired: token expired at 03/03/2020 09:46:07\"}")
                .kind()).isEqualTo(Kind.TOKEN_EXPIRED);
        XeroFailure forbidden = XeroErrorClassifier.classify(403, null, null,
                "{\"Type\":null,\"Title\":\"Forbidden\",\"Status\":403,\"Detail\":\"AuthenticationUnsuccessful\"}");
        assertThat(forbidden.kind()).isEqualTo(Kind.NEEDS_RECONNECT);
        assertThat(forbidden.detail()).isEqualTo("AuthenticationUnsuccessful");
        assertThat(XeroErrorClassifier.classify(400, null, null, "{\"error\":\"invalid_grant\"}").kind())
                .isEqualTo(Kind.NEEDS_RECONNECT);
    }

    @Test
    void aValidationExceptionKeepsEveryElementsMessages() {
        XeroFailure failure = XeroErrorClassifier.classify(400, null, null, """
                {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
                 "Elements":[{"ValidationErrors":[{"Message":"Invoice # must be unique."}]},
                             {"ValidationErrors":[{"Message":"Account code '999' is not a valid code for this document."}]}]}""");
        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.detail()).isEqualTo("A validation exception occurred");
        assertThat(failure.messages()).containsExactly("Invoice # must be unique.",
                "Account code '999' is not a valid code for this document.");
    }

    @Test
    void serverErrorsAndSilenceAreTemporaryWithAnUnknownOutcome() {
        XeroFailure unavailable = XeroErrorClassifier.classify(503, null, null, "The Xero API is currently offline for maintenance");
        assertThat(unavailable.kind()).isEqualTo(Kind.TEMPORARY);
        assertThat(unavailable.outcomeUnknown()).isTrue();
        assertThat(unavailable.detail()).isEqualTo("Xero answered 503: The Xero API is currently offline for maintenance");

        XeroFailure timeout = XeroErrorClassifier.noAnswer(new HttpTimeoutException("request timed out"), true);
        assertThat(timeout.kind()).isEqualTo(Kind.TEMPORARY);
        assertThat(timeout.outcomeUnknown()).isTrue();
        assertThat(XeroErrorClassifier.noAnswer(new java.net.ConnectException("refused"), false).outcomeUnknown()).isFalse();
    }
}
