package io.canhgac.contract.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an operator asks of a PTZ camera: MOVE at a velocity (each -1..1) until STOP (or for a
 * second at most, so a lost "stop" on a weak link does not leave the camera turning), or go to a
 * PRESET by its token.
 */
public record PtzCommand(@NotNull Action action,
                         @DecimalMin("-1") @DecimalMax("1") double pan,
                         @DecimalMin("-1") @DecimalMax("1") double tilt,
                         @DecimalMin("-1") @DecimalMax("1") double zoom,
                         @Size(max = 64) String preset) {

    public enum Action { MOVE, STOP, PRESET }
}
