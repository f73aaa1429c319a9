package io.canhgac.contract.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.List;

/**
 * A camera's motion detection settings as technicians edit them and the centre sends them to the
 * gateway holding the camera, inside its {@link CameraAssignment}; the gateway turns them into its
 * detector's {@code CameraMotionSettings}. Coordinates are fractions of the picture, 0..1 from the
 * top left; no zone means the whole picture is watched.
 *
 * @param sensitivity 1 (only large, clear motion) to 10 (small changes too); 5 is the default
 * @param schedule    when motion raises alerts; no windows means always
 */
public record MotionSettings(@Min(1) @Max(10) int sensitivity,
                             @NotNull @Size(max = 16) List<@Valid @NotNull Polygon> zones,
                             @NotNull @Size(max = 16) List<@Valid @NotNull Polygon> masks,
                             @NotNull @Valid Schedule schedule) {

    public record Polygon(@NotNull @Size(min = 3, max = 64) List<@Valid @NotNull Point> points) {
    }

    public record Point(@DecimalMin("0") @DecimalMax("1") double x, @DecimalMin("0") @DecimalMax("1") double y) {
    }

    /** @param zone the time zone the windows are read in, Asia/Ho_Chi_Minh for the district */
    public record Schedule(@NotNull @Pattern(regexp = "Asia/Ho_Chi_Minh|UTC") String zone,
                           @NotNull @Size(max = 64) List<@Valid @NotNull Window> windows) {
    }

    /** From {@code from} to {@code to} on {@code day}; a window that ends before it starts runs past midnight. */
    public record Window(@NotNull DayOfWeek day,
                         @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String from,
                         @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String to) {
    }
}
