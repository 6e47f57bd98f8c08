package io.ledgerbridge.sandbox.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's date forms (FACTS §12): responses carry .NET dates {@code /Date(ms+0000)/} plus helper strings;
 * requests may send {@code YYYY-MM-DD}, an ISO date-time or the .NET form.
 */
public final class XeroDates {

    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");
    private static final DateTimeFormatter DATE_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter EXPIRED_AT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    private XeroDates() {
    }

    /** {@code /Date(ms+0000)/} for a calendar date (UTC midnight), as on Date and DueDate. */
    public static String msDate(LocalDate date) {
        return "/Date(" + date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + "+0000)/";
    }

    /** {@code /Date(ms+0000)/} for an instant, as on UpdatedDateUTC. */
    public static String msDateTime(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    /** {@code /Date(ms)/} without an offset, as on the envelope's DateTimeUTC. */
    public static String envelope(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + ")/";
    }

    /** {@code 2019-03-11T00:00:00}, as on DateString and DueDateString. */
    public static String dateString(LocalDate date) {
        return date.atStartOfDay().format(DATE_STRING);
    }

    /** {@code 2019-03-07T17:59:28Z}, as on UpdatedDateUTCString. */
    public static String isoUtc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The identity service's form: no zone designator, seven fractional digits. */
    public static String identity(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return t.format(DATE_STRING) + String.format(".%07d", t.getNano() / 100);
    }

    /** How a 401 TokenExpired states the expiry, e.g. {@code 03/03/2020 09:46:07}. */
    public static String expiredAt(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(EXPIRED_AT);
    }

    /** A request date in any form Xero accepts; null when the text is not a date. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        Matcher ms = MS_DATE.matcher(value);
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** An If-Modified-Since value: RFC 1123, ISO with or without an offset (UTC assumed), or the .NET form. */
    public static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        Matcher ms = MS_DATE.matcher(value);
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Milliseconds of a {@code /Date(…)/} string, or null. */
    public static Long millis(String text) {
        if (text == null) {
            return null;
        }
        Matcher ms = MS_DATE.matcher(text);
        return ms.matches() ? Long.parseLong(ms.group(1)) : null;
    }
}
