package io.ledgerbridge.xero.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void readsXerosHeadersWhateverTheirCase() {
        RateLimitHeaders headers = RateLimitHeaders.parse(429, caseInsensitive(Map.of(
                "x-minlimit-remaining", "60", "X-DAYLIMIT-REMAINING", "0", "X-AppMinLimit-Remaining", "9876",
                "retry-after", "3600", "x-rate-limit-problem", "Day")));
        assertThat(headers).isEqualTo(new RateLimitHeaders(429, 60, 0, 9876, Duration.ofSeconds(3600),
                RateLimitProblem.DAY));
        assertThat(headers.throttled()).isTrue();
        assertThat(headers.throttledBy()).isEqualTo(RateLimitProblem.DAY);
    }

    @Test
    void absentOrUnreadableHeadersAreNull() {
        RateLimitHeaders headers = RateLimitHeaders.parse(200, caseInsensitive(Map.of(
                "X-MinLimit-Remaining", "many", "Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")));
        assertThat(headers).isEqualTo(RateLimitHeaders.status(200));
        assertThat(headers.throttled()).isFalse();
        assertThat(headers.throttledBy()).isNull();
    }

    @Test
    void aNegativeRemainingCountMeansNothingLeft() {
        assertThat(RateLimitHeaders.parse(200, caseInsensitive(Map.of("X-MinLimit-Remaining", "-1")))
                .minuteRemaining()).isZero();
    }

    @Test
    void problemNamesAreReadCaseInsensitively() {
        assertThat(RateLimitProblem.parse("minute")).isEqualTo(RateLimitProblem.MINUTE);
        assertThat(RateLimitProblem.parse("MINUTE")).isEqualTo(RateLimitProblem.MINUTE);
        assertThat(RateLimitProblem.parse("Daily")).isEqualTo(RateLimitProblem.DAY);
        assertThat(RateLimitProblem.parse("AppMinute")).isEqualTo(RateLimitProblem.APP_MINUTE);
        assertThat(RateLimitProblem.parse(" concurrent ")).isEqualTo(RateLimitProblem.CONCURRENT);
        assertThat(RateLimitProblem.parse("hourly")).isNull();
        assertThat(RateLimitProblem.parse(null)).isNull();
    }

    @Test
    void withoutAProblemHeaderA429IsBlamedOnTheLimitThatIsAtZero() {
        assertThat(new RateLimitHeaders(429, 0, 10, 10, null, null).throttledBy()).isEqualTo(RateLimitProblem.MINUTE);
        assertThat(new RateLimitHeaders(429, 10, 0, 0, null, null).throttledBy()).isEqualTo(RateLimitProblem.DAY);
        assertThat(new RateLimitHeaders(429, 0, 10, 0, null, null).throttledBy())
                .isEqualTo(RateLimitProblem.APP_MINUTE);
        assertThat(RateLimitHeaders.status(429).throttledBy()).isNull();
        assertThat(new RateLimitHeaders(200, 0, 0, 0, null, null).throttledBy()).isNull();
    }

    private static java.util.function.Function<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(headers);
        return map::get;
    }
}
