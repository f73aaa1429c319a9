package io.canhgac.gateway.onvif.device;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads a GetSystemDateAndTimeResponse. Only the UTC time is used: the local time would need the
 * camera's POSIX TZ rules, and the UTC time is what WS-Security's Created is checked against.
 */
final class SystemDateTimeParser {

    private SystemDateTimeParser() {
    }

    static DeviceClock parse(Element response) throws XmlContentException {
        Element system = Elements.child(response, "SystemDateAndTime");
        Element utc = Elements.optionalChild(system, "UTCDateTime").orElseThrow(() ->
                new XmlContentException("the camera gives no UTCDateTime, so its clock cannot be compared with ours"));
        Element date = Elements.child(utc, "Date");
        Element time = Elements.child(utc, "Time");
        LocalDateTime dateTime;
        try {
            dateTime = LocalDateTime.of(
                    Elements.integer(date, "Year"), Elements.integer(date, "Month"), Elements.integer(date, "Day"),
                    Elements.integer(time, "Hour"), Elements.integer(time, "Minute"), Elements.integer(time, "Second"));
        } catch (DateTimeException e) {
            throw new XmlContentException("UTCDateTime is not a valid date and time: " + e.getMessage());
        }
        String type = Elements.text(system, "DateTimeType");
        ClockSource source;
        if (type.equalsIgnoreCase("NTP")) {
            source = ClockSource.NTP;
        } else if (type.equalsIgnoreCase("Manual")) {
            source = ClockSource.MANUAL;
        } else {
            throw new XmlContentException("DateTimeType is neither Manual nor NTP: '" + type + "'");
        }
        boolean dst = Elements.parseBoolean(Elements.text(system, "DaylightSavings"), "DaylightSavings");
        String tz = Elements.optionalText(system, "TimeZone", "TZ").orElse("");
        return new DeviceClock(dateTime.toInstant(ZoneOffset.UTC), source, dst, tz);
    }
}
