package io.canhgac.simulator.onvif;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** xs:dateTime and xs:duration, as ONVIF messages carry times. */
final class Xsd {

    private Xsd() {
    }

    /** UTC, millisecond precision: {@code 2018-02-27T18:28:52.123Z}. */
    static String dateTime(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * An xs:duration such as {@code PT60S} or {@code PT1M}. Years and months have no fixed length
     * and are refused, as is a negative duration.
     */
    static Duration duration(String text) throws SoapFault {
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative()) {
                throw SoapFault.invalidArgVal("InvalidArgVal", "Negative duration " + text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw SoapFault.invalidArgs("Not an xs:duration without years or months: " + text);
        }
    }

    /**
     * A WS-BaseNotification termination time: either a duration from now or an absolute xs:dateTime.
     */
    static Instant terminationTime(String text, Instant now) throws SoapFault {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("-P")) {
            return now.plus(duration(t));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw SoapFault.invalidArgs("Not an xs:dateTime or xs:duration: " + text);
        }
    }
}
