package io.canhgac.contract.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.regex.Pattern;

/**
 * What an operator asks of a PTZ camera, in ONVIF's generic spaces: MOVE at a velocity (each -1..1)
 * until STOP (or for a second at most, so a lost "stop" on a weak link does not leave the camera
 * turning); go to a PRESET by its token; go to an ABSOLUTE position (pan and tilt -1..1, zoom 0..1;
 * all three axes are sent); move RELATIVE by a step (each -1..1) that needs no stop; SET_PRESET stores
 * where the camera points under {@code presetName} (over {@code preset} when a token is given, else
 * as a new one); REMOVE_PRESET deletes {@code preset}.
 */
public record PtzCommand(@NotNull Action action,
                         @DecimalMin("-1") @DecimalMax("1") double pan,
                         @DecimalMin("-1") @DecimalMax("1") double tilt,
                         @DecimalMin("-1") @DecimalMax("1") double zoom,
                         @Size(max = 64) String preset,
                         @Size(max = 64) String presetName) {

    public enum Action { MOVE, STOP, PRESET, ABSOLUTE, RELATIVE, SET_PRESET, REMOVE_PRESET }

    /** ONVIF tokens are strings of up to 64; cameras use digits or short ASCII names ("Preset_1"). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** A command of the first three kinds, which have no preset name. */
    public PtzCommand(Action action, double pan, double tilt, double zoom, String preset) {
        this(action, pan, tilt, zoom, preset, null);
    }

    /** Whether it changes what every operator of the camera relies on (its stored presets), not only where it points. */
    public boolean changesPresets() {
        return action == Action.SET_PRESET || action == Action.REMOVE_PRESET;
    }

    /**
     * What is wrong with it beyond each field's own range, as "field: why", or null. Checked by the
     * centre before a command crosses a commune's link, so a camera never has to refuse it.
     */
    public String problem() {
        if (action == null) {
            return "action: missing";
        }
        switch (action) {
            case PRESET, REMOVE_PRESET -> {
                return tokenProblem(true);
            }
            case SET_PRESET -> {
                if (presetName == null || presetName.isBlank() || presetName.strip().length() != presetName.length()) {
                    return "presetName: SET_PRESET names the preset, without spaces around it";
                }
                if (presetName.length() > 64 || presetName.chars().anyMatch(Character::isISOControl)) {
                    return "presetName: at most 64 characters, no control characters";
                }
                return tokenProblem(false);
            }
            case ABSOLUTE -> {
                return zoom < 0 ? "zoom: an ABSOLUTE position's zoom is within 0..1" : null;
            }
            default -> {
                return null;
            }
        }
    }

    private String tokenProblem(boolean required) {
        if (preset == null || preset.isEmpty()) {
            return required ? "preset: " + action + " names the preset's token" : null;
        }
        return TOKEN.matcher(preset).matches() ? null
                : "preset: a preset token is 1 to 64 letters, digits or _ . : -";
    }
}
