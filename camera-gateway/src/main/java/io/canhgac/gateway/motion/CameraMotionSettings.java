package io.canhgac.gateway.motion;

import io.canhgac.contract.registry.MotionSettings;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What one camera's operator tunes, on top of the gateway-wide {@link MotionSettings}.
 *
 * @param sensitivity 1 (only large, clear motion) to 10 (small, faint motion); 5 is the tuned
 *                    default. Each step up lowers the difference threshold and the minimum blob area
 *                    by about a fifth
 * @param zones       where motion counts; empty means the whole picture
 * @param masks       where motion never counts, even inside a zone: a burned-in clock, a road
 *                    outside the property, a tree
 * @param schedule    when motion raises events
 */
public record CameraMotionSettings(int sensitivity, List<Polygon> zones, List<Polygon> masks, ArmingSchedule schedule) {

    public static final int MAX_POLYGONS = 16;
    public static final CameraMotionSettings DEFAULTS = new CameraMotionSettings(5, List.of(), List.of(), ArmingSchedule.ALWAYS);

    public CameraMotionSettings {
        if (sensitivity < 1 || sensitivity > 10) {
            throw new IllegalArgumentException("sensitivity must be 1..10, was " + sensitivity);
        }
        zones = List.copyOf(zones);
        masks = List.copyOf(masks);
        if (zones.size() > MAX_POLYGONS || masks.size() > MAX_POLYGONS) {
            throw new IllegalArgumentException("at most " + MAX_POLYGONS + " zones and " + MAX_POLYGONS + " masks");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("a schedule is required (ArmingSchedule.ALWAYS for always armed)");
        }
    }

    /** The settings the centre sent (its wire form); null means the defaults. */
    public static CameraMotionSettings from(MotionSettings wire) {
        if (wire == null) {
            return DEFAULTS;
        }
        List<ArmingSchedule.Window> windows = wire.schedule().windows().stream()
                .map(w -> new ArmingSchedule.Window(w.day(), LocalTime.parse(w.from()), LocalTime.parse(w.to()))).toList();
        return new CameraMotionSettings(wire.sensitivity(), polygons(wire.zones()), polygons(wire.masks()),
                new ArmingSchedule(ZoneId.of(wire.schedule().zone()), windows));
    }

    private static List<Polygon> polygons(List<MotionSettings.Polygon> wire) {
        return wire.stream().map(p -> new Polygon(p.points().stream().map(c -> new Polygon.Point(c.x(), c.y())).toList())).toList();
    }

    public CameraMotionSettings withMasks(List<Polygon> newMasks) {
        return new CameraMotionSettings(sensitivity, zones, newMasks, schedule);
    }

    public CameraMotionSettings withZones(List<Polygon> newZones) {
        return new CameraMotionSettings(sensitivity, newZones, masks, schedule);
    }

    public CameraMotionSettings withSchedule(ArmingSchedule newSchedule) {
        return new CameraMotionSettings(sensitivity, zones, masks, newSchedule);
    }

    public CameraMotionSettings withSensitivity(int newSensitivity) {
        return new CameraMotionSettings(newSensitivity, zones, masks, schedule);
    }

    /** Multiplies thresholds and areas: 1 at sensitivity 5, smaller when more sensitive. */
    double scale() {
        return Math.pow(0.8, sensitivity - 5);
    }

    /** Whether the normalised point lies in a zone (or there are no zones). */
    boolean inZone(double x, double y) {
        return zones.isEmpty() || zones.stream().anyMatch(z -> z.contains(x, y));
    }

    /** Whether the normalised point lies under a mask. */
    boolean masked(double x, double y) {
        return masks.stream().anyMatch(m -> m.contains(x, y));
    }
}
