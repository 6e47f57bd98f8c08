package io.ledgerbridge.xero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's date forms in answers (FACTS.md §12): {@code /Date(1439434356790)/} or {@code /Date(1419937200000+0000)/}
 * (milliseconds since the epoch, UTC; the offset is ignored, as Xero's SDK does), or an ISO date or date-time.
 */
final class XeroDates {

    private static final Pattern DOT_NET = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d+)?\\)/$");

    private XeroDates() {
    }

    /** The calendar date Xero means, or null for nothing. */
    public static LocalDate localDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher dotNet = DOT_NET.matcher(text.trim());
        if (dotNet.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(dotNet.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
        }
        String trimmed = text.trim();
        return trimmed.length() > 10 ? LocalDateTime.parse(trimmed.length() > 19 ? trimmed.substring(0, 19) : trimmed)
                .toLocalDate() : LocalDate.parse(trimmed);
    }
}
