package io.canhgac.gateway.motion;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a camera's motion raises events: weekly windows in the district's time zone (a shop
 * watched at night, a school gate out of hours). Outside every window the detector still runs, so
 * its background stays current, but no event starts.
 *
 * @param windows empty means always armed
 */
public record ArmingSchedule(ZoneId zone, List<Window> windows) {

    public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int MAX_WINDOWS = 64;
    public static final ArmingSchedule ALWAYS = new ArmingSchedule(DISTRICT_ZONE, List.of());

    /**
     * Armed on {@code day} from {@code from} (inclusive) to {@code to} (exclusive); a window whose
     * end is not after its start runs past midnight into the next day, e.g. 22:00-06:00.
     */
    public record Window(DayOfWeek day, LocalTime from, LocalTime to) {
        public Window {
            if (day == null || from == null || to == null) {
                throw new IllegalArgumentException("an arming window needs a day, a start and an end");
            }
        }

        boolean covers(ZonedDateTime t) {
            LocalTime time = t.toLocalTime();
            if (from.isBefore(to)) {
                return t.getDayOfWeek() == day && !time.isBefore(from) && time.isBefore(to);
            }
            return (t.getDayOfWeek() == day && !time.isBefore(from))
                    || (t.getDayOfWeek() == day.plus(1) && time.isBefore(to));
        }
    }

    public ArmingSchedule {
        if (zone == null) {
            throw new IllegalArgumentException("an arming schedule needs a time zone");
        }
        windows = List.copyOf(windows);
        if (windows.size() > MAX_WINDOWS) {
            throw new IllegalArgumentException("at most " + MAX_WINDOWS + " arming windows, had " + windows.size());
        }
    }

    /** Every day of the week from {@code from} to {@code to} in the district's zone (overnight if to <= from). */
    public static ArmingSchedule daily(LocalTime from, LocalTime to) {
        return new ArmingSchedule(DISTRICT_ZONE, java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> new Window(d, from, to)).toList());
    }

    public boolean armedAt(Instant at) {
        if (windows.isEmpty()) {
            return true;
        }
        ZonedDateTime t = at.atZone(zone);
        for (Window w : windows) {
            if (w.covers(t)) {
                return true;
            }
        }
        return false;
    }
}
